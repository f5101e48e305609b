import { isUtf8 } from "node:buffer";
import { Transform } from "node:stream";
import { csvField, csvRecord } from "#contract/csv-record";
import { ByteChunks } from "../spreadsheet/byte-chunks";
import { keepsItsBytes, writeTextCell } from "../spreadsheet/cell-bytes";
import { CellSpans, DOUBLED, QUOTED, scanCsvRows } from "../spreadsheet/csv-byte-rows";
import { DAY_MS, spreadsheetDate } from "../spreadsheet/spreadsheet-cells";
import { exportLayout, type ColumnRule, type ExportKind } from "./export-columns";

const BOM = Buffer.from("\uFEFF", "utf8");
const COMMA = 0x2c;
/** Rows alike (label sets, mostly) share one answer; a bound, so odd files cannot grow it. */
const MEMO_LIMIT = 10_000;

export interface RewriteOptions {
  kind: ExportKind;
  labelNames: Readonly<Record<string, string>>;
  bom: boolean;
}

/**
 * The vendor's export CSV in, the file for spreadsheets out (export-columns.ts says what each
 * column becomes), as bytes: every row is found in the raw bytes (csv-byte-rows), cells that
 * stay as they are (most of them: ids, names, message texts) are copied, and runs of them next to
 * each other in one go; dates are written from their digits; only the other cells (birthdays,
 * label names, anything unusual) are decoded and go through the column's own string rule. The
 * output is byte for byte what `csvRecord(layout.row(record))` gives for each record (a property
 * test holds the two together), at the speed of copying rather than of making strings.
 * A chunk that is not valid UTF-8 is done the string way, cell by cell, so broken bytes become
 * U+FFFD exactly as decoding the file would make them.
 */
export function exportRewrite(options: RewriteOptions, progress: { rows: number; bytes: number }): Transform {
  let carry: Buffer = Buffer.alloc(0);
  let started = false;
  let layout: ReturnType<typeof exportLayout> | undefined;
  let rules: readonly (ColumnRule | null)[] = [];
  const spans = new CellSpans();
  // A memo rule's cells, written (csvField, commas between) once as bytes.
  const memo = new Map<string, { bytes: Buffer; count: number }>();
  const dates = new Map<number, Buffer>();
  // Each memo rule's answer when its cell and the cells it reads are all empty.
  const emptyAnswers = new Map<ColumnRule, { bytes: Buffer; count: number }>();
  let out!: ByteChunks;
  // The chunk being read, and whether it is valid UTF-8 (else every cell is decoded).
  let buf: Buffer = carry;
  let valid = true;

  const value = (i: number): string => {
    if (i >= spans.count) return "";
    const raw = buf.toString("utf8", spans.start[i], spans.end[i]);
    return spans.flags[i]! & DOUBLED ? raw.replaceAll('""', '"') : raw;
  };
  const context = {
    field: (name: string) => {
      const i = layout!.position.get(name);
      return i === undefined ? "" : value(i);
    },
    labelName: (id: string) => layout!.labelName(id),
  };

  /** Writes a rule's cells the string way (each after a comma but the row's first); returns how many. */
  function writeStringCells(rule: ColumnRule, i: number, cellsOut: number): number {
    if (!rule.memo) {
      const cells = rule.cells(value(i), context);
      for (const cell of cells) {
        if (cellsOut > 0) out.byte(COMMA);
        out.text(csvField(cell));
        cellsOut += 1;
      }
      return cells.length;
    }
    let written: { bytes: Buffer; count: number } | undefined;
    // Most messages carry no label: a cell and the cells it reads all empty get one answer, without making a key.
    const allEmpty = isEmpty(i) && memoPositions(rule).every(isEmpty);
    if (allEmpty && (written = emptyAnswers.get(rule)) !== undefined) return writeMemo(written, cellsOut);
    let key = value(i);
    for (const name of rule.memo) key += `\u0000${context.field(name)}`;
    written = memo.get(key);
    if (written === undefined) {
      const cells = rule.cells(value(i), context);
      written = { bytes: Buffer.from(cells.map(csvField).join(","), "utf8"), count: cells.length };
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, written);
    }
    if (allEmpty) emptyAnswers.set(rule, written);
    return writeMemo(written, cellsOut);
  }

  function writeMemo(written: { bytes: Buffer; count: number }, cellsOut: number): number {
    if (written.count === 0) return 0;
    if (cellsOut > 0) out.byte(COMMA);
    out.copy(written.bytes, 0, written.bytes.length);
    return written.count;
  }

  /** Whether upstream cell i is empty (missing from the row counts as empty, as `value` reads it). */
  const isEmpty = (i: number | undefined): boolean => i === undefined || i >= spans.count || spans.start[i] === spans.end[i];
  const memoAt = new Map<ColumnRule, (number | undefined)[]>();
  const memoPositions = (rule: ColumnRule) => {
    let at = memoAt.get(rule);
    if (at === undefined) memoAt.set(rule, (at = (rule.memo ?? []).map((name) => layout!.position.get(name))));
    return at;
  };

  // Rows come in time order, so the day just written is nearly always the next one's.
  let lastDay = NaN;
  let lastDate: Buffer = Buffer.alloc(0);
  /** Epoch-millisecond digits as `YYYY-MM-DD hh:mm:ss` (spreadsheetTime's form); false when the cell is not plain digits. */
  function writeTime(start: number, end: number): boolean {
    const n = end - start;
    if (n === 0 || n > 15) return n === 0;
    let ms = 0;
    for (let k = start; k < end; k++) {
      const d = buf[k]! - 0x30;
      if (d < 0 || d > 9) return false;
      ms = ms * 10 + d;
    }
    if (ms <= 0) return true;
    const day = Math.floor(ms / DAY_MS);
    const seconds = Math.floor((ms - day * DAY_MS) / 1000);
    if (day !== lastDay) {
      let date = dates.get(day);
      if (date === undefined) {
        date = Buffer.from(spreadsheetDate(day), "utf8");
        if (dates.size >= MEMO_LIMIT) dates.clear();
        dates.set(day, date);
      }
      lastDay = day;
      lastDate = date;
    }
    out.copy(lastDate, 0, lastDate.length);
    const h = Math.floor(seconds / 3600);
    const m = Math.floor(seconds / 60) % 60;
    const sec = seconds % 60;
    out.room(8);
    const o = out.buf;
    const p = out.pos;
    o[p] = 0x30 + Math.floor(h / 10);
    o[p + 1] = 0x30 + (h % 10);
    o[p + 2] = 0x3a;
    o[p + 3] = 0x30 + Math.floor(m / 10);
    o[p + 4] = 0x30 + (m % 10);
    o[p + 5] = 0x3a;
    o[p + 6] = 0x30 + Math.floor(sec / 10);
    o[p + 7] = 0x30 + (sec % 10);
    out.pos = p + 8;
    return true;
  }

  function header(): void {
    const record: string[] = [];
    for (let i = 0; i < spans.count; i++) record.push(value(i));
    layout = exportLayout(options.kind, record, options.labelNames);
    rules = layout.rules;
    out.text(csvRecord(layout.headers));
  }

  // A run of cells copied as they are: source bytes runFrom..runTo, ending at upstream column `runLast`.
  let runFrom = -1;
  let runTo = -1;
  let runLast = -2;
  function flushRun(): void {
    if (runFrom >= 0) out.copy(buf, runFrom, runTo);
    runFrom = -1;
  }

  function dataRow(): void {
    const rowStart = out.total;
    let cellsOut = 0;
    runFrom = -1;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      if (!rule) continue;
      const present = i < spans.count;
      if (valid && present && rule.form === "text") {
        const s = spans.start[i]!;
        const e = spans.end[i]!;
        const f = spans.flags[i]!;
        const quoted = (f & QUOTED) !== 0;
        if (keepsItsBytes(buf, s, e, f, quoted)) {
          const from = quoted ? s - 1 : s;
          const to = quoted ? e + 1 : e;
          if (runFrom >= 0 && runLast === i - 1) runTo = to;
          else {
            flushRun();
            if (cellsOut > 0) out.byte(COMMA);
            runFrom = from;
            runTo = to;
          }
          runLast = i;
          cellsOut += 1;
          continue;
        }
        flushRun();
        if (cellsOut > 0) out.byte(COMMA);
        writeTextCell(out, buf, s, e, f);
        cellsOut += 1;
        continue;
      }
      flushRun();
      if (valid && present && rule.form === "time") {
        if (cellsOut > 0) out.byte(COMMA);
        if (writeTime(spans.start[i]!, spans.end[i]!)) {
          cellsOut += 1;
          continue;
        }
        // Not plain digits (writeTime wrote nothing): after the comma, the string way.
        for (const cell of rule.cells(value(i), context)) {
          out.text(csvField(cell));
          cellsOut += 1;
        }
        continue;
      }
      cellsOut += writeStringCells(rule, i, cellsOut);
    }
    flushRun();
    // A record's only, empty field is written `""`, so the line is not skipped as empty.
    if (cellsOut === 1 && out.total === rowStart) out.text('""');
    out.byte(0x0d);
    out.byte(0x0a);
    progress.rows += 1;
    out.settle();
  }

  const chunksTo = (stream: Transform) =>
    new ByteChunks((chunk) => {
      progress.bytes += chunk.length;
      stream.push(chunk);
    });

  /** At the file's start, our byte order mark (if asked) out, and the upstream's own skipped: it is not part of its first header. Returns where rows begin. */
  function begin(): number {
    if (started) return 0;
    started = true;
    if (options.bom) out.copy(BOM, 0, BOM.length);
    return buf.subarray(0, BOM.length).equals(BOM) ? BOM.length : 0;
  }

  const onRow = () => (layout ? dataRow() : header());

  /** Rows in `buf` from `from`; returns where the unfinished rest begins. */
  function read(from: number, final: boolean): number {
    // Whole rows end at an ASCII byte, so checking up to the last one covers every row read now.
    let end = buf.length;
    if (!final) while (end > from && buf[end - 1]! >= 0x80) end -= 1;
    valid = isUtf8(buf.subarray(from, end));
    return scanCsvRows(buf, from, final, spans, onRow);
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        if (!out) out = chunksTo(this);
        buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
        // Too few bytes yet to tell a byte order mark from a first header.
        if (!started && buf.length < BOM.length && BOM.subarray(0, buf.length).equals(buf)) {
          carry = buf;
          return done();
        }
        carry = buf.subarray(read(begin(), false));
        out.settle();
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        if (!out) out = chunksTo(this);
        buf = carry;
        read(begin(), true);
        out.flush();
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
