import { DAY_MS } from "#contract/assumptions";
import { utcDay } from "#contract/dates";
import { DIGEST_BIRTHDAYS_MAX, type DigestSection } from "#contract/notifications";
import { localDayAt } from "#contract/schedule";
import { buildUpcomingBirthdays } from "../birthdays/upcoming-list";
import type { UpstreamClient } from "../upstream/client";
import { scopeNames } from "./scope-names";
import { judgeRecentDays, type LabelJudgement } from "./label-periods";
import type { NotifyMessage, NotifySection } from "#contract/notifications";
import { liftWords, percent } from "./spike-words";
import type { SubscriptionSettings } from "./subscriptions-store";

export interface DigestSpec {
  workspaceId: string;
  channelId: string;
  name: string;
  sections: DigestSection[];
  birthdayDays: number;
  timeZone: string;
  every: "day" | "week";
  /** Whether names may go out (the owner's role and, for shared destinations, an admin's choice). */
  personalData: boolean;
  /** The previous digest's instant: unusual periods since then are reported. */
  sinceMs: number | undefined;
  /** Requests for access waiting in the workspace, when the owner is an admin there (else the section stays empty). */
  accessRequests?: number | undefined;
}

/** The digest a subscription's settings describe, for the channel and owner's rights given. */
export function digestSpecOf(s: { workspaceId: string; channelId: string; name: string; settings: SubscriptionSettings; personalData: boolean; sinceMs: number | undefined; accessRequests?: number | undefined }): DigestSpec {
  return {
    workspaceId: s.workspaceId,
    channelId: s.channelId,
    name: s.name,
    sections: s.settings.sections,
    birthdayDays: s.settings.birthdayDays,
    timeZone: s.settings.schedule?.timeZone ?? "UTC",
    every: s.settings.schedule?.every ?? "day",
    personalData: s.personalData,
    sinceMs: s.sinceMs,
    accessRequests: s.accessRequests,
  };
}

export type Composed = { ok: true; message: NotifyMessage } | { ok: false; message: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const dayName = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** Links into the dashboard, keeping the workspace and channel (`ws`, `ch`: the SPA's URL keys). */
export function dashboardLink(base: URL, path: string, scope: { workspaceId: string; channelId: string }, extra: Record<string, string> = {}): string {
  const url = new URL(path, base);
  url.searchParams.set("ws", scope.workspaceId);
  url.searchParams.set("ch", scope.channelId);
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  return url.toString();
}

async function birthdaysSection(upstream: UpstreamClient, spec: DigestSpec, base: URL, nowMs: number): Promise<{ ok: true; section: NotifySection; named: number } | { ok: false; message: string }> {
  const from = localDayAt(nowMs, spec.timeZone);
  const days = spec.birthdayDays + 1;
  // Exactly the Birthdays view's list for the same days (the same builder, the same month scans).
  const built = await buildUpcomingBirthdays(upstream, { workspaceId: spec.workspaceId, channelId: spec.channelId, from, days });
  if (!built.ok) {
    const body = built.answer.body as { message?: unknown };
    return { ok: false, message: typeof body.message === "string" ? body.message : "The Dynamo API did not answer the birthday list." };
  }
  const items = built.list.items;
  const today = items.filter((i) => i.on === from);
  const range = spec.birthdayDays === 0 ? "today" : `today and the next ${plural(spec.birthdayDays, "day")}`;
  // The Birthdays view's range that shows these days (its longest is 30).
  const viewRange = days === 1 ? "today" : days <= 7 ? "7" : days <= 14 ? "14" : "30";
  const link = { text: "Open the full list", url: dashboardLink(base, "/birthdays", spec, { range: viewRange, tz: spec.timeZone }) };
  const cut = built.list.scan.complete ? [] : ["The Dynamo API stopped before the end of a month: this list may miss birthdays."];
  if (!spec.personalData) {
    const lines = items.length === 0 ? [] : [`${plural(today.length, "VIP birthday")} today${spec.birthdayDays > 0 ? `, ${plural(items.length, "birthday")} ${range}` : ""}.`, ...cut];
    return { ok: true, section: { title: `Birthdays ${range}`, lines, link }, named: 0 };
  }
  const shown = items.slice(0, DIGEST_BIRTHDAYS_MAX);
  const lines = shown.map((i) => {
    const age = i.turns !== null ? ` (turns ${i.turns})` : "";
    const moved = i.leapDayMoved ? " (born 29 February)" : "";
    return `${i.on === from ? "Today" : dayName(i.on)}: ${i.user.userName ?? i.user.conversationId}${age}${moved}`;
  });
  if (items.length > shown.length) lines.push(`…and ${plural(items.length - shown.length, "more birthday")}: the full list is in the dashboard.`);
  return { ok: true, section: { title: `Birthdays ${range} (${items.length})`, lines: items.length === 0 ? [] : [...lines, ...cut], link }, named: shown.length };
}

function unusualSection(judged: LabelJudgement, spec: DigestSpec, base: URL, nowMs: number): NotifySection {
  const since = spec.sinceMs ?? nowMs - (spec.every === "week" ? 7 : 1) * DAY_MS;
  const recent = judged.spikes.filter((s) => Date.parse(s.bucket) + DAY_MS > since);
  const lines = recent.map((s) => {
    const name = judged.labelNames.get(s.label) ?? s.label;
    return `${name} on ${utcDay(Date.parse(s.bucket))} (UTC): ${plural(s.count, "message")}, ${percent(s.rate)} of ${plural(s.activity, "VIP message")}, ${liftWords(s)}`;
  });
  const first = recent[0];
  const link = first
    ? { text: "Open the bar's messages", url: dashboardLink(base, "/labels", spec, { granularity: "day", drill: `${first.label}:${first.bucket}` }) }
    : { text: "Open the Labels chart", url: dashboardLink(base, "/labels", spec) };
  return { title: "Unusual labels", lines, link };
}

function totalsSection(judged: LabelJudgement, spec: DigestSpec, base: URL): NotifySection {
  const { current, previous } = judged.totals(spec.every === "week" ? 7 : 1);
  const lines: string[] = [];
  if (current.activity > 0 || previous.activity > 0) {
    lines.push(`All VIP messages: ${current.activity.toLocaleString("en-US")} (previous: ${previous.activity.toLocaleString("en-US")})`);
    for (const [id, count] of [...current.labels].sort((a, b) => b[1] - a[1])) {
      const before = previous.labels.get(id) ?? 0;
      lines.push(`${judged.labelNames.get(id) ?? id}: ${count.toLocaleString("en-US")} (previous: ${before.toLocaleString("en-US")})`);
    }
  }
  const period = spec.every === "week" ? "the last 7 UTC days against the 7 before" : "yesterday (UTC) against the day before";
  return { title: `Label totals: ${period}`, lines, link: { text: "Open the Labels chart", url: dashboardLink(base, "/labels", spec) } };
}

/** Requests for access waiting: a count and the way to the Access view (never who asked: that is for the page). */
function accessSection(spec: DigestSpec, base: URL): NotifySection {
  const n = spec.accessRequests ?? 0;
  const lines = n > 0 ? [`${plural(n, "person is", "people are")} waiting for an answer to a request for access.`] : [];
  return { title: "Requests for access", lines, link: { text: "Answer them in Access", url: dashboardLink(base, "/access", spec) } };
}

/** The digest as it would be sent now: what "Preview" shows and what a due send queues. */
export async function composeDigest(upstream: UpstreamClient, spec: DigestSpec, base: URL, nowMs: number): Promise<Composed> {
  const sections: NotifySection[] = [];
  let named = 0;
  for (const kind of spec.sections) {
    if (kind === "birthdays") {
      const result = await birthdaysSection(upstream, spec, base, nowMs);
      if (!result.ok) return result;
      sections.push(result.section);
      named += result.named;
    }
  }
  if (spec.sections.includes("unusual") || spec.sections.includes("totals")) {
    // Since the last digest: a week's days for a weekly one (and totals of 7 days against 7), else today and yesterday.
    const judged = await judgeRecentDays(upstream, spec, nowMs, spec.every === "week" ? 8 : 2);
    if (!judged.ok) return judged;
    if (spec.sections.includes("unusual")) sections.push(unusualSection(judged, spec, base, nowMs));
    if (spec.sections.includes("totals")) sections.push(totalsSection(judged, spec, base));
  }
  if (spec.sections.includes("access")) sections.push(accessSection(spec, base));
  const empty = sections.every((s) => s.lines.length === 0);
  const day = localDayAt(nowMs, spec.timeZone);
  const where = await scopeNames(upstream, spec);
  return {
    ok: true,
    message: {
      kind: "digest",
      title: `${spec.name}: ${dayName(day)}`,
      summary: empty ? "Nothing unusual: no birthdays, no unusual labels." : `Your ${spec.every === "week" ? "weekly" : "daily"} VIP digest for ${where}.`,
      sections,
      personalData: named > 0,
      playersNamed: named,
      empty,
      dashboardUrl: dashboardLink(base, "/birthdays", spec),
    },
  };
}

