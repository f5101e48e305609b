import { z } from "zod";
import { EVENT_LINK_MAX, EVENT_MAX_DAYS, EVENT_TITLE_MAX } from "./events";
import { isIdValue } from "./ids";
import { parseCalendarDay } from "./upcoming-birthdays";

/** The bodies and queries /api/events accepts (the server's side of events.ts). */

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

export const eventImportSchema = z.strictObject({
  workspaceId: id("workspaceId"),
  mediumId: id("mediumId").optional(),
  csv: z.string().min(1, "Paste at least one row: date, end date, title, link").max(12_000, "Paste at most 12,000 characters at a time"),
});
export type EventImport = z.output<typeof eventImportSchema>;
