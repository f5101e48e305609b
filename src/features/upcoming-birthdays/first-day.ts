import { addCalendarDays, UPCOMING_RANGES } from "#contract/upcoming-birthdays";
import type { BirthdaysParams } from "./api";
import { todayIn } from "./time-zones";
import type { BirthdaysView } from "./url-state";

/**
 * The days a view's preview covers, asked for first: a big studio's 30 days are megabytes and
 * dozens of pages a month, while the first page of the first day's month holds the top of that
 * day's list (the vendor's order stays within a day).
 */
export const HEAD_DAYS = 1;

/** The list a view asks for: its range from today in its zone. */
export function birthdaysParamsFor(view: BirthdaysView, workspaceId: string, channelId: string, now: number): BirthdaysParams {
  const range = UPCOMING_RANGES[view.range];
  return { workspaceId, channelId, from: addCalendarDays(todayIn(view.zone, now), range.start), days: range.days };
}

/** A view's preview: its first day, from the first page of that day's birthday month. */
export const previewOf = (params: BirthdaysParams): BirthdaysParams => ({ ...params, days: Math.min(params.days, HEAD_DAYS), firstPage: "true" });

/** Whether a preview's answer is already the whole list the view asks for (a short range whose month fits in one page). */
export const previewIsWhole = (params: BirthdaysParams, preview: { scan: { complete: boolean } }): boolean => params.days <= HEAD_DAYS && preview.scan.complete;
