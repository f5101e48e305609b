import { DAY_MS, MAX_WINDOW_DAYS } from "#contract/assumptions";
import { parseApiInstant, resolveWindow, startOfUtcDay, utcDay } from "#contract/dates";
import type { Granularity } from "#contract/responses";
import type { InstantRange } from "../../lib/format/dates";

/**
 * The Labels view's window: whole UTC days, checked by the API's own rule, the presets, and
 * what part of the window each bucket covers.
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

export type WindowPreset = "last7" | "last30" | "thisMonth" | "lastMonth";

export const PRESET_LABELS: Record<WindowPreset, string> = {
  last7: "Last 7 days",
  last30: "Last 30 days",
  thisMonth: "This month",
  lastMonth: "Last month",
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
  }
}

/**
 * A bucket's instants, clipped to the window: a week keyed by its Monday may start before
 * the window or run past its end, and only the part inside it was counted.
 */
export function bucketRange(bucket: string, granularity: Granularity, window: InstantRange): InstantRange {
  const start = Date.parse(bucket);
  const length = granularity === "week" ? 7 * DAY_MS : DAY_MS;
  return { fromMs: Math.max(start, window.fromMs), toMs: Math.min(start + length, window.toMs) };
}

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
