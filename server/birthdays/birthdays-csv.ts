import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { UpcomingBirthday } from "#contract/dashboard-api";
import { birthdayCells, neutralizeCell, spreadsheetTime } from "../spreadsheet/spreadsheet-cells";
import { spreadsheetWriter } from "../spreadsheet/spreadsheet-writer";

const HEADERS = [
  "Birthday on",
  "Turns",
  "Note",
  "Player",
  "First name",
  "Last name",
  "Birthday (month-day)",
  "Birth year",
  "Conversation ID",
  "CUID",
  "Last purchase (UTC)",
  "Last message (UTC)",
  "Last app open (UTC)",
];


/** One list row as cells, the same spreadsheet rules as the other downloads (formulas neutralized). */
function cells({ on, turns, leapDayMoved, user }: UpcomingBirthday): string[] {
  return [
    on,
    turns === null ? "" : String(turns),
    leapDayMoved ? "Born 29 February: celebrated 28 February this year" : "",
    neutralizeCell(user.userName ?? ""),
    neutralizeCell(user.firstName ?? ""),
    neutralizeCell(user.lastName ?? ""),
    ...birthdayCells(user.birthday),
    neutralizeCell(user.conversationId),
    neutralizeCell(user.cuid ?? ""),
    spreadsheetTime(user.lastPurchaseTimestamp),
    spreadsheetTime(user.lastUserMessageTimestamp),
    spreadsheetTime(user.lastAppOpenTimestamp),
  ];
}

/**
 * Writes a birthday list as a spreadsheet-safe CSV (BOM unless asked not to, CRLF, readable
 * headers, UTC date-times, birthdays as day and year), streamed record by record. Resolves with the rows and bytes sent;
 * rejects when the browser goes away, `progress` having counted what was sent by then.
 */
export async function streamBirthdaysCsv(
  items: readonly UpcomingBirthday[],
  out: Writable,
  options: { bom: boolean },
  progress: { rows: number; bytes: number } = { rows: 0, bytes: 0 },
): Promise<{ rows: number; bytes: number }> {
  const records = Readable.from(
    (function* () {
      yield HEADERS;
      for (const item of items) {
        progress.rows += 1;
        yield cells(item);
      }
    })(),
  );
  await pipeline(records, spreadsheetWriter(options.bom, progress), out);
  return progress;
}
