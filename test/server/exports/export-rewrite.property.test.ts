import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRecord } from "#contract/csv-record";
import { exportLayout, type ExportKind } from "../../../server/exports/export-columns";
import { exportRewrite } from "../../../server/exports/export-rewrite";
import { csvLine } from "../../../server/simulator/csv";
import { csvRecords } from "../../../server/spreadsheet/csv-records";
import { cutBytes } from "../../helpers/cut-bytes";

const nasty = fc.constantFrom("\n", "\r", "\r\n", '"', ",", "\t", " ", "=", "+", "-", "@", "\uFF1D", "\u3000", "\u00A0", "\uFEFF", "😀", "❤️", "毎回", "Müller", "a", "1", "|", "frustrated");
const cell = fc.oneof(fc.string({ unit: nasty, maxLength: 10 }), fc.string({ unit: "grapheme", maxLength: 10 }), fc.string({ maxLength: 6 }), fc.nat().map(String), fc.constantFrom("", "1796238239000", "0", "1990-06-14", "--06-14", "frustrated|praise", "cl_refund"));
const labelNames = { frustrated: "Frustrated", praise: "Praise", cl_refund: "Refund request" };
const headers: Record<ExportKind, string[]> = {
  users: ["conversationId", "userName", "firstName", "lastName", "cuid", "profilePic", "birthday", "lastPurchaseTimestamp", "lastUserMessageTimestamp", "lastAppOpenTimestamp", "vipTier"],
  messages: ["timestamp", "date", "conversationId", "userName", "kind", "source", "labels", "customLabelIds", "text"],
};

async function run(pieces: Buffer[], through: () => NodeJS.ReadWriteStream[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(pieces), ...(through() as [NodeJS.ReadWriteStream]), new Writable({ write(c: Buffer, _e, d) { out.push(c); d(); } }));
  return Buffer.concat(out);
}

/** What the rewrite must equal: the readable reference, record by record through the column rules. */
async function reference(bytes: Buffer, kind: ExportKind, bom: boolean): Promise<Buffer> {
  const records: string[][] = [];
  await pipeline(Readable.from([bytes]), csvRecords(), new Writable({ objectMode: true, write(b: string[][], _e, d) { records.push(...b); d(); } }));
  if (records.length === 0) return Buffer.from(bom ? "\uFEFF" : "", "utf8");
  const layout = exportLayout(kind, records[0]!, labelNames);
  const text = [csvRecord(layout.headers), ...records.slice(1).map((r) => csvRecord(layout.row(r)))].join("");
  return Buffer.from((bom ? "\uFEFF" : "") + text, "utf8");
}

describe("the byte-level export rewrite (property)", () => {
  it("writes byte for byte what the column rules give record by record, however the bytes are cut, whatever the cells hold", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<ExportKind>("users", "messages"),
        fc.array(fc.array(cell, { minLength: 0, maxLength: 12 }), { maxLength: 25 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("\r\n", "\n", "\r"),
        async (kind, rows, at, bom, upstreamBom, lineEnd) => {
          const body = [headers[kind], ...rows].map((r) => (r.length === 0 ? "" : csvLine(r).replace(/\r\n$/, lineEnd))).join("");
          const bytes = Buffer.from((upstreamBom ? "\uFEFF" : "") + body, "utf8");
          const progress = { rows: 0, bytes: 0 };
          const got = await run(cutBytes(bytes, at), () => [exportRewrite({ kind, labelNames, bom }, progress)]);
          const want = await reference(bytes, kind, bom);
          expect(got.toString("utf8")).toEqual(want.toString("utf8"));
          expect(got.equals(want)).toBe(true);
          expect(progress.bytes).toBe(got.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("turns bytes that are not UTF-8 into U+FFFD as decoding the file would, and counts rows", async () => {
    const bytes = Buffer.concat([Buffer.from("timestamp,userName,text\r\n1796238239000,Ann,caf", "utf8"), Buffer.from([0xe9, 0xff]), Buffer.from(",x\r\n0,Bob,=1+1\r\n", "utf8")]);
    const progress = { rows: 0, bytes: 0 };
    const got = await run([bytes.subarray(0, 40), bytes.subarray(40)], () => [exportRewrite({ kind: "messages", labelNames, bom: false }, progress)]);
    expect(got.equals(await reference(bytes, "messages", false))).toBe(true);
    expect(progress.rows).toBe(2);
    expect(got.toString("utf8")).toContain("caf\uFFFD\uFFFD");
  });
});
