import { csvRecord, neutralizeCell } from "#contract/csv-record";
import { utcDay } from "#contract/dates";
import type { ChartModel } from "./chart-model";
import type { EventMarks } from "./event-marks";

/**
 * The chart as rows, one per period and label, exactly what is shown: the period's first and
 * last UTC day (clipped to the range, so a partial period says so twice: by its days and in
 * Covers), the label, its count, all VIP messages of the period, the share (percent, one
 * decimal, as on the page; empty where there were no messages) and the events the period
 * touches. Periods still loading are left out, never written as zeros. Counts only, nothing
 * personal; label names and event titles are typed by people, so neutralized like any text.
 */
export function trendRowsCsv(model: ChartModel, hidden: ReadonlySet<string>, marks: EventMarks): string {
  const header = ["Period from (UTC)", "Period to (UTC)", "Covers", "Label", "Count", "All VIP messages", "Share (% of VIP messages)", "Events"];
  const rows: string[][] = [];
  for (const bucket of model.buckets) {
    if (model.pending(bucket)) continue;
    const range = model.range(bucket);
    const activity = model.activity(bucket).count;
    const events = neutralizeCell(marks.textAt(bucket));
    for (const label of model.labels) {
      if (hidden.has(label.id)) continue;
      const count = model.cell(label.id, bucket).count;
      rows.push([
        utcDay(range.fromMs),
        utcDay(range.toMs - 1),
        model.partial(bucket) ?? "whole period",
        neutralizeCell(label.name),
        String(count),
        String(activity),
        activity > 0 ? ((count / activity) * 100).toFixed(1) : "",
        events,
      ]);
    }
  }
  return `\uFEFF${[header, ...rows].map(csvRecord).join("")}`;
}
