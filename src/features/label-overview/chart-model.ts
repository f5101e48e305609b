import type { Granularity, LabelOverview, OverviewLabel, OverviewRow } from "#contract/responses";
import type { DrillBar } from "../../lib/drill-bar";
import type { InstantRange } from "../../lib/format/dates";
import { rate } from "../../lib/format/numbers";
import { colourFor } from "./palette";
import { bucketRange, describeBucket, partialNote } from "./window";

export interface LabelSeries extends OverviewLabel {
  colour: string;
}

/** One point per bucket: activity plus, per label id, the count (or rate) shown. */
export type ChartPoint = { bucket: string; activity: number; activityConversations: number } & Record<string, number | string>;

export interface LabelTotal {
  label: LabelSeries;
  count: number;
  /** Label messages over all activity in the window; undefined when there was none. */
  rate: number | undefined;
  peak: { bucket: string; count: number } | undefined;
}

export interface ChartModel {
  granularity: Granularity;
  /** The overview's window as instants (`to` exclusive), as the API answered it. */
  window: InstantRange;
  labels: LabelSeries[];
  buckets: string[];
  /** A row for a label and bucket; absent rows are zero counts. */
  cell(label: string, bucket: string): OverviewRow;
  activity(bucket: string): { count: number; uniqueConversations: number };
  /** What a partial bucket covers ("so far", "3 of 7 days"); undefined for a whole period. */
  partial(bucket: string): string | undefined;
  /** The bar a link names, or undefined when the label or bucket is not in this overview. */
  bar(label: string, bucket: string): DrillBar | undefined;
  points(mode: "count" | "rate", hidden: ReadonlySet<string>): ChartPoint[];
  totals(): LabelTotal[];
  activityTotal: number;
}

/**
 * Everything the chart, tooltip, tables and drill-down read, derived once from the response;
 * `now` decides which buckets are still running.
 */
export function buildChartModel(overview: LabelOverview, now: number): ChartModel {
  const labels = overview.labels.map((l, i) => ({ ...l, colour: colourFor(i) }));
  const rows = new Map(overview.rows.map((r) => [`${r.label}\u0000${r.bucket}`, r]));
  const activity = new Map(overview.activity.map((a) => [a.bucket, a]));
  const activityOf = (bucket: string) => activity.get(bucket) ?? { count: 0, uniqueConversations: 0 };
  const cell = (label: string, bucket: string): OverviewRow =>
    rows.get(`${label}\u0000${bucket}`) ?? { label, bucket, count: 0, uniqueConversations: 0 };
  const activityTotal = overview.activity.reduce((sum, a) => sum + a.count, 0);
  const window = { fromMs: Date.parse(overview.from), toMs: Date.parse(overview.to) };
  const partials = new Map(overview.buckets.map((b) => [b, partialNote(b, overview.granularity, window, now)]));

  return {
    granularity: overview.granularity,
    window,
    labels,
    buckets: overview.buckets,
    cell,
    activity: activityOf,
    partial: (bucket) => partials.get(bucket),
    activityTotal,
    bar(label, bucket) {
      const series = labels.find((l) => l.id === label);
      if (!series || !overview.buckets.includes(bucket)) return undefined;
      const row = cell(label, bucket);
      return {
        labelId: label,
        labelName: series.name,
        bucketText: `${describeBucket(bucket, overview.granularity)} (UTC${partials.get(bucket) ? `, ${partials.get(bucket)}` : ""})`,
        range: bucketRange(bucket, overview.granularity, window),
        count: row.count,
        uniqueConversations: row.uniqueConversations,
      };
    },
    points(mode, hidden) {
      return overview.buckets.map((bucket) => {
        const base = activityOf(bucket);
        const point: ChartPoint = { bucket, activity: base.count, activityConversations: base.uniqueConversations };
        for (const label of labels) {
          if (hidden.has(label.id)) continue;
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
        for (const bucket of overview.buckets) {
          const c = cell(label.id, bucket).count;
          count += c;
          if (c > 0 && (!peak || c > peak.count)) peak = { bucket, count: c };
        }
        return { label, count, rate: rate(count, activityTotal), peak };
      });
    },
  };
}
