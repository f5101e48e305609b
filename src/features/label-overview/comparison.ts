import { DAY_MS } from "#contract/assumptions";
import { utcDay } from "#contract/dates";
import type { LabelOverview } from "#contract/responses";
import type { StitchedTrend } from "#contract/trend-stitch";
import type { DayWindow } from "../../lib/day-window";
import { rate } from "../../lib/format/numbers";

/** The window of equal length just before `window` (whole UTC days; within the 31-day cap too). */
export function previousWindow(window: DayWindow): DayWindow {
  const from = Date.parse(`${window.from}T00:00:00Z`);
  const to = Date.parse(`${window.to}T00:00:00Z`);
  const days = Math.round((to - from) / DAY_MS) + 1;
  return { from: utcDay(from - days * DAY_MS), to: utcDay(from - DAY_MS) };
}

export interface LabelComparison {
  /** Undefined when the label did not exist then (a custom label made since): no fake zero. */
  previousCount: number | undefined;
  previousRate: number | undefined;
}

export interface Comparison {
  /** "before": the equal window just before (a short view); "year": the same range a year earlier (a long one). */
  kind: "before" | "year";
  window: DayWindow;
  activityTotal: number;
  byLabel: ReadonlyMap<string, LabelComparison>;
  /** Period by period, in order: all VIP messages, and each label's count (for the faint line). */
  activity: readonly number[];
  counts: ReadonlyMap<string, readonly number[]>;
}

/** Each label's total in the previous window, and its share of that window's activity. */
export function compareWith(previous: LabelOverview, window: DayWindow): Comparison {
  const activityTotal = previous.activity.reduce((sum, a) => sum + a.count, 0);
  const counts = new Map<string, number>();
  for (const row of previous.rows) counts.set(row.label, (counts.get(row.label) ?? 0) + row.count);
  const byLabel = new Map<string, LabelComparison>(
    previous.labels.map((l) => {
      const count = counts.get(l.id) ?? 0;
      return [l.id, { previousCount: count, previousRate: rate(count, activityTotal) }];
    }),
  );
  const index = new Map(previous.buckets.map((b, i) => [b, i]));
  const activity = previous.buckets.map(() => 0);
  for (const a of previous.activity) if (index.has(a.bucket)) activity[index.get(a.bucket)!] = a.count;
  const series = new Map(previous.labels.map((l) => [l.id, previous.buckets.map(() => 0)]));
  for (const row of previous.rows) {
    const i = index.get(row.bucket);
    if (i !== undefined) series.get(row.label)?.splice(i, 1, row.count);
  }
  return { kind: "before", window, activityTotal, byLabel, activity, counts: series };
}

/** "+12 (+8.1%)", "−3 (−2.0%)", "+5 (from 0)", "no change". */
export function describeChange(now: number, before: number, formatCount: (n: number) => string): string {
  const delta = now - before;
  if (delta === 0) return "no change";
  const sign = delta > 0 ? "+" : "−";
  const relative = before === 0 ? "from 0" : `${sign}${(Math.abs(delta / before) * 100).toFixed(1)}%`;
  return `${sign}${formatCount(Math.abs(delta))} (${relative})`;
}

/** A change of share in percentage points: "+1.2 pts", "−0.4 pts". */
export function describeShareChange(now: number | undefined, before: number | undefined): string {
  if (now === undefined || before === undefined) return "–";
  const points = (now - before) * 100;
  if (Math.abs(points) < 0.05) return "no change";
  return `${points > 0 ? "+" : "−"}${Math.abs(points).toFixed(1)} pts`;
}

/**
 * The same comparison from a stitched trend of an earlier range (a long view's year before),
 * period by period in order. Only a trend whose every window has arrived is compared: a half
 * loaded year is not a lower one.
 */
export function compareWithTrend(previous: StitchedTrend, window: DayWindow): Comparison | undefined {
  if (previous.buckets.some((b) => b.pending)) return undefined;
  const activity = previous.buckets.map((b) => b.activity.count);
  const activityTotal = activity.reduce((sum, n) => sum + n, 0);
  const counts = new Map(previous.labels.map((l) => [l.id, previous.buckets.map((b) => previous.cells.get(l.id)?.get(b.key)?.count ?? 0)]));
  const byLabel = new Map<string, LabelComparison>(
    previous.labels.map((l) => {
      const count = counts.get(l.id)!.reduce((sum, n) => sum + n, 0);
      return [l.id, { previousCount: count, previousRate: rate(count, activityTotal) }];
    }),
  );
  return { kind: "year", window, activityTotal, byLabel, activity, counts };
}

/** How a comparison is named in headers and captions. */
export const comparisonName = (c: Comparison): string => (c.kind === "year" ? "A year earlier" : "Previous window");
