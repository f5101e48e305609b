import { DAY_MS } from "./assumptions";
import { startOfUtcDay, startOfUtcWeek, utcDay } from "./dates";

/**
 * Long trends (90 days to 24 months) stitched from several overview calls, each within the
 * vendor's 31-day cap. Every call is aligned to the buckets, so each bucket comes from exactly
 * one call: counts are exact, and a bucket's unique conversations are the upstream's own, never
 * a sum. The windows are fixed on the calendar (whole months; blocks of four whole weeks from a
 * fixed Monday), so the same window recurs from one day's view to the next and, once settled,
 * is fetched once and kept. One home for these rules: the server (what it stores and accepts)
 * and the page (what it asks for and draws) both use this file.
 */

export type TrendGranularity = "day" | "week" | "month";

/** By day, at most this many days (a chart of more days is unreadable); by week or month, up to 24 months. */
export const TREND_MAX_DAYS_BY_DAY = 92;
export const TREND_MAX_MONTHS = 24;
/** A window that ended this long ago no longer changes upstream (late labels settle within it): it is kept. */
export const TREND_SETTLED_AFTER_MS = 2 * DAY_MS;

const WEEK_MS = 7 * DAY_MS;
/** Four weeks (28 days) per call: within the 31-day cap, and whole weeks only. */
const BLOCK_MS = 4 * WEEK_MS;
/** Week blocks count from this Monday, so every instance and every day cuts the same blocks. */
const BLOCK_EPOCH = Date.UTC(1970, 0, 5);

export interface TimeSpan {
  fromMs: number;
  /** Exclusive. */
  toMs: number;
}

/** One overview call of a trend: its window and the granularity it is asked in. */
export interface TrendWindow extends TimeSpan {
  /** Month windows are asked by day (their days are summed into the month); week blocks by week. */
  granularity: "day" | "week";
  /** The whole calendar window: false when the range cuts it (then it is not kept, see isSettled). */
  whole: boolean;
}

export interface TrendBucket extends TimeSpan {
  /** The bucket's key as the overview names it: its first day (a week's Monday, a month's 1st). */
  key: string;
  /** The range cuts it, or it has not ended yet: its counts cover only part of it. */
  partial: boolean;
}

const startOfUtcMonth = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const addUtcMonths = (ms: number, months: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
};
const startOfBlock = (ms: number) => BLOCK_EPOCH + Math.floor((ms - BLOCK_EPOCH) / BLOCK_MS) * BLOCK_MS;

/** The calendar windows that cover [fromMs, toMs): whole months (by day or month) or week blocks. */
function calendarWindows(range: TimeSpan, granularity: TrendGranularity): TimeSpan[] {
  const windows: TimeSpan[] = [];
  if (granularity === "week") {
    for (let start = startOfBlock(range.fromMs); start < range.toMs; start += BLOCK_MS) windows.push({ fromMs: start, toMs: start + BLOCK_MS });
  } else {
    for (let start = startOfUtcMonth(range.fromMs); start < range.toMs; start = addUtcMonths(start, 1)) windows.push({ fromMs: start, toMs: addUtcMonths(start, 1) });
  }
  return windows;
}

/**
 * The overview calls of a range, oldest first: each calendar window the range touches, cut to
 * the range (a cut window never reaches past it, and a range never yields an empty sliver).
 */
export function planTrendWindows(range: TimeSpan, granularity: TrendGranularity): TrendWindow[] {
  return calendarWindows(range, granularity).flatMap((w) => {
    const fromMs = Math.max(w.fromMs, range.fromMs);
    const toMs = Math.min(w.toMs, range.toMs);
    if (toMs <= fromMs) return [];
    return [{ fromMs, toMs, granularity: granularity === "week" ? "week" : "day", whole: fromMs === w.fromMs && toMs === w.toMs } satisfies TrendWindow];
  });
}

/** The buckets of a range, oldest first, each marked partial when the range or `nowMs` cuts it. */
export function trendBuckets(range: TimeSpan, granularity: TrendGranularity, nowMs: number): TrendBucket[] {
  const buckets: TrendBucket[] = [];
  const first = granularity === "day" ? startOfUtcDay(range.fromMs) : granularity === "week" ? startOfUtcWeek(range.fromMs) : startOfUtcMonth(range.fromMs);
  const next = (ms: number) => (granularity === "day" ? ms + DAY_MS : granularity === "week" ? ms + WEEK_MS : addUtcMonths(ms, 1));
  for (let start = first; start < range.toMs; start = next(start)) {
    const end = next(start);
    buckets.push({ key: utcDay(start), fromMs: start, toMs: end, partial: start < range.fromMs || end > range.toMs || end > nowMs });
  }
  return buckets;
}

/** Kept (in the application database) once: a whole calendar window that ended two days ago or more. */
export function isSettled(window: TrendWindow, nowMs: number): boolean {
  return window.whole && window.toMs <= nowMs - TREND_SETTLED_AFTER_MS;
}

/**
 * Whether a window is one a plan could have made: whole days, inside one calendar window, and
 * `whole` exactly when it is all of it. The server answers only those (any other span is an
 * ordinary overview, which has its own route), so what it keeps is always aligned.
 */
export function isPlannedWindow(window: TrendWindow): boolean {
  if (!(window.toMs > window.fromMs) || window.fromMs % DAY_MS !== 0 || window.toMs % DAY_MS !== 0) return false;
  const calendar = calendarWindows(window, window.granularity === "week" ? "week" : "month");
  const only = calendar.length === 1 ? calendar[0] : undefined;
  if (!only || window.toMs > only.toMs) return false;
  return window.whole === (window.fromMs === only.fromMs && window.toMs === only.toMs);
}

export type TrendRangeProblem = { param: "to" | "granularity"; message: string };

/** A range the trends accept: from < to, by day at most 92 days, otherwise at most 24 months. */
export function checkTrendRange(range: TimeSpan, granularity: TrendGranularity): TrendRangeProblem | undefined {
  if (!(range.toMs > range.fromMs)) return { param: "to", message: '"to" must be after "from"' };
  if (granularity === "day" && range.toMs - range.fromMs > TREND_MAX_DAYS_BY_DAY * DAY_MS) {
    return { param: "granularity", message: `By day, a trend covers at most ${TREND_MAX_DAYS_BY_DAY} days; choose by week or by month for a longer range` };
  }
  const from = new Date(range.fromMs);
  const limit = Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + TREND_MAX_MONTHS, from.getUTCDate()) + (range.fromMs - startOfUtcDay(range.fromMs));
  if (range.toMs > limit) return { param: "to", message: `A trend covers at most ${TREND_MAX_MONTHS} months` };
  return undefined;
}

/**
 * The same range a year earlier, for the faint line: twelve calendar months back by month (the
 * months line up), 52 weeks back by week or day (weekdays line up, so a Saturday is read beside
 * a Saturday).
 */
export function yearEarlier(range: TimeSpan, granularity: TrendGranularity): TimeSpan {
  if (granularity !== "month") return { fromMs: range.fromMs - 52 * WEEK_MS, toMs: range.toMs - 52 * WEEK_MS };
  const back = (ms: number) => {
    const d = new Date(ms);
    // The 31st of a month whose year-earlier twin is shorter falls on that month's last day.
    const last = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth() + 1, 0)).getUTCDate();
    return Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), Math.min(d.getUTCDate(), last)) + (ms - startOfUtcDay(ms));
  };
  return { fromMs: back(range.fromMs), toMs: back(range.toMs) };
}

/** The year-earlier line is drawn for ranges up to twelve months (and the running one): a longer one would overlap itself. */
export const TREND_COMPARE_MAX_DAYS = 397;

/**
 * The whole calendar months around a span: a range asked by day (by day or by month) is planned
 * over these, so every window is a whole month and, once settled, kept; the days outside the
 * range are left out when stitched (trend-stitch.ts). Only a week range keeps cut windows (a
 * week bucket cannot be cut after the fact).
 */
export function wholeMonthsAround(span: TimeSpan): TimeSpan {
  const last = startOfUtcMonth(span.toMs - 1);
  return { fromMs: startOfUtcMonth(span.fromMs), toMs: addUtcMonths(last, 1) };
}
