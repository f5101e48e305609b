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
 * A channel's messages, laid out a day at a time. At start every day's messages are drawn
 * without their texts, once, to count them (`tally`) and to stamp each player's newest message;
 * a day's full messages are drawn when a request reaches it and kept in a cache bounded by a
 * number of messages, so a big studio's history costs its tallies, not its texts.
 */
export interface MessageLog {
  /** Messages in [fromMs, toMs), oldest first, lazily. */
  ascending(fromMs: number, toMs: number): Generator<SimMessage>;
  /** Messages in [fromMs, toMs), newest first, lazily. */
  descending(fromMs: number, toMs: number): Generator<SimMessage>;
  /** The counts of the whole UTC day starting at `dayStart` (none outside the history). */
  tally(dayStart: number): DayTally | undefined;
  /** Messages in the history. */
  readonly size: number;
  /** The history's whole days: [fromMs, toMs). */
  readonly span: { fromMs: number; toMs: number };
}

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
  users: UserBook;
  now: number;
  sources: readonly (readonly [string, number])[];
  /** At most this many full messages kept in memory (whole days; the day in use always). */
  cacheMessages: number;
}): MessageLog {
  const plans = new Map(opts.plans.map((p) => [p.dayStart, p]));
  const metaOf = (plan: DayPlan) => dayMeta(createRng(`${opts.seed}/${plan.dayStart}/meta`), plan, { userCount: opts.users.count, now: opts.now, sources: opts.sources });
  const tallies = new Map<number, DayTally>();
  let size = 0;
  for (const plan of opts.plans) {
    const metas = metaOf(plan);
    const tally = tallyOf(metas);
    tallies.set(plan.dayStart, tally);
    size += tally.activity;
    // Oldest first, so the last write per player is their newest message.
    for (const meta of metas) opts.users.lastMessageAt[meta.user] = meta.timestamp;
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
  return {
    size,
    span,
    tally: (dayStart) => tallies.get(dayStart),
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
