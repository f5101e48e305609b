import { DAY_MS } from "./assumptions";
import { bucketRange, startOfUtcDay, type InstantSpan } from "./dates";
import { historyDays, learnBaseline, usualShareOn, type LabelBaseline } from "./label-baseline";
import type { Granularity, LabelOverview } from "./responses";

/**
 * The unusual-period rule, in one home: the Labels view's ▼ marks and the server's alerts judge
 * periods with these functions alone.
 */

/**
 * Unusual periods: a label's share of a period's VIP messages well above its usual share (see
 * label-baseline.ts: the four weeks before the period, past episodes left out, weekends apart).
 * Shares, not counts, so a busy launch day is not "unusual" for being busy; a test whose variance
 * is the binomial's widened by the history's own day-to-day wander, so a small period needs a
 * larger jump than a big one and a label whose share always wanders needs a larger one still; and
 * a minimum count and lift, so a tiny period or a statistically sure but trivial rise do not flash.
 */
export const SPIKE_RULE = {
  historyDays: 28,
  /** The period must have at least this many messages with the label. */
  minCount: 5,
  /** Its share must be at least this multiple of its usual share. */
  minLift: 1.75,
  /** And that many or more, were the share its usual one, must have a chance below this. */
  maxChance: 1e-6,
  /** Four weeks with fewer VIP messages than this are too little history to judge by. */
  minHistoryMessages: 200,
} as const;

/**
 * The history a period is judged against, scaled to its length: four weeks for a day or a week;
 * twelve weeks (whole weeks, so weekends keep their weight) for a month of a long trend, whose
 * own length would otherwise match its history's.
 */
export const historyDaysFor = (granularity: "day" | "week" | "month"): number => (granularity === "month" ? 84 : SPIKE_RULE.historyDays);

export interface Spike {
  label: string;
  bucket: string;
  count: number;
  activity: number;
  rate: number;
  /** The label's usual share of VIP messages for such a period (the four weeks before, past episodes left out, weekends apart). */
  baselineRate: number;
  /** rate / baselineRate (Infinity when the label had no message in those weeks). */
  lift: number;
  /** P(X ≥ count) were the share its usual one: the larger of the binomial tail and the tail widened by the history's wander. */
  chance: number;
  /** The days before the period its usual share was learnt from (historyDaysFor its granularity). */
  historyDays: number;
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

/** P(Z ≥ z) for a standard normal Z (Numerical Recipes' erfc, relative error below 1.2e-7, so far tails keep their digits). */
export function normalTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * P(X ≥ k) for `n` messages at usual share `p`, where the share itself wanders from day to day
 * as the history's did: the binomial tail (exact for small counts) or, when larger, the normal
 * tail of a variance widened by the wander. The wander is a day's, so it weighs with the period's
 * size against an ordinary day's and averages out over the days of a week.
 */
export function periodChance(k: number, n: number, p: number, wander: { dispersion: number; typicalDayActivity: number; days: number }): number {
  const binomial = binomialTail(k, n, p);
  if (wander.dispersion <= 1 || wander.typicalDayActivity <= 0 || p <= 0 || p >= 1) return binomial;
  const widening = 1 + ((wander.dispersion - 1) * n) / (wander.typicalDayActivity * Math.max(1, wander.days));
  const z = (k - 0.5 - n * p) / Math.sqrt(n * p * (1 - p) * widening);
  return Math.max(binomial, normalTail(z));
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
  granularity: Granularity | "month";
  window: InstantSpan;
  cell(label: string, bucket: string): { count: number };
  activity(bucket: string): { count: number };
}

/** A label's baseline for a period starting at `fromMs`, learnt from the `days` before it. */
export type BaselineLookup = (label: string, fromMs: number, days?: number) => LabelBaseline;

/**
 * Baselines learnt from one history, each once: pass one lookup to several `findSpikes` calls
 * on the same history (as the alert bench's checks of a day do) to learn them once for all.
 */
export function baselinesOf(history: DailyIndex): BaselineLookup {
  const learnt = new Map<string, LabelBaseline>();
  return (label, fromMs, days = SPIKE_RULE.historyDays) => {
    const key = `${label}|${fromMs}|${days}`;
    let baseline = learnt.get(key);
    if (!baseline) {
      const before = fromMs - days * DAY_MS;
      baseline = learnBaseline(historyDays(before, fromMs, history.activity, (from, to) => history.label(label, from, to)));
      learnt.set(key, baseline);
    }
    return baseline;
  };
}

export function findSpikes(model: PeriodCounts, history: DailyIndex, baselines: BaselineLookup = baselinesOf(history)): Map<string, Spike> {
  const spikes = new Map<string, Spike>();
  const days = historyDaysFor(model.granularity);
  for (const bucket of model.buckets) {
    const activity = model.activity(bucket).count;
    const range = bucketRange(bucket, model.granularity, model.window);
    const before = range.fromMs - days * DAY_MS;
    const historyMessages = history.activity(before, range.fromMs);
    if (activity === 0 || historyMessages < SPIKE_RULE.minHistoryMessages) continue;
    // Each of the period's days weighs by its messages where the index has them, else equally.
    const periodDays: { dayMs: number; activity: number }[] = [];
    for (let dayMs = startOfUtcDay(range.fromMs); dayMs < range.toMs; dayMs += DAY_MS) periodDays.push({ dayMs, activity: history.activity(dayMs, dayMs + DAY_MS) });
    const known = periodDays.reduce((sum, d) => sum + d.activity, 0);
    for (const label of model.labels) {
      const count = model.cell(label.id, bucket).count;
      if (count < SPIKE_RULE.minCount || !history.knows(label.id)) continue;
      const baseline = baselines(label.id, range.fromMs, days);
      const baselineRate = periodDays.reduce((sum, d) => sum + usualShareOn(baseline, d.dayMs) * (known > 0 ? d.activity / known : 1 / periodDays.length), 0);
      const rate = count / activity;
      const lift = baselineRate > 0 ? rate / baselineRate : Number.POSITIVE_INFINITY;
      if (lift < SPIKE_RULE.minLift) continue;
      const chance = periodChance(count, activity, baselineRate, { dispersion: baseline.dispersion, typicalDayActivity: baseline.typicalDayActivity, days: periodDays.length });
      if (chance < SPIKE_RULE.maxChance) spikes.set(`${label.id}|${bucket}`, { label: label.id, bucket, count, activity, rate, baselineRate, lift, chance, historyDays: days });
    }
  }
  return spikes;
}
