import { DAY_MS } from "#contract/assumptions";
import { startOfUtcDay } from "#contract/dates";
import { lowerBound } from "../lower-bound";
import { dayMessages, dayMeta, type DayPlan, type MessageMeta, type SimMessage } from "./generate-messages";
import type { UserBook } from "./generate-users";
import { createRng } from "./prng";

/** One whole day counted: messages and distinct senders, overall and per label. */
export interface DayTally {
  activity: number;
  /** Distinct senders' places in the VIP list, ascending. */
  senders: Int32Array;
  labels: Map<string, { count: number; senders: Int32Array }>;
}

/**
 * A channel's messages, laid out a day at a time. At start every recent day's messages are
 * drawn without their texts, once, to count them (`tally`) and to stamp each player's newest
 * message; a day's full messages are drawn when a request reaches it and kept in a cache bounded
 * by a number of messages, so a big studio's history costs its tallies, not its texts.
 *
 * Older days (the long trends' months, up to two years back) are drawn only when asked, so they
 * cost nothing at start. Their senders are players who also wrote in the recent days: a
 * player's newest message is then always a recent one, and the stamps made at start stay true.
 */
export interface MessageLog {
  /** Messages in [fromMs, toMs), oldest first, lazily. */
  ascending(fromMs: number, toMs: number): Generator<SimMessage>;
  /** Messages in [fromMs, toMs), newest first, lazily. */
  descending(fromMs: number, toMs: number): Generator<SimMessage>;
  /** The counts of the whole UTC day starting at `dayStart` (none outside the history). */
  tally(dayStart: number): DayTally | undefined;
  /** Messages in the recent days. */
  readonly size: number;
  /** The recent days, drawn at start: [fromMs, toMs). */
  readonly span: { fromMs: number; toMs: number };
  /** Every day, the older ones included: [fromMs, toMs). */
  readonly fullSpan: { fromMs: number; toMs: number };
}

/** Sender places kept in older days' tallies: 16 MiB at most, whatever the studio's size. */
const OLDER_TALLIES_HELD = 4_000_000;

/** First index whose timestamp is >= `ts` in an oldest-first day. */
const firstAtOrAfter = (messages: readonly SimMessage[], ts: number) => lowerBound(messages.length, (i) => (messages[i] as SimMessage).timestamp < ts);

function tallyOf(metas: readonly MessageMeta[]): DayTally {
  let activity = 0;
  const senders = new Set<number>();
  const labels = new Map<string, { count: number; senders: Set<number> }>();
  for (const meta of metas) {
    // The echoed postback is a message of its own, from the same player, with no label.
    activity += meta.echo ? 2 : 1;
    senders.add(meta.user);
    for (const id of [...meta.labels, ...meta.customLabelIds]) {
      let label = labels.get(id);
      if (!label) labels.set(id, (label = { count: 0, senders: new Set() }));
      label.count += 1;
      label.senders.add(meta.user);
    }
  }
  const sorted = (set: Set<number>) => Int32Array.from(set).sort();
  return { activity, senders: sorted(senders), labels: new Map([...labels].map(([id, l]) => [id, { count: l.count, senders: sorted(l.senders) }])) };
}

export function createMessageLog(opts: {
  /** Prefix of every day's streams. */
  seed: string;
  plans: readonly DayPlan[];
  /** Days before `plans`, drawn when first asked. */
  olderPlans?: readonly DayPlan[];
  users: UserBook;
  now: number;
  sources: readonly (readonly [string, number])[];
  /** At most this many full messages kept in memory (whole days; the day in use always). */
  cacheMessages: number;
}): MessageLog {
  const recent = new Map(opts.plans.map((p) => [p.dayStart, p]));
  const tallies = new Map<number, DayTally>();
  let size = 0;
  for (const plan of opts.plans) {
    const metas = dayMeta(createRng(`${opts.seed}/${plan.dayStart}/meta`), plan, { userCount: opts.users.count, now: opts.now, sources: opts.sources });
    const counted = tallyOf(metas);
    tallies.set(plan.dayStart, counted);
    size += counted.activity;
    // Oldest first, so the last write per player is their newest message.
    for (const meta of metas) opts.users.lastMessageAt[meta.user] = meta.timestamp;
  }
  // Fixed from here on: the older days' senders, ascending (the high-LTV skew holds).
  const recentSenders = Int32Array.from(opts.users.lastMessageAt.keys()).filter((i) => (opts.users.lastMessageAt[i] ?? 0) > 0);
  const older = new Map(recentSenders.length > 0 ? (opts.olderPlans ?? []).map((p) => [p.dayStart, p]) : []);
  const plans = new Map([...older, ...recent]);
  const metaOf = (plan: DayPlan) =>
    dayMeta(createRng(`${opts.seed}/${plan.dayStart}/meta`), plan, {
      userCount: opts.users.count,
      now: opts.now,
      sources: opts.sources,
      senders: older.has(plan.dayStart) ? recentSenders : undefined,
    });

  // Older days' tallies, most recently used last, bounded by the senders they hold.
  const olderTallies = new Map<number, DayTally>();
  let olderHeld = 0;
  const heldBy = (t: DayTally) => t.senders.length + [...t.labels.values()].reduce((n, l) => n + l.senders.length, 0);
  function tallyOfDay(dayStart: number): DayTally | undefined {
    const hit = tallies.get(dayStart);
    if (hit) return hit;
    const plan = older.get(dayStart);
    if (!plan) return undefined;
    let t = olderTallies.get(dayStart);
    if (t) olderTallies.delete(dayStart);
    else {
      t = tallyOf(metaOf(plan));
      olderHeld += heldBy(t);
    }
    olderTallies.set(dayStart, t);
    for (const [start, old] of olderTallies) {
      if (olderHeld <= OLDER_TALLIES_HELD || start === dayStart) break;
      olderTallies.delete(start);
      olderHeld -= heldBy(old);
    }
    return t;
  }

  // Most recently used last: Map keeps insertion order.
  const days = new Map<number, SimMessage[]>();
  let cached = 0;
  function day(dayStart: number): SimMessage[] {
    const hit = days.get(dayStart);
    if (hit) {
      days.delete(dayStart);
      days.set(dayStart, hit);
      return hit;
    }
    const plan = plans.get(dayStart);
    if (!plan) return [];
    const messages = dayMessages(metaOf(plan), createRng(`${opts.seed}/${plan.dayStart}/texts`), opts.users);
    days.set(dayStart, messages);
    cached += messages.length;
    for (const [start, old] of days) {
      if (cached <= opts.cacheMessages || start === dayStart) break;
      days.delete(start);
      cached -= old.length;
    }
    return messages;
  }

  const span = { fromMs: opts.plans[0]?.dayStart ?? 0, toMs: (opts.plans.at(-1)?.dayStart ?? -DAY_MS) + DAY_MS };
  const fullSpan = { fromMs: Math.min(span.fromMs, ...[...older.keys()]), toMs: span.toMs };
  return {
    size,
    span,
    fullSpan,
    tally: tallyOfDay,
    *ascending(fromMs, toMs) {
      for (let start = startOfUtcDay(fromMs); start < toMs; start += DAY_MS) {
        const messages = day(start);
        const end = firstAtOrAfter(messages, toMs);
        for (let i = firstAtOrAfter(messages, fromMs); i < end; i++) yield messages[i] as SimMessage;
      }
    },
    *descending(fromMs, toMs) {
      for (let start = startOfUtcDay(toMs - 1); start + DAY_MS > fromMs; start -= DAY_MS) {
        const messages = day(start);
        const lo = firstAtOrAfter(messages, fromMs);
        for (let i = firstAtOrAfter(messages, toMs) - 1; i >= lo; i--) yield messages[i] as SimMessage;
      }
    },
  };
}
