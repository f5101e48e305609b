import { csvRecord, neutralizeCell } from "#contract/csv-record";
import type { TrendGranularity } from "#contract/trend-windows";
import type { ChartModel } from "./chart-model";
import type { Mode } from "./url-state";
import type { Spike } from "#contract/unusual-periods";
import type { EventMarks } from "./event-marks";

const PERIOD_HEADERS: Record<TrendGranularity, string> = { day: "Day (UTC)", week: "Week from Monday (UTC)", month: "Month from the 1st (UTC)" };

/**
 * The table as a CSV, exactly what it shows: one row per period (its first UTC day, a date to a
 * spreadsheet), what a partial period covers, each shown label as a count or as the share of all
 * VIP messages (in percent, one decimal, as on the page), all VIP messages, and the labels
 * marked unusual, and the team's events the period touches. Counts only, no names or texts: nothing personal. A BOM and CRLF, as every
 * download; label names and event titles (typed by people) neutralized like any text. A long
 * trend's periods still loading are left out rather than written as zeros.
 */
export function overviewTableCsv(model: ChartModel, granularity: TrendGranularity, mode: Mode, hidden: ReadonlySet<string>, spikes: ReadonlyMap<string, Spike> | undefined, marks: EventMarks): string {
  const visible = model.labels.filter((l) => !hidden.has(l.id));
  const unit = mode === "rate" ? " (% of VIP messages)" : " (messages)";
  const header = [PERIOD_HEADERS[granularity], "Covers", ...visible.map((l) => neutralizeCell(`${l.name}${unit}`)), "All VIP messages", "Unusual", "Events"];
  const rows = model.buckets.filter((bucket) => !model.pending(bucket)).map((bucket) => {
    const activity = model.activity(bucket).count;
    const cells = visible.map((l) => {
      const count = model.cell(l.id, bucket).count;
      if (mode === "count") return String(count);
      return activity > 0 ? ((count / activity) * 100).toFixed(1) : "";
    });
    const unusual = visible.filter((l) => spikes?.has(`${l.id}|${bucket}`)).map((l) => l.name);
    return [bucket, model.partial(bucket) ?? "whole period", ...cells, String(activity), neutralizeCell(unusual.join(", ")), neutralizeCell(marks.textAt(bucket))];
  });
  return `\uFEFF${[header, ...rows].map(csvRecord).join("")}`;
}
