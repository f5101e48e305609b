import { DAY_MS } from "./assumptions";
import { bucketRange, type InstantSpan } from "./dates";
import type { Granularity, LabelOverview } from "./responses";

/**
 * The unusual-period rule, in one home: the Labels view's ▼ marks and the server's alerts judge
 * periods with these functions alone.
 */

/**
 * Unusual periods: a label's share of a period's VIP messages well above its own share over
 * the four weeks before that period. Shares, not counts, so a busy launch day is not "unusual"
 * for being busy; a binomial test, so a small period needs a larger jump than a big one; and a
 * minimum count and lift, so a tiny period or a statistically sure but trivial rise do not flash.
 */
export const SPIKE_RULE = {
  historyDays: 28,
  /** The period must have at least this many messages with the label. */
  minCount: 5,
  /** Its share must be at least this multiple of the share over the four weeks before. */
  minLift: 1.75,
  /** And that many or more, were the share unchanged, must have a chance below this. */
  maxChance: 1e-6,
  /** Four weeks with fewer VIP messages than this are too little history to judge by. */
  minHistoryMessages: 200,
} as const;

export interface Spike {
  label: string;
  bucket: string;
  count: number;
  activity: number;
  rate: number;
  /** The label's share of VIP messages over the four weeks before the period. */
  baselineRate: number;
  /** rate / baselineRate (Infinity when the label had no message in those weeks). */
  lift: number;
  /** P(X ≥ count) for X ~ Binomial(activity, baselineRate). */
  chance: number;
}

/** ln Γ(x), Lanczos (g = 7, n = 9): ample precision for binomial coefficients. */
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space from k up (terms fall past the mean). */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logPmf = (i: number) => lnGamma(n + 1) - lnGamma(i + 1) - lnGamma(n - i + 1) + i * Math.log(p) + (n - i) * Math.log1p(-p);
  let sum = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(logPmf(i));
    sum += term;
    if (i > n * p && term < sum * 1e-15) break;
  }
  return Math.min(1, sum);
}

/** Messages per UTC day, all and per label, from day-granularity overviews. */
export function dailyIndex(overviews: readonly LabelOverview[]) {
  const activity = new Map<number, number>();
  const labels = new Map<string, Map<number, number>>();
  const known = new Set<string>();
  for (const overview of overviews) {
    for (const a of overview.activity) activity.set(Date.parse(a.bucket), a.count);
    for (const l of overview.labels) known.add(l.id);
    for (const row of overview.rows) {
      let days = labels.get(row.label);
      if (!days) labels.set(row.label, (days = new Map()));
      days.set(Date.parse(row.bucket), row.count);
    }
  }
  /** Sums over whole days in [fromMs, toMs). */
  const sum = (days: Map<number, number> | undefined, fromMs: number, toMs: number) => {
    let total = 0;
    for (let day = fromMs; day < toMs; day += DAY_MS) total += days?.get(day) ?? 0;
    return total;
  };
  return {
    activity: (fromMs: number, toMs: number) => sum(activity, fromMs, toMs),
    label: (id: string, fromMs: number, toMs: number) => sum(labels.get(id), fromMs, toMs),
    /** Whether the label existed in that history at all (a custom label made since did not). */
    knows: (id: string) => known.has(id),
  };
}

export type DailyIndex = ReturnType<typeof dailyIndex>;

/**
 * Every unusual period of the window, keyed `label|bucket`. `history` holds day counts of the
 * four weeks before the window and of the window itself, so each period is judged against the
 * four weeks just before it.
 */
/** The counts a window's periods are judged on (the SPA's chart model has them; so can the server). */
export interface PeriodCounts {
  labels: readonly { id: string }[];
  buckets: readonly string[];
  granularity: Granularity;
  window: InstantSpan;
  cell(label: string, bucket: string): { count: number };
  activity(bucket: string): { count: number };
}

export function findSpikes(model: PeriodCounts, history: DailyIndex): Map<string, Spike> {
  const spikes = new Map<string, Spike>();
  for (const bucket of model.buckets) {
    const activity = model.activity(bucket).count;
    const start = bucketRange(bucket, model.granularity, model.window).fromMs;
    const before = start - SPIKE_RULE.historyDays * DAY_MS;
    const historyMessages = history.activity(before, start);
    if (activity === 0 || historyMessages < SPIKE_RULE.minHistoryMessages) continue;
    for (const label of model.labels) {
      const count = model.cell(label.id, bucket).count;
      if (count < SPIKE_RULE.minCount || !history.knows(label.id)) continue;
      const baselineRate = history.label(label.id, before, start) / historyMessages;
      const rate = count / activity;
      const lift = baselineRate > 0 ? rate / baselineRate : Number.POSITIVE_INFINITY;
      if (lift < SPIKE_RULE.minLift) continue;
      const chance = binomialTail(count, activity, baselineRate);
      if (chance < SPIKE_RULE.maxChance) spikes.set(`${label.id}|${bucket}`, { label: label.id, bucket, count, activity, rate, baselineRate, lift, chance });
    }
  }
  return spikes;
}
