import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse/sync";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRecord } from "#contract/csv-record";
import { csvLine } from "../../../server/simulator/csv";
import { csvRecords, CsvShapeError } from "../../../server/spreadsheet/csv-records";
import { cutBytes } from "../../helpers/cut-bytes";

const nasty = fc.constantFrom("\n", "\r", "\r\n", '"', ",", ";", "\t", " ", "=", "\uFEFF", "😀", "毎回", "Müller", "a", "1", "é");
const cell = fc.oneof(fc.string({ unit: nasty, maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ maxLength: 8 }));
const records = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 });

/** Reads `bytes` cut into the given pieces (a chunk may end inside a cell, a quote pair, a CRLF or a UTF-8 character). */
async function read(bytes: Buffer, cuts: number[]): Promise<string[][]> {
  const pieces = cutBytes(bytes, cuts);
  const out: string[][] = [];
  await pipeline(
    Readable.from(pieces),
    csvRecords(),
    new Writable({
      objectMode: true,
      write(batch: string[][], _e, done) {
        out.push(...batch);
        done();
      },
    }),
  );
  return out;
}

const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });

describe("the CSV record reader (property)", () => {
  it("reads any file as csv-parse does, however the bytes are cut: the vendor's quoting and ours, with a BOM or without", async () => {
    await fc.assert(
      fc.asyncProperty(records, cuts, fc.boolean(), fc.boolean(), async (rows, at, ours, bom) => {
        // A record of one empty cell is an empty line, which csv-parse skips only on request: leave it out.
        const kept = rows.filter((r) => !(r.length === 1 && r[0] === ""));
        const text = (bom ? "\uFEFF" : "") + kept.map((r) => (ours ? csvRecord(r) : csvLine(r))).join("");
        const bytes = Buffer.from(text, "utf8");
        const expected = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
        expect(await read(bytes, at)).toEqual(expected);
        // And both give back what was written, but for a first cell that itself begins with a
        // U+FEFF, which any reader takes for a byte order mark.
        const markFirst = text.slice(bom ? 1 : 0).startsWith("\uFEFF");
        expect(markFirst ? [] : expected).toEqual(markFirst ? [] : kept);
      }),
      { numRuns: 500 },
    );
  });

  it("ends rows at LF and at CR as well as CRLF, and keeps a last row without a line end", async () => {
    const bytes = Buffer.from('a,b\nc,"d\r\ne"\re,f', "utf8");
    expect(await read(bytes, [0.3, 0.55])).toEqual([["a", "b"], ["c", "d\r\ne"], ["e", "f"]]);
  });

  it("refuses a stray quote rather than guess", async () => {
    await expect(read(Buffer.from('a,b"c\r\n'), [])).rejects.toBeInstanceOf(CsvShapeError);
    await expect(read(Buffer.from('"a"b,c\r\n'), [])).rejects.toBeInstanceOf(CsvShapeError);
    await expect(read(Buffer.from('"a,b\r\n'), [])).rejects.toBeInstanceOf(CsvShapeError);
  });
});
