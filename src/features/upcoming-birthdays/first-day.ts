import { addCalendarDays, UPCOMING_RANGES } from "#contract/upcoming-birthdays";
import type { BirthdaysParams } from "./api";
import { todayIn } from "./time-zones";
import type { BirthdaysView } from "./url-state";

/** A long range's first days, asked for first: a big studio's 30 days are megabytes, its first day a few hundred players. */
export const HEAD_DAYS = 1;

/** The list a view asks for: its range from today in its zone. */
export function birthdaysParamsFor(view: BirthdaysView, workspaceId: string, channelId: string, now: number): BirthdaysParams {
  const range = UPCOMING_RANGES[view.range];
  return { workspaceId, channelId, from: addCalendarDays(todayIn(view.zone, now), range.start), days: range.days };
}

/** The first day of a long range; undefined for a range that short already. */
export const firstDayOf = (params: BirthdaysParams): BirthdaysParams | undefined => (params.days > HEAD_DAYS ? { ...params, days: HEAD_DAYS } : undefined);
