import type { StitchedTrend } from "#contract/trend-stitch";
import type { TimeSpan } from "#contract/trend-windows";
import { modelFrom, type BucketCell, type ChartModel } from "./chart-model";

/**
 * The chart model of a long trend, stitched from the windows that have arrived: the same model
 * the one-call overview makes, so the multiples, the stacked chart, the table, the totals and
 * the drill-down read it unchanged. Buckets of windows not arrived are pending (drawn as
 * nothing); a month has no unique conversations (see contract/trend-stitch.ts).
 */
export function buildTrendModel(trend: StitchedTrend, range: TimeSpan, now: number): ChartModel {
  const byKey = new Map(trend.buckets.map((b) => [b.key, b]));
  const zero: BucketCell = trend.granularity === "month" ? { count: 0 } : { count: 0, uniqueConversations: 0 };
  return modelFrom(
    {
      granularity: trend.granularity,
      window: range,
      labels: trend.labels,
      buckets: trend.buckets.map((b) => b.key),
      cell: (label, bucket) => trend.cells.get(label)?.get(bucket) ?? zero,
      activity: (bucket) => byKey.get(bucket)?.activity ?? zero,
      pending: (bucket) => byKey.get(bucket)?.pending ?? true,
    },
    now,
  );
}
