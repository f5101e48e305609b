import { DAY_MS, MAX_WINDOW_DAYS } from "#contract/assumptions";
import { parseApiInstant, resolveWindow, startOfUtcDay, utcDay } from "#contract/dates";
import type { InstantRange } from "./format/dates";

/**
 * A window of whole UTC days as the views keep it in the URL (Labels, Messages): checked by the
 * API's own rule, and the presets people pick.
 */

/** A window of whole UTC days, `from` and `to` inclusive, as the Labels view keeps it in the URL. */
export interface DayWindow {
  from: string;
  to: string;
}

/** The window's instants (to exclusive), or a message saying what is wrong with it. */
export function checkWindow(window: DayWindow): InstantRange | { problem: string } {
  const from = parseApiInstant(window.from);
  const to = parseApiInstant(window.to);
  if (!from?.dateOnly || !to?.dateOnly) return { problem: "Pick a From and a To date." };
  // The same rule the API applies, so the UI refuses exactly what the API would.
  const resolved = resolveWindow(from, to);
  if (!("param" in resolved)) return resolved;
  if (resolved.type === "date.order") return { problem: "The To date must not be before the From date." };
  const days = Math.round((to.ms + DAY_MS - from.ms) / DAY_MS);
  return { problem: `The window can be at most ${MAX_WINDOW_DAYS} days; this one is ${days} days. Shorten it to see the chart.` };
}

export type WindowPreset = "last7" | "last30" | "thisMonth" | "lastMonth" | "last90" | "last6Months" | "last12Months";

export const PRESET_LABELS: Record<WindowPreset, string> = {
  last7: "Last 7 days",
  last30: "Last 30 days",
  thisMonth: "This month",
  lastMonth: "Last month",
  last90: "Last 90 days",
  last6Months: "6 months",
  last12Months: "12 months",
};

/** Preset windows in whole UTC days, ending today (UTC) where they are "last N days". */
export function presetWindow(preset: WindowPreset, now: number): DayWindow {
  const today = startOfUtcDay(now);
  const date = new Date(today);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  switch (preset) {
    case "last7":
      return { from: utcDay(today - 6 * DAY_MS), to: utcDay(today) };
    case "last30":
      return { from: utcDay(today - 29 * DAY_MS), to: utcDay(today) };
    case "thisMonth":
      return { from: utcDay(Date.UTC(y, m, 1)), to: utcDay(today) };
    case "lastMonth":
      return { from: utcDay(Date.UTC(y, m - 1, 1)), to: utcDay(Date.UTC(y, m, 0)) };
    case "last90":
      return { from: utcDay(today - 89 * DAY_MS), to: utcDay(today) };
    // The whole months before this one, and this one so far: each month a whole bar but the last.
    case "last6Months":
      return { from: utcDay(Date.UTC(y, m - 6, 1)), to: utcDay(today) };
    case "last12Months":
      return { from: utcDay(Date.UTC(y, m - 12, 1)), to: utcDay(today) };
  }
}


const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A view's window from its URL (`from`, `to`: whole UTC days; an empty one stays empty, for the
 * picker to say so), else the preset: the one reader every view with a window uses.
 */
export function readDayWindow(params: URLSearchParams, preset: WindowPreset, now: number): DayWindow {
  const fallback = presetWindow(preset, now);
  const read = (key: "from" | "to") => {
    const value = params.get(key);
    return value !== null && (DAY.test(value) || value === "") ? value : fallback[key];
  };
  return { from: read("from"), to: read("to") };
}
