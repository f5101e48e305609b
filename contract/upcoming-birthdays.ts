import { DAY_MS } from "./assumptions";
import { parseBirthday } from "./birthday";

/**
 * Upcoming birthdays: calendar days, not instants. The dashboard works out "today" in the
 * time zone the manager picked and asks for `days` calendar days from it; the server finds
 * whose birthday falls on them. Zod-free, so the pages can read it too.
 */

/** The longest list: a month and a day, so "next 30 days" and any month fit. */
export const UPCOMING_MAX_DAYS = 31;

/** The ranges the dashboard offers: first day (0 = today) and how many days. */
export const UPCOMING_RANGES = {
  today: { start: 0, days: 1, name: "Today" },
  tomorrow: { start: 1, days: 1, name: "Tomorrow" },
  "7": { start: 0, days: 7, name: "Next 7 days" },
  "14": { start: 0, days: 14, name: "Next 14 days" },
  "30": { start: 0, days: 30, name: "Next 30 days" },
} as const;
export type UpcomingRange = keyof typeof UPCOMING_RANGES;
/** In the order they are offered (object keys like "7" would sort before "today"). */
export const UPCOMING_RANGE_ORDER: readonly UpcomingRange[] = ["today", "tomorrow", "7", "14", "30"];

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a real calendar day `YYYY-MM-DD`, or undefined (2026-02-30 is not one). */
export function parseCalendarDay(value: string): number | undefined {
  const match = DAY_PATTERN.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (year < 1900 || back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms;
}

/** `day` plus `n` calendar days. */
export function addCalendarDays(day: string, n: number): string {
  return new Date((parseCalendarDay(day) ?? Number.NaN) + n * DAY_MS).toISOString().slice(0, 10);
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Where a birthday falls in a range. */
export interface BirthdayOccurrence {
  /** The calendar day it is celebrated, `YYYY-MM-DD`. */
  on: string;
  /** Born on 29 February, celebrated on 28 February because this year has no 29th. */
  leapDayMoved: boolean;
  /** The age reached that day, when the birth year is known. */
  turns: number | null;
}

/**
 * The occurrence finder for `days` calendar days from `from`: each day's month and day, plus
 * 29 February on 28 February of a common year. A range is at most 31 days, so no month-day
 * repeats in it.
 */
export function birthdayMatcher(from: string, days: number) {
  const byMonthDay = new Map<string, { on: string; year: number; leapDayMoved: boolean }>();
  const months = new Set<number>();
  for (let i = 0; i < days; i++) {
    const on = addCalendarDays(from, i);
    const [year, month, day] = on.split("-").map(Number) as [number, number, number];
    months.add(month);
    byMonthDay.set(`${month}-${day}`, { on, year, leapDayMoved: false });
    if (month === 2 && day === 28 && !isLeapYear(year)) byMonthDay.set("2-29", { on, year, leapDayMoved: true });
  }
  return {
    /** The birthday months to fetch (1..12), in the range's order. */
    months: [...months],
    /** The last day of the range. */
    to: addCalendarDays(from, days - 1),
    /** Where `birthday` (`YYYY-MM-DD` or `--MM-DD`) falls in the range, if it does. */
    occurrence(birthday: string | null | undefined): BirthdayOccurrence | undefined {
      const parts = parseBirthday(birthday);
      const hit = parts && byMonthDay.get(`${parts.month}-${parts.day}`);
      if (!parts || !hit) return undefined;
      const turns = parts.year === undefined || parts.year > hit.year ? null : hit.year - parts.year;
      return { on: hit.on, leapDayMoved: hit.leapDayMoved, turns };
    },
  };
}
