import { DAY_MS } from "#contract/assumptions";
import { startOfUtcDay, utcDay } from "#contract/dates";
import type { Spike } from "#contract/unusual-periods";
import type { AppDb } from "../db/schema";
import type { UpstreamClient } from "../upstream/client";
import { dashboardLink } from "./digest";
import { judgeCurrentWeek, judgeRecentDays } from "./label-periods";
import { scopeNames } from "./scope-names";
import type { NotifyMessage } from "#contract/notifications";
import type { Outbox } from "./outbox";
import type { SecretBox } from "./secret-box";
import { liftWords, percent } from "./spike-words";
import type { SubscriptionRow } from "./subscriptions-store";

type Granularity = "day" | "week";

/** Whole days before today that keep a day episode open: a quiet day inside a wave does not end it. */
const EPISODE_DAYS = 3;

function alertMessage(sub: SubscriptionRow, spike: Spike, name: string, where: string, granularity: Granularity, baseUrl: URL, nowMs: number): NotifyMessage {
  const day = utcDay(Date.parse(spike.bucket));
  const period = granularity === "week" ? `this week (from Monday ${day}, UTC)` : day === utcDay(nowMs) ? `today (${day}, UTC)` : `yesterday (${day}, UTC)`;
  const url = dashboardLink(baseUrl, "/labels", { workspaceId: sub.workspace_id, channelId: sub.channel_id }, { granularity, drill: `${spike.label}:${spike.bucket}` });
  return {
    kind: "alert",
    title: `${name} ${period.startsWith("yesterday") ? "was" : "is"} unusual ${period}`,
    summary: `${spike.count.toLocaleString("en-US")} messages${period.startsWith("yesterday") ? "" : " so far"}, ${percent(spike.rate)} of ${spike.activity.toLocaleString("en-US")} VIP messages: ${liftWords(spike)}.`,
    sections: [
      {
        title: `${name} in ${where}`,
        lines: [`Chance of this many at the usual share: below ${spike.chance < 1e-12 ? "one in a trillion" : spike.chance.toExponential(0)}`],
        link: { text: "Open the messages behind this bar", url },
      },
    ],
    personalData: false,
    playersNamed: 0,
    empty: false,
    dashboardUrl: url,
  };
}

/**
 * Checks one alert subscription, by day and by week (this week so far): a chosen label whose
 * period became unusual by the chart's rule fires once per episode — a row in
 * notify_alert_state holds the episode, and the delivery's occurrence (label, granularity,
 * period) is unique, so two instances checking at once queue it once.
 *
 * By day, the two whole days before and today so far are judged. A wave that runs over several
 * days is one episode, not one alert per day, even with a quieter day inside it: a label re-arms
 * only when none of the three is unusual, and not before the day it was told of has left them. A day that turned unusual after its last check (its
 * final minutes) is still alerted, at the first check after midnight, unless it had ended
 * before the subscription existed; the day before yesterday only keeps an episode open.
 */
export async function checkAlert(deps: { db: AppDb; upstream: UpstreamClient; outbox: Outbox; box: SecretBox; baseUrl: URL }, sub: SubscriptionRow, nowMs: number): Promise<{ fired: string[]; rearmed: string[] } | { error: string }> {
  const scope = { workspaceId: sub.workspace_id, channelId: sub.channel_id };
  const days = await judgeRecentDays(deps.upstream, scope, nowMs, EPISODE_DAYS);
  if (!days.ok) return { error: days.message };
  const week = await judgeCurrentWeek(deps.upstream, scope, nowMs);
  if (!week.ok) return { error: week.message };
  const wanted = (label: string) => sub.settings.labels === "all" || sub.settings.labels.includes(label);
  const today = startOfUtcDay(nowMs);
  const existed = (s: Spike) => Date.parse(s.bucket) + DAY_MS > sub.created_at.getTime();
  const unusual: Record<Granularity, Spike[]> = {
    // The earlier day first: an episode not yet told of is announced by the day it began.
    day: days.spikes.filter((s) => existed(s) && wanted(s.label)).sort((a, b) => a.bucket.localeCompare(b.bucket)),
    week: week.spikes.filter((s) => wanted(s.label)),
  };
  // Told of: yesterday and today. The day before only keeps its episode open.
  const tellable = (s: Spike, granularity: Granularity) => granularity === "week" || Date.parse(s.bucket) >= today - DAY_MS;
  const names = new Map([...days.labelNames, ...week.labelNames]);
  let where: string | undefined;
  const episodes = await deps.db.selectFrom("notify_alert_state").selectAll().where("subscription_id", "=", sub.id).execute();
  const fired: string[] = [];
  const rearmed: string[] = [];
  for (const granularity of ["day", "week"] as const) {
    const open = new Set(episodes.filter((e) => e.granularity === granularity).map((e) => e.label_id));
    for (const spike of unusual[granularity]) {
      if (open.has(spike.label) || !tellable(spike, granularity)) continue;
      open.add(spike.label);
      const inserted = await deps.db
        .insertInto("notify_alert_state")
        .values({ subscription_id: sub.id, label_id: spike.label, granularity, period: spike.bucket })
        .onConflict((oc) => oc.constraint("notify_alert_state_pk").doNothing())
        .returning("label_id")
        .executeTakeFirst();
      if (!inserted) continue; // another instance opened this episode a moment ago
      where ??= await scopeNames(deps.upstream, scope);
      const message = alertMessage(sub, spike, names.get(spike.label) ?? spike.label, where, granularity, deps.baseUrl, nowMs);
      // Queued with its message: the worker sends exactly this, at once or after quiet hours.
      const queued = await deps.outbox.enqueue(sub.id, `alert:${spike.label}:${granularity}:${utcDay(Date.parse(spike.bucket))}`, nowMs, deps.box.seal(JSON.stringify(message), "notify-message"));
      // A period already told of (the label dipped back to normal and rose again within it) is not sent twice.
      if (queued) fired.push(`${spike.label}:${granularity}:${utcDay(Date.parse(spike.bucket))}`);
    }
    // Back to normal (no judged period is unusual, and by day the episode's own day has left the
    // judged days, so a day that crossed for an hour and fell back is not told of twice).
    const since = new Map(episodes.filter((e) => e.granularity === granularity).map((e) => [e.label_id, Date.parse(e.period)]));
    const settled = (label: string) => granularity === "week" || (since.get(label) ?? 0) < today - (EPISODE_DAYS - 1) * DAY_MS;
    const ended = [...open].filter((label) => settled(label) && !unusual[granularity].some((s) => s.label === label));
    if (ended.length > 0) {
      await deps.db.deleteFrom("notify_alert_state").where("subscription_id", "=", sub.id).where("granularity", "=", granularity).where("label_id", "in", ended).execute();
      rearmed.push(...ended.map((label) => `${label}:${granularity}`));
    }
  }
  return { fired, rearmed };
}
