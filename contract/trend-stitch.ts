import type { LabelOverview } from "./responses";
import { trendBuckets, type TimeSpan, type TrendBucket, type TrendGranularity, type TrendWindow } from "./trend-windows";

export interface TrendCell {
  count: number;
  /** The upstream's own figure for the bucket; absent by month, where no one call answers it. */
  uniqueConversations?: number;
}

export interface StitchedBucket extends TrendBucket {
  /** Its window has not arrived (still loading, or failed): nothing of it is drawn as zero. */
  pending: boolean;
  activity: TrendCell;
}

export interface StitchedTrend {
  granularity: TrendGranularity;
  buckets: StitchedBucket[];
  labels: LabelOverview["labels"];
  /** label → bucket key → cell; a label absent from a bucket that arrived counted 0. */
  cells: Map<string, Map<string, TrendCell>>;
}

const monthKey = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * The trend of a range from the overviews of its planned windows that have arrived. A day or
 * week bucket is one upstream bucket of one call (the plan makes it so): its cells are copied.
 * A month is the days of its one call, added up: the counts are exact, and unique conversations
 * are left out, since days' distinct conversations cannot be added. A window asked by day may
 * reach past the range (a whole month, kept once settled, for a range that starts or ends inside
 * it): its days outside the range are left out.
 */
export function stitchTrend(range: TimeSpan, granularity: TrendGranularity, nowMs: number, arrived: readonly { window: TrendWindow; overview: LabelOverview }[]): StitchedTrend {
  const byMonth = granularity === "month";
  const keyOf = (bucket: string) => (byMonth ? monthKey(bucket) : bucket);
  const covered = new Set<string>();
  const activity = new Map<string, TrendCell>();
  const cells = new Map<string, Map<string, TrendCell>>();
  const labels = new Map<string, LabelOverview["labels"][number]>();
  const add = (into: Map<string, TrendCell>, key: string, cell: { count: number; uniqueConversations: number }) => {
    const had = into.get(key);
    if (byMonth) into.set(key, { count: (had?.count ?? 0) + cell.count });
    else if (had) throw new Error(`Bucket ${key} came from two calls: the plan must give each bucket one call`);
    else into.set(key, { count: cell.count, uniqueConversations: cell.uniqueConversations });
  };
  for (const { window, overview } of arrived) {
    const outside = (bucket: string) => window.granularity === "day" && !(Date.parse(bucket) >= range.fromMs && Date.parse(bucket) < range.toMs);
    for (const label of overview.labels) if (!labels.has(label.id)) labels.set(label.id, label);
    for (const a of overview.activity) {
      if (outside(a.bucket)) continue;
      covered.add(keyOf(a.bucket));
      add(activity, keyOf(a.bucket), a);
    }
    for (const row of overview.rows) {
      if (outside(row.bucket)) continue;
      let perBucket = cells.get(row.label);
      if (!perBucket) cells.set(row.label, (perBucket = new Map()));
      add(perBucket, keyOf(row.bucket), row);
    }
  }
  const buckets = trendBuckets(range, granularity, nowMs).map((b) => ({
    ...b,
    pending: !covered.has(b.key),
    activity: activity.get(b.key) ?? { count: 0, ...(byMonth ? {} : { uniqueConversations: 0 }) },
  }));
  return { granularity, buckets, labels: [...labels.values()], cells };
}

