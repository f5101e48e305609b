import { bucketRange } from "#contract/dates";
import { DAY_MS } from "#contract/assumptions";
import type { TrendGranularity } from "#contract/trend-windows";
import { formatMonth, formatShortDay, type InstantRange } from "../../lib/format/dates";

/** What part of the Labels view's window each bucket covers (the window itself: lib/day-window). */

/** A bucket's instants, clipped to the window: the contract's rule (the drill-down and the unusual periods use it). */
export { bucketRange };

/** "2026-06-08" for a day, "week of 2026-06-08" for a week, "November 2026" for a month. */
export const describeBucket = (bucket: string, granularity: TrendGranularity): string =>
  granularity === "week" ? `week of ${bucket}` : granularity === "month" ? formatMonth(bucket) : bucket;

/** An axis tick: "Jun 8" for a day or a week's Monday, "Nov 2026" for a month. */
export const bucketTick = (bucket: string, granularity: TrendGranularity): string =>
  granularity === "month" ? formatMonth(bucket, "short") : formatShortDay(bucket);

const PERIOD_DAYS = (bucket: string, granularity: TrendGranularity) =>
  granularity === "day" ? 1 : granularity === "week" ? 7 : Math.round((bucketRange(bucket, "month", { fromMs: -Infinity, toMs: Infinity }).toMs - Date.parse(bucket)) / DAY_MS);

/**
 * What a bucket covers when it is not a whole period: "so far" for the day (week, month) still
 * running, "3 of 7 days" for a week the window clips ("12 of 30 days" for a month), "not started"
 * for one wholly ahead. Undefined for a whole, finished period. A partial bar is not a drop, so
 * the chart, its names, the table and the drill-down all say so.
 */
export function partialNote(bucket: string, granularity: TrendGranularity, window: InstantRange, now: number): string | undefined {
  const range = bucketRange(bucket, granularity, window);
  if (now < range.fromMs) return "not started";
  const ongoing = now < range.toMs;
  if (granularity === "day") return ongoing ? "so far" : undefined;
  const days = Math.round((range.toMs - range.fromMs) / DAY_MS);
  const whole = PERIOD_DAYS(bucket, granularity);
  if (days < whole) return ongoing ? `${days} of ${whole} days, so far` : `${days} of ${whole} days`;
  return ongoing ? "so far" : undefined;
}
