import { z } from "zod";
import { isIdValue } from "./ids";
import { parseCalendarDay } from "./upcoming-birthdays";

/**
 * The team's events ("Season 4 launch", "Servers down", "Double-XP weekend"): a day or a range
 * of calendar days (UTC, like the charts' buckets), a title, an optional link, one workspace,
 * and all of its channels or one. Marked on every time chart.
 */
export const EVENT_TITLE_MAX = 120;
export const EVENT_LINK_MAX = 500;
/** One event spans at most this many days: a season is an event, a year is not. */
export const EVENT_MAX_DAYS = 366;

const day = (name: string) =>
  z.string().refine((v) => parseCalendarDay(v) !== undefined, `"${name}" must be a calendar day like 2026-12-20`);
const id = (name: string) => z.string().refine(isIdValue, `"${name}" must be an id`);
const link = z
  .string()
  .trim()
  .max(EVENT_LINK_MAX, `"link" must be at most ${EVENT_LINK_MAX} characters`)
  .refine((v) => {
    const url = URL.parse(v);
    return url !== null && (url.protocol === "https:" || url.protocol === "http:");
  }, '"link" must be an http(s) address');

const fields = {
  title: z.string().trim().min(1, '"title" must not be empty').max(EVENT_TITLE_MAX, `"title" must be at most ${EVENT_TITLE_MAX} characters`),
  start: day("start"),
  /** The last day, inclusive; absent: a one-day event. */
  end: day("end").optional(),
  link: link.optional(),
};

const spanIsValid = (e: { start?: string | undefined; end?: string | undefined }) => {
  if (e.start === undefined || e.end === undefined) return true;
  const days = ((parseCalendarDay(e.end) ?? 0) - (parseCalendarDay(e.start) ?? 0)) / 86_400_000 + 1;
  return days >= 1 && days <= EVENT_MAX_DAYS;
};
const SPAN_MESSAGE = { message: `"end" must be on or after "start", and an event at most ${EVENT_MAX_DAYS} days`, path: ["end"] };

export const eventInputSchema = z
  .strictObject({
    workspaceId: id("workspaceId"),
    /** One channel; absent: every channel of the workspace. */
    mediumId: id("mediumId").optional(),
    ...fields,
  })
  .refine(spanIsValid, SPAN_MESSAGE);

/** A change to an event: any of its fields; `mediumId: null` makes it every channel's. */
export const eventPatchSchema = z
  .strictObject({
    mediumId: id("mediumId").nullable().optional(),
    title: fields.title.optional(),
    start: fields.start.optional(),
    end: day("end").nullable().optional(),
    link: link.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "Nothing to change");

/** The events a chart marks: those of a workspace (and a channel's plus the all-channel ones) touching [from, to]. */
export const eventsQuerySchema = z
  .strictObject({ workspaceId: id("workspaceId"), mediumId: id("mediumId").optional(), from: day("from"), to: day("to") })
  .refine((q) => (parseCalendarDay(q.to) ?? 0) >= (parseCalendarDay(q.from) ?? 0), { message: '"to" must be on or after "from"', path: ["to"] });

export type EventInput = z.output<typeof eventInputSchema>;
export type EventPatch = z.output<typeof eventPatchSchema>;
export type EventsQuery = z.output<typeof eventsQuerySchema>;

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
export const eventImportSchema = z.strictObject({
  workspaceId: id("workspaceId"),
  mediumId: id("mediumId").optional(),
  csv: z.string().min(1, "Paste at least one row: date, end date, title, link").max(12_000, "Paste at most 12,000 characters at a time"),
});
export type EventImport = z.output<typeof eventImportSchema>;

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
