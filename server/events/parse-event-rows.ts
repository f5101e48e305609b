import { parse } from "csv-parse/sync";
import { eventInputSchema, type EventInput } from "#contract/event-schemas";
import { EVENT_IMPORT_MAX_ROWS } from "#contract/events";
import { parseCalendarDay } from "#contract/upcoming-birthdays";

export type ParsedEvents = { ok: true; events: EventInput[] } | { ok: false; problems: { row: number; message: string }[] };

/**
 * Pasted CSV rows (date, end date, title, link) into events of one workspace and channel, each
 * checked by the same schema as one made in the page. All or nothing: any bad row is reported
 * by its line number and nothing is saved, so a paste never leaves half a list behind.
 */
export function parseEventRows(csv: string, scope: { workspaceId: string; mediumId?: string | undefined }): ParsedEvents {
  let rows: string[][];
  try {
    rows = parse(csv, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    return { ok: false, problems: [{ row: Number((error as { lines?: number }).lines ?? 1), message: `This is not CSV we can read: ${(error as Error).message}` }] };
  }
  // A first row whose first cell is not a day is a header ("date, end date, title, link").
  const start = rows[0] && parseCalendarDay(rows[0][0] ?? "") === undefined ? 1 : 0;
  const body = rows.slice(start);
  if (body.length === 0) return { ok: false, problems: [{ row: 1, message: "No rows to add: date, end date, title, link" }] };
  if (body.length > EVENT_IMPORT_MAX_ROWS) return { ok: false, problems: [{ row: EVENT_IMPORT_MAX_ROWS + start + 1, message: `At most ${EVENT_IMPORT_MAX_ROWS} events at a time` }] };
  const events: EventInput[] = [];
  const problems: { row: number; message: string }[] = [];
  body.forEach((cells, i) => {
    const [date = "", end = "", title = "", link = "", ...rest] = cells;
    const row = i + start + 1;
    if (rest.some((c) => c !== "")) return void problems.push({ row, message: "Four columns at most: date, end date, title, link" });
    const parsed = eventInputSchema.safeParse({
      workspaceId: scope.workspaceId,
      ...(scope.mediumId ? { mediumId: scope.mediumId } : {}),
      start: date,
      ...(end ? { end } : {}),
      title,
      ...(link ? { link } : {}),
    });
    if (parsed.success) events.push(parsed.data);
    else problems.push({ row, message: parsed.error.issues.map((issue) => issue.message.replace('"start"', '"date"')).join("; ") });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events };
}
