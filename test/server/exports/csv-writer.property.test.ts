import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutralizeCell } from "../../../server/spreadsheet/spreadsheet-cells";
import { spreadsheetWriter } from "../../../server/spreadsheet/spreadsheet-writer";
import { parseCsv } from "../../helpers/csv";

/** Text that breaks naive writers: line breaks of every kind, quotes, delimiters, formula starts, BOMs, emoji. */
const nasty = fc.constantFrom("\n", "\r", "\r\n", '"', ",", ";", "\t", " ", "=", "+", "-", "@", "\uFEFF", "'", "😀", "毎回", "Müller", "＝", "a", "1");
const cell = fc.oneof(fc.string({ unit: nasty, maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ maxLength: 8 }));
const records = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 });

async function write(rows: string[][], bom: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const progress = { bytes: 0 };
  await pipeline(
    Readable.from(rows),
    spreadsheetWriter(bom, progress),
    new Writable({
      write(chunk: Buffer, _e, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  const bytes = Buffer.concat(chunks);
  expect(progress.bytes).toBe(bytes.length);
  return bytes;
}

describe("the spreadsheet CSV writer (property)", () => {
  it("any records read back the same, cell for cell, with the strict reader and with csv-parse", async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.boolean(), async (rows, bom) => {
        const bytes = await write(rows, bom);
        expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(bom);
        const text = bytes.toString("utf8").slice(bom ? 1 : 0);
        expect(parseCsv(text)).toEqual(rows);
        // A second reader, the library's, in its strict defaults (no relaxed quotes or columns).
        expect(parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false })).toEqual(rows);
      }),
      { numRuns: 400 },
    );
  });

  it("every neutralized cell reads back not starting a formula", async () => {
    await fc.assert(
      fc.asyncProperty(records, async (rows) => {
        const safe = rows.map((r) => r.map(neutralizeCell));
        const read = parseCsv((await write(safe, false)).toString("utf8"));
        for (const row of read) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r\n＝]/);
      }),
      { numRuns: 200 },
    );
  });

  it("a bare line feed or carriage return inside a message never splits its row", async () => {
    const rows = [["Sent (UTC)", "Message"], ["2026-11-14 23:55:14", "thanks!\n=SUM(1+2)"], ["2026-11-14 23:55:15", "one\rtwo"]];
    const text = (await write(rows.map((r) => r.map(neutralizeCell)), false)).toString("utf8");
    expect(parseCsv(text)).toHaveLength(3);
    expect(text).toContain('"thanks!\n=SUM(1+2)"');
  });

  it("gathers rows into chunks rather than writing one per row", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [String(i), "a message of some length, with a comma"]);
    const chunks: Buffer[] = [];
    await pipeline(
      Readable.from(rows),
      spreadsheetWriter(false, { bytes: 0 }),
      new Writable({
        write(chunk: Buffer, _e, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    expect(chunks.length).toBeLessThan(20);
  });
});
