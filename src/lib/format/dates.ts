import { DAY_MS } from "#contract/assumptions";
import { parseBirthday } from "#contract/responses";

/** Dates and times as the dashboard shows them. Everything about buckets is UTC. */

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

export const monthName = (month: number): string => MONTHS[month - 1] ?? "";
export const MONTH_NAMES: readonly string[] = MONTHS;

/**
 * `1990-06-14` -> "June 14, 1990"; `--06-14` (year unknown) -> "June 14"; anything else or
 * nothing -> undefined, which the UI shows as a dash.
 */
export function formatBirthday(value: string | null | undefined): string | undefined {
  const birthday = parseBirthday(value);
  if (!birthday) return undefined;
  const name = monthName(birthday.month);
  return birthday.year === undefined ? `${name} ${birthday.day}` : `${name} ${birthday.day}, ${birthday.year}`;
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

const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The reader's local time, for message timestamps. */
export const formatLocal = (ts: number): string => localFormat.format(new Date(ts));

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

/** Short axis label for a UTC day: "Jun 8". */
export function formatShortDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return d.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
