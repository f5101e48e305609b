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
  const match = value ? /^(?:(\d{4})-|--)(\d{2})-(\d{2})$/.exec(value) : null;
  const name = match ? monthName(Number(match[2])) : "";
  if (!match || !name) return undefined;
  const day = Number(match[3]);
  return match[1] ? `${name} ${day}, ${match[1]}` : `${name} ${day}`;
}

/** Unknown timestamps arrive as a missing field, null or 0: all mean "never". */
export const isKnownTimestamp = (ts: number | null | undefined): ts is number => typeof ts === "number" && ts > 0;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
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
