import { DAY_MS, MAX_WINDOW_DAYS } from "#contract/assumptions";
import { checkTrendRange, type TimeSpan, type TrendGranularity } from "#contract/trend-windows";
import { checkWindow, type DayWindow } from "../../lib/day-window";

export type CheckedView = { problem: string } | { problem?: undefined; range: TimeSpan; long: boolean };

/**
 * The Labels view's window, checked: within the vendor's 31-day cap by day or week it is one
 * overview call (with the window before beside it); longer, or by month, it is a long trend
 * stitched from several (with the year before), up to 92 days by day and 24 months otherwise.
 */
export function checkLabelsWindow(view: DayWindow & { granularity: TrendGranularity }): CheckedView {
  const checked = checkWindow(view);
  if ("fromMs" in checked) return { range: checked, long: view.granularity === "month" };
  const fromMs = Date.parse(`${view.from}T00:00:00Z`);
  const toMs = Date.parse(`${view.to}T00:00:00Z`) + DAY_MS;
  // Only a window longer than one call can hold goes on: any other problem (a missing or
  // reversed date) is the window's own, said as for every view.
  if (!(toMs - fromMs > MAX_WINDOW_DAYS * DAY_MS)) return checked;
  const range = { fromMs, toMs };
  const problem = checkTrendRange(range, view.granularity);
  return problem ? { problem: `${problem.message}.` } : { range, long: true };
}

export const rangeDays = (range: TimeSpan) => Math.round((range.toMs - range.fromMs) / DAY_MS);
