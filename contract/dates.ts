import { DAY_MS, MAX_WINDOW_DAYS, MAX_WINDOW_MS } from "./assumptions";

/** A `from`/`to` value as API.md reads it: an ISO date, or an ISO date-time with a zone. */
export interface ApiInstant {
  ms: number;
  dateOnly: boolean;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

function validCalendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Parses a window bound; null when it is not a real ISO date or zoned date-time. */
export function parseApiInstant(value: string): ApiInstant | null {
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [y, m, d] = dateOnly.slice(1, 4).map(Number) as [number, number, number];
    if (!validCalendarDate(y, m, d)) return null;
    return { ms: Date.UTC(y, m - 1, d), dateOnly: true };
  }
  const dt = DATE_TIME.exec(value);
  if (!dt) return null;
  const [y, mo, d, h, mi] = dt.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (!validCalendarDate(y, mo, d) || h > 23 || mi > 59 || Number(dt[6] ?? 0) > 59) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? { ms, dateOnly: false } : null;
}

export interface ResolvedWindow {
  fromMs: number;
  /** Exclusive end: a date-only `to` covers that whole day. */
  toMs: number;
}

export type WindowProblem =
  | { param: "to"; type: "date.order"; message: string }
  | { param: "to"; type: "date.window"; message: string };

/** Applies API.md's window rules: `to` date-only is inclusive, from < to, at most 31 x 24 h. */
export function resolveWindow(from: ApiInstant, to: ApiInstant): ResolvedWindow | WindowProblem {
  const toMs = to.dateOnly ? to.ms + DAY_MS : to.ms;
  if (toMs <= from.ms) {
    return { param: "to", type: "date.order", message: '"to" must be after "from"' };
  }
  if (toMs - from.ms > MAX_WINDOW_MS) {
    const days = Math.ceil((toMs - from.ms) / DAY_MS);
    return {
      param: "to",
      type: "date.window",
      message: `The window from "from" to "to" covers ${days} days; it can be at most ${MAX_WINDOW_DAYS} days`,
    };
  }
  return { fromMs: from.ms, toMs };
}

/** `YYYY-MM-DD` of a UTC instant. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of the day holding `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Monday 00:00 UTC of the week holding `ms` (weeks start Monday, API.md). */
export function startOfUtcWeek(ms: number): number {
  const day = startOfUtcDay(ms);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY_MS;
}

/** A half-open span of instants: `fromMs` inclusive, `toMs` exclusive. */
export interface InstantSpan {
  fromMs: number;
  toMs: number;
}

/**
 * A bucket's instants, clipped to the window: a week keyed by its Monday (or a month by its
 * 1st, in a long trend) may start before the window or run past its end, and only the part
 * inside it was counted (API.md).
 */
export function bucketRange(bucket: string, granularity: "day" | "week" | "month", window: InstantSpan): InstantSpan {
  const start = Date.parse(bucket);
  const d = new Date(start);
  const end = granularity === "month" ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : start + (granularity === "week" ? 7 : 1) * 86_400_000;
  return { fromMs: Math.max(start, window.fromMs), toMs: Math.min(end, window.toMs) };
}
