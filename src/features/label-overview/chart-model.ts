import type { LabelOverview, OverviewLabel } from "#contract/responses";
import type { TrendGranularity } from "#contract/trend-windows";
import type { DrillBar } from "../../lib/drill-bar";
import type { InstantRange } from "../../lib/format/dates";
import { rate } from "../../lib/format/numbers";
import { colourFor } from "./palette";
import { bucketRange, describeBucket, partialNote } from "./window";

export interface LabelSeries extends OverviewLabel {
  colour: string;
}

/** A label's (or all VIP messages') figures in one bucket. */
export interface BucketCell {
  count: number;
  /** The upstream's own figure; absent where no one call answers the bucket (a month of a long trend). */
  uniqueConversations?: number | undefined;
}

/** One point per bucket: activity plus, per label id, the count (or rate) shown. */
export type ChartPoint = { bucket: string; activity: number | undefined; activityConversations: number | undefined } & Record<string, number | string | undefined>;

export interface LabelTotal {
  label: LabelSeries;
  count: number;
  /** Label messages over all activity in the window; undefined when there was none. */
  rate: number | undefined;
  peak: { bucket: string; count: number } | undefined;
}

export interface ChartModel {
  granularity: TrendGranularity;
  /** The overview's window as instants (`to` exclusive), as the API answered it. */
  window: InstantRange;
  labels: LabelSeries[];
  buckets: string[];
  /** A label's figures in a bucket; absent rows are zero counts. */
  cell(label: string, bucket: string): BucketCell;
  activity(bucket: string): BucketCell;
  /** The bucket's instants, clipped to the window: what its bar counts and its drill-down lists. */
  range(bucket: string): InstantRange;
  /** What a partial bucket covers ("so far", "3 of 7 days"); undefined for a whole period. */
  partial(bucket: string): string | undefined;
  /** Its numbers have not arrived (a long trend's window still loading or failed): drawn as nothing, never as zero. */
  pending(bucket: string): boolean;
  /** The bar a link names, or undefined when the label or bucket is not in this overview (or not arrived). */
  bar(label: string, bucket: string): DrillBar | undefined;
  points(mode: "count" | "rate", hidden: ReadonlySet<string>): ChartPoint[];
  totals(): LabelTotal[];
  activityTotal: number;
}

/** What a model is made of: the rest (bars, points, totals) is derived the same way for every source. */
export interface ModelParts {
  granularity: TrendGranularity;
  window: InstantRange;
  labels: readonly OverviewLabel[];
  buckets: string[];
  cell(label: string, bucket: string): BucketCell;
  activity(bucket: string): BucketCell;
  pending?(bucket: string): boolean;
}

/** The model of any source of buckets (one overview, or a stitched long trend); `now` decides which are still running. */
export function modelFrom(parts: ModelParts, now: number): ChartModel {
  const labels = parts.labels.map((l, i) => ({ ...l, colour: colourFor(i) }));
  const { granularity, window, buckets, cell } = parts;
  const pending = parts.pending ?? (() => false);
  const activityOf = parts.activity;
  const partials = new Map(buckets.map((b) => [b, partialNote(b, granularity, window, now)]));
  const known = new Set(buckets);
  const ready = buckets.filter((b) => !pending(b));
  const activityTotal = ready.reduce((sum, b) => sum + activityOf(b).count, 0);

  return {
    granularity,
    window,
    labels,
    buckets,
    cell,
    activity: activityOf,
    range: (bucket) => bucketRange(bucket, granularity, window),
    partial: (bucket) => partials.get(bucket),
    pending,
    activityTotal,
    bar(label, bucket) {
      const series = labels.find((l) => l.id === label);
      if (!series || !known.has(bucket) || pending(bucket)) return undefined;
      const row = cell(label, bucket);
      return {
        labelId: label,
        labelName: series.name,
        bucketText: `${describeBucket(bucket, granularity)} (UTC${partials.get(bucket) ? `, ${partials.get(bucket)}` : ""})`,
        range: bucketRange(bucket, granularity, window),
        count: row.count,
        uniqueConversations: row.uniqueConversations,
      };
    },
    points(mode, hidden) {
      return buckets.map((bucket) => {
        const base = activityOf(bucket);
        // A pending period has no point: the line breaks there rather than dropping to zero.
        const point: ChartPoint = { bucket, activity: pending(bucket) ? undefined : base.count, activityConversations: base.uniqueConversations };
        for (const label of labels) {
          if (hidden.has(label.id) || pending(bucket)) continue;
          const count = cell(label.id, bucket).count;
          point[label.id] = mode === "rate" ? (rate(count, base.count) ?? 0) : count;
        }
        return point;
      });
    },
    totals() {
      return labels.map((label) => {
        let count = 0;
        let peak: LabelTotal["peak"];
        for (const bucket of ready) {
          const c = cell(label.id, bucket).count;
          count += c;
          if (c > 0 && (!peak || c > peak.count)) peak = { bucket, count: c };
        }
        return { label, count, rate: rate(count, activityTotal), peak };
      });
    },
  };
}

/** The model of one overview (a window within the 31-day cap). */
export function buildChartModel(overview: LabelOverview, now: number): ChartModel {
  const rows = new Map(overview.rows.map((r) => [`${r.label}\u0000${r.bucket}`, r]));
  const activity = new Map(overview.activity.map((a) => [a.bucket, a]));
  return modelFrom(
    {
      granularity: overview.granularity,
      window: { fromMs: Date.parse(overview.from), toMs: Date.parse(overview.to) },
      labels: overview.labels,
      buckets: overview.buckets,
      cell: (label, bucket) => rows.get(`${label}\u0000${bucket}`) ?? { count: 0, uniqueConversations: 0 },
      activity: (bucket) => activity.get(bucket) ?? { count: 0, uniqueConversations: 0 },
    },
    now,
  );
}
