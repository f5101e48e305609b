import { parseCalendarDay } from "./upcoming-birthdays";

/**
 * The team's events ("Season 4 launch", "Servers down", "Double-XP weekend"): a day or a range
 * of calendar days (UTC, like the charts' buckets), a title, an optional link, one workspace,
 * and all of its channels or one. Marked on every time chart. Zod-free, so the pages read it
 * without the validator's weight; the request bodies' schemas are in event-schemas.ts.
 */
export const EVENT_TITLE_MAX = 120;
export const EVENT_LINK_MAX = 500;
/** One event spans at most this many days: a season is an event, a year is not. */
export const EVENT_MAX_DAYS = 366;

export interface TeamEvent {
  id: string;
  workspaceId: string;
  /** null: every channel of the workspace. */
  mediumId: string | null;
  title: string;
  start: string;
  /** The last day, inclusive (equal to `start` for a one-day event). */
  end: string;
  link: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Events pasted as CSV: date, end date, title, link (a header row is allowed), at most 200 rows. */
export const EVENT_IMPORT_MAX_ROWS = 200;
/** The instants an event covers: from its first day's midnight (UTC) to the midnight after its last. */
export function eventSpan(event: Pick<TeamEvent, "start" | "end">): { fromMs: number; toMs: number } {
  return { fromMs: parseCalendarDay(event.start) ?? 0, toMs: (parseCalendarDay(event.end) ?? 0) + 86_400_000 };
}

/** The events that touch [fromMs, toMs): what a bar's name, its drill-down and the table list for its period. */
export function eventsDuring<T extends Pick<TeamEvent, "start" | "end">>(events: readonly T[], span: { fromMs: number; toMs: number }): T[] {
  return events.filter((e) => {
    const own = eventSpan(e);
    return own.fromMs < span.toMs && own.toMs > span.fromMs;
  });
}
