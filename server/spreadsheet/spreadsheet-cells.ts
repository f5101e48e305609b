import { neutralizeCell } from "#contract/csv-record";

export { neutralizeCell };

/**
 * Epoch milliseconds as a UTC date-time to the second, `2026-06-03 10:15:22`, in a column whose
 * header says UTC: the form Excel, LibreOffice and Google Sheets all read as a date-time cell
 * (ISO's `T…Z` stays text in all three). Unknown times (empty, 0, null, not a number) are empty.
 */
export function spreadsheetTime(epochMs: string | number | null | undefined): string {
  const ms = Number(epochMs);
  if (epochMs === "" || epochMs === null || epochMs === undefined || !Number.isFinite(ms) || ms <= 0) return "";
  const day = Math.floor(ms / DAY_MS);
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  return `${spreadsheetDate(day)}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

export const DAY_MS = 86_400_000;
const dayCache = new Map<number, string>();

/** The date part of a spreadsheet date-time, `2026-06-03 `, for a day since the epoch. */
export function spreadsheetDate(day: number): string {
  // An export's times fall on a few days: each day's date is formatted once, the time of day by arithmetic.
  let date = dayCache.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 11).replace("T", " ");
    if (dayCache.size > 4096) dayCache.clear();
    dayCache.set(day, date);
  }
  return date;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** An ISO instant (`2026-06-03T10:15:22.123Z`, as the database gives it) in the same form. */
export function spreadsheetInstant(iso: string): string {
  return spreadsheetTime(Date.parse(iso));
}

const MONTH_DAY = /^(?:(\d{4})|-)-(\d{2})-(\d{2})$/;

/**
 * A birthday (`1990-06-14`, or `--06-14` when the year is unknown: API.md) as two cells, the day
 * `06-14` and the year `1990` or empty. ISO's `--06-14` would begin a formula in a spreadsheet
 * (or carry an apostrophe once neutralized), while `06-14` is shown as written and sorts by
 * month then day; the year alone is a plain number. Anything else is kept, as text, in the day.
 */
export function birthdayCells(birthday: string | null | undefined): [day: string, year: string] {
  if (!birthday) return ["", ""];
  const match = MONTH_DAY.exec(birthday);
  if (!match) return [neutralizeCell(birthday), ""];
  return [`${match[2]}-${match[3]}`, match[1] ?? ""];
}
