import { DAY_MS } from "#contract/assumptions";
import { parseBirthday } from "#contract/birthday";
import { dateFormat, READER_LOCALE, READER_TIME_ZONE } from "./locale";

/** Dates and times as the dashboard shows them. Everything about buckets is UTC. */

/** A month's name (1-12) in the reader's locale: "June", "Juni". */
export const monthName = (month: number, locale = READER_LOCALE): string =>
  month >= 1 && month <= 12 ? dateFormat(locale, { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, month - 1, 1)) : "";

/** The twelve month names, January first, in the reader's locale. */
export const monthNames = (locale = READER_LOCALE): string[] => Array.from({ length: 12 }, (_, i) => monthName(i + 1, locale));

/**
 * `1990-06-14` -> "June 14, 1990"; `--06-14` (year unknown) -> "June 14"; anything else or
 * nothing -> undefined, which the UI shows as a dash. A calendar date, not an instant: read
 * in UTC so no time zone moves it. 29 February without a year is shown from a leap year.
 */
export function formatBirthday(value: string | null | undefined, locale = READER_LOCALE): string | undefined {
  const birthday = parseBirthday(value);
  if (!birthday) return undefined;
  const at = Date.UTC(birthday.year ?? 2000, birthday.month - 1, birthday.day);
  const options: Intl.DateTimeFormatOptions =
    birthday.year === undefined ? { month: "long", day: "numeric", timeZone: "UTC" } : { dateStyle: "long", timeZone: "UTC" };
  return dateFormat(locale, options).format(at);
}

/** Unknown timestamps arrive as a missing field, null or 0: all mean "never". */
export const isKnownTimestamp = (ts: number | null | undefined): ts is number => typeof ts === "number" && ts > 0;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY_MS],
  ["month", 30 * DAY_MS],
  ["week", 7 * DAY_MS],
  ["day", DAY_MS],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 days ago", "in 2 hours", "just now"; "never" for an unknown timestamp. */
export function formatRelative(ts: number | null | undefined, now: number): string {
  if (!isKnownTimestamp(ts)) return "never";
  const diff = ts - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relative.format(Math.trunc(diff / ms), unit);
  }
  return "just now";
}

/** "2026-06-03 10:15 UTC": the exact time, for titles and ranges. */
export function formatUtc(ts: number, withSeconds = false): string {
  const iso = new Date(ts).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)} UTC`;
}

/**
 * The same instant on the reader's clock, in their locale with their zone named:
 * "Nov 7, 2026, 05:56 AM GMT+9"; undefined when the reader's clock is UTC (nothing to add).
 */
export function formatReaderTime(ts: number, locale = READER_LOCALE, timeZone = READER_TIME_ZONE): string | undefined {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return undefined;
  const options = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" } as const;
  return dateFormat(locale, options).format(ts);
}

/** "2026-06-03 10:15:22 UTC · Jun 3, 2026, 7:15 PM GMT+9 (your time)": UTC first, then the reader's. */
export function formatBothClocks(ts: number, locale = READER_LOCALE, timeZone = READER_TIME_ZONE): string {
  const reader = formatReaderTime(ts, locale, timeZone);
  return reader ? `${formatUtc(ts, true)} · ${reader} (your time)` : formatUtc(ts, true);
}

/** A half-open span of instants: `fromMs` inclusive, `toMs` exclusive. */
export interface InstantRange {
  fromMs: number;
  /** Exclusive. */
  toMs: number;
}

/** "2026-06-08 00:00 – 2026-06-09 00:00 UTC": the exact half-open range a bar counts. */
export function formatUtcRange(range: InstantRange): string {
  return `${formatUtc(range.fromMs).replace(" UTC", "")} – ${formatUtc(range.toMs)}`;
}

/**
 * A window's span in the reader's locale, read in UTC: "Nov 3, 2026, 00:00 – Dec 3, 2026, 00:00
 * UTC" ("03.11.2026, 00:00 – 03.12.2026, 00:00 UTC" in German), the style the date pickers
 * and axes use for that reader, so a page never mixes date formats.
 */
export function formatWindow(range: InstantRange, locale = READER_LOCALE): string {
  const format = dateFormat(locale, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: "UTC" });
  return `${format.format(range.fromMs)} – ${format.format(range.toMs)} UTC`;
}

/** Two calendar days (`YYYY-MM-DD`, inclusive) in the reader's locale: "Oct 4, 2026 to Nov 2, 2026". */
export function formatDays(from: string, to: string, locale = READER_LOCALE): string {
  const format = dateFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return `${format.format(Date.parse(`${from}T00:00:00Z`))} to ${format.format(Date.parse(`${to}T00:00:00Z`))}`;
}

/** Short axis label for a UTC day: "Jun 8" ("8. Juni" in German). */
export function formatShortDay(day: string, locale = READER_LOCALE): string {
  return dateFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(Date.parse(`${day}T00:00:00Z`));
}

/** A calendar day as a heading: "Sunday, December 20", with the year when asked. */
export function formatCalendarDay(day: string, withYear = false, locale = READER_LOCALE): string {
  const options: Intl.DateTimeFormatOptions = { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" };
  if (withYear) options.year = "numeric";
  return dateFormat(locale, options).format(Date.parse(`${day}T00:00:00Z`));
}

/** A UTC calendar month by its first day: "Nov 2026" (axis) or "November 2026" (names). */
export function formatMonth(day: string, style: "short" | "long" = "long", locale = READER_LOCALE): string {
  return dateFormat(locale, { month: style, year: "numeric", timeZone: "UTC" }).format(Date.parse(`${day}T00:00:00Z`));
}

/** An event's days: "Nov 12" or "Nov 12 – Nov 15" (UTC calendar days, as the charts' buckets). */
export function formatEventDays(event: { start: string; end: string }, locale = READER_LOCALE): string {
  return event.end === event.start ? formatShortDay(event.start, locale) : `${formatShortDay(event.start, locale)} – ${formatShortDay(event.end, locale)}`;
}

/** An event as a bar's name and the drill-down header list it: "Season 4 launch (Nov 12 – Nov 15)". */
export const describeEvent = (event: { title: string; start: string; end: string }, locale = READER_LOCALE): string =>
  `${event.title} (${formatEventDays(event, locale)})`;
