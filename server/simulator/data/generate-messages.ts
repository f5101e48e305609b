import { DAY_MS } from "#contract/assumptions";
import { startOfUtcDay } from "#contract/dates";
import type { MessageKind } from "#contract/responses";
import { DEMO_LABELS, DEMO_LABELS_BY_ID, labelShape } from "./labels";
import type { Rng } from "./prng";
import { ATTACHMENT_TEXTS, FILLERS, OTHER_TEXTS, POSTBACK_TEXTS, TEXTS_BY_LABEL, UNLABELED_TEXTS } from "./texts";

export interface SimMessage {
  timestamp: number;
  /** The sender's place in the VIP list (never returned: conversationId says who). */
  user: number;
  conversationId: string;
  userName: string | null | undefined;
  kind: MessageKind;
  source: string;
  labels: string[];
  customLabelIds: string[];
  text: string;
}

const KINDS: readonly (readonly [MessageKind, number])[] = [
  ["text", 82],
  ["postback", 9],
  ["attachment", 6],
  ["other", 3],
];
/** Evening-heavy rhythm over UTC hours. */
const HOUR_WEIGHTS = [3, 2, 1, 1, 1, 1, 2, 3, 4, 5, 5, 6, 6, 6, 6, 7, 8, 9, 10, 10, 9, 7, 5, 4].map(
  (w, hour) => [hour, w] as const,
);
const WEEKDAY_VOLUME = [1, 0.95, 0.95, 1, 1.1, 1.3, 1.25];
const ATTACHMENT_LABELS = new Set(["bug_report", "cl_refund", "account_issue", "cl_giftcode"]);

function fill(rng: Rng, template: string): string {
  if (!template.includes("{")) return template;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => rng.pick(FILLERS[key] ?? [key]));
}

function labelWeightsFor(daysAgo: number, weekday: number) {
  return DEMO_LABELS.map((l) => [l.id, l.weight * labelShape(l, daysAgo, weekday)] as const);
}

function pickLabels(rng: Rng, weights: readonly (readonly [string, number])[], kind: MessageKind) {
  const pLabeled = kind === "text" ? 0.42 : kind === "attachment" ? 0.35 : 0.02;
  if (!rng.chance(pLabeled)) return null;
  let primary = rng.weighted(weights);
  if (kind === "attachment" && !ATTACHMENT_LABELS.has(primary)) primary = "bug_report";
  const ids = new Set([primary]);
  for (const companion of DEMO_LABELS_BY_ID.get(primary)?.companions ?? []) {
    if (rng.chance(0.3)) ids.add(companion);
  }
  return { primary, ids: [...ids] };
}

function textFor(rng: Rng, kind: MessageKind, primary: string | undefined): string {
  if (kind === "postback") return rng.pick(POSTBACK_TEXTS);
  if (kind === "attachment") {
    const caption = primary ? `\n${fill(rng, rng.pick(TEXTS_BY_LABEL[primary] ?? []))}` : "";
    return fill(rng, rng.pick(ATTACHMENT_TEXTS)) + caption;
  }
  if (kind === "other") return rng.pick(OTHER_TEXTS);
  return fill(rng, rng.pick(primary ? (TEXTS_BY_LABEL[primary] ?? UNLABELED_TEXTS) : UNLABELED_TEXTS));
}

/** How many messages each day of the history gets, and what it needs to lay them out. */
export interface DayPlan {
  dayStart: number;
  daysAgo: number;
  /** 0 = Monday. */
  weekday: number;
  count: number;
}

/**
 * The days of the history, oldest first: `total` messages over `days` days ending `endDaysAgo`
 * days before today (0: today), shared by weekday volume, a slow wave and a little noise (from
 * its own stream, so any one day can be laid out without the others).
 */
export function planDays(rng: Rng, opts: { total: number; days: number; now: number; endDaysAgo?: number }): DayPlan[] {
  const todayStart = startOfUtcDay(opts.now);
  const end = opts.endDaysAgo ?? 0;
  const weights: number[] = [];
  for (let daysAgo = end + opts.days - 1; daysAgo >= end; daysAgo--) {
    const weekday = (new Date(todayStart - daysAgo * DAY_MS).getUTCDay() + 6) % 7;
    weights.push((WEEKDAY_VOLUME[weekday] as number) * (1 + 0.12 * Math.sin(daysAgo / 6)) * (0.85 + rng.next() * 0.3));
  }
  const weightSum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight, i) => {
    const daysAgo = end + opts.days - 1 - i;
    const dayStart = todayStart - daysAgo * DAY_MS;
    return { dayStart, daysAgo, weekday: (new Date(dayStart).getUTCDay() + 6) % 7, count: Math.round((opts.total * weight) / weightSum) };
  });
}

/** What a message is apart from its words: who, when, what kind, which labels. */
export interface MessageMeta {
  timestamp: number;
  /** The sender's place in the VIP list. */
  user: number;
  kind: MessageKind;
  source: string;
  labels: string[];
  customLabelIds: string[];
  /** The label its text is written for, if any. */
  primary: string | undefined;
  /** A "Talk to support" postback sent in the same millisecond right after it. */
  echo: boolean;
}

/**
 * One day's messages without their texts, sorted oldest first (ties keep generation order):
 * enough to count them (the overview's tallies) and to know each player's newest message, and
 * cheap enough to do for every day of a big studio at start. The texts come from a stream of
 * their own (`dayMessages`), so the two always agree.
 */
export function dayMeta(
  rng: Rng,
  plan: DayPlan,
  opts: {
    userCount: number;
    now: number;
    sources: readonly (readonly [string, number])[];
    /** Who may send, ascending (default: every player); see the message log's older days. */
    senders?: Int32Array | undefined;
  },
): MessageMeta[] {
  const labelWeights = labelWeightsFor(plan.daysAgo, plan.weekday);
  const metas: MessageMeta[] = [];
  for (let k = 0; k < plan.count; k++) {
    const source = rng.weighted(opts.sources);
    let timestamp = plan.dayStart + rng.weighted(HOUR_WEIGHTS) * 3_600_000 + Math.floor(rng.next() * 3_600_000);
    if (source === "messenger") timestamp -= timestamp % 1000;
    // Active players skew towards the high-LTV end of the list.
    const draw = rng.next() ** 2;
    const user = opts.senders ? (opts.senders[Math.floor(opts.senders.length * draw)] as number) : Math.floor(opts.userCount * draw);
    const kind = rng.weighted(KINDS);
    const picked = pickLabels(rng, labelWeights, kind);
    const echo = rng.chance(0.01);
    if (timestamp > opts.now) continue;
    const ids = picked?.ids ?? [];
    metas.push({
      timestamp,
      user,
      kind,
      source,
      labels: ids.filter((id) => !DEMO_LABELS_BY_ID.get(id)?.custom),
      customLabelIds: ids.filter((id) => DEMO_LABELS_BY_ID.get(id)?.custom),
      primary: picked?.primary,
      echo,
    });
  }
  // Stable sort: equal timestamps keep their generation order, which fixes their list order.
  metas.sort((a, b) => a.timestamp - b.timestamp);
  return metas;
}

/**
 * The day's messages in full, oldest first. Messenger-like sources have second resolution, and
 * some postbacks arrive in the same millisecond as the message before them, so equal timestamps
 * are common: the cursor must cope with ties.
 */
export function dayMessages(metas: readonly MessageMeta[], textRng: Rng, users: { conversationIds: readonly string[]; userNames: readonly string[] }): SimMessage[] {
  const messages: SimMessage[] = [];
  for (const meta of metas) {
    const message: SimMessage = {
      timestamp: meta.timestamp,
      user: meta.user,
      conversationId: users.conversationIds[meta.user] as string,
      userName: users.userNames[meta.user],
      kind: meta.kind,
      source: meta.source,
      labels: meta.labels,
      customLabelIds: meta.customLabelIds,
      text: textFor(textRng, meta.kind, meta.primary),
    };
    messages.push(message);
    if (meta.echo) messages.push({ ...message, kind: "postback", labels: [], customLabelIds: [], text: "Talk to support" });
  }
  return messages;
}
