import { bucketRange } from "#contract/dates";
import { DAY_MS } from "#contract/assumptions";
import type { Granularity } from "#contract/responses";
import type { InstantRange } from "../../lib/format/dates";

/** What part of the Labels view's window each bucket covers (the window itself: lib/day-window). */

/** A bucket's instants, clipped to the window: the contract's rule (the drill-down and the unusual periods use it). */
export { bucketRange };

/** "2026-06-08" for a day, "week of 2026-06-08" for a week. */
export const describeBucket = (bucket: string, granularity: Granularity): string =>
  granularity === "week" ? `week of ${bucket}` : bucket;

/**
 * What a bucket covers when it is not a whole period: "so far" for the day (or week) still
 * running, "3 of 7 days" for a week the window clips, "not started" for one wholly ahead.
 * Undefined for a whole, finished period. A partial bar is not a drop, so the chart, its names,
 * the table and the drill-down all say so.
 */
export function partialNote(bucket: string, granularity: Granularity, window: InstantRange, now: number): string | undefined {
  const range = bucketRange(bucket, granularity, window);
  if (now < range.fromMs) return "not started";
  const ongoing = now < range.toMs;
  if (granularity === "day") return ongoing ? "so far" : undefined;
  const days = Math.round((range.toMs - range.fromMs) / DAY_MS);
  if (days < 7) return ongoing ? `${days} of 7 days, so far` : `${days} of 7 days`;
  return ongoing ? "so far" : undefined;
}
