import { csvRecord, neutralizeCell } from "#contract/csv-record";
import type { Granularity } from "#contract/responses";
import type { ChartModel } from "./chart-model";
import type { Mode } from "./url-state";
import type { Spike } from "#contract/unusual-periods";

/**
 * The table as a CSV, exactly what it shows: one row per period (its first UTC day, a date to a
 * spreadsheet), what a partial period covers, each shown label as a count or as the share of all
 * VIP messages (in percent, one decimal, as on the page), all VIP messages, and the labels
 * marked unusual. Counts only, no names or texts: nothing personal. A BOM and CRLF, as every
 * download; label names (custom ones are typed by people) neutralized like any text.
 */
export function overviewTableCsv(model: ChartModel, granularity: Granularity, mode: Mode, hidden: ReadonlySet<string>, spikes: ReadonlyMap<string, Spike> | undefined): string {
  const visible = model.labels.filter((l) => !hidden.has(l.id));
  const unit = mode === "rate" ? " (% of VIP messages)" : " (messages)";
  const header = [granularity === "week" ? "Week from Monday (UTC)" : "Day (UTC)", "Covers", ...visible.map((l) => neutralizeCell(`${l.name}${unit}`)), "All VIP messages", "Unusual"];
  const rows = model.buckets.map((bucket) => {
    const activity = model.activity(bucket).count;
    const cells = visible.map((l) => {
      const count = model.cell(l.id, bucket).count;
      if (mode === "count") return String(count);
      return activity > 0 ? ((count / activity) * 100).toFixed(1) : "";
    });
    const unusual = visible.filter((l) => spikes?.has(`${l.id}|${bucket}`)).map((l) => l.name);
    return [bucket, model.partial(bucket) ?? "whole period", ...cells, String(activity), neutralizeCell(unusual.join(", "))];
  });
  return `\uFEFF${[header, ...rows].map(csvRecord).join("")}`;
}
