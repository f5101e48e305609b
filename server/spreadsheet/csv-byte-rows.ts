import { CsvShapeError } from "./csv-records";

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
/** Bytes that end or break an unquoted cell (a comma, a line end, a quote): one lookup per byte instead of four comparisons. */
const STOPS = new Uint8Array(256);
for (const b of [QUOTE, COMMA, CR, LF]) STOPS[b] = 1;

/** A cell was quoted in the file: its content lies between the quotes. */
export const QUOTED = 1;
/** Its content holds a doubled quote (`""`), which stands for one. */
export const DOUBLED = 2;
/** Its content holds a comma, a carriage return or a line feed (only a quoted cell can). */
export const SPECIAL = 4;

/**
 * Where a row's cells lie in the buffer: cell i's content is bytes `start[i]`..`end[i]` (inside
 * the quotes, when quoted), with its `flags`. Reused for every row.
 */
export class CellSpans {
  count = 0;
  start = new Int32Array(64);
  end = new Int32Array(64);
  flags = new Uint8Array(64);

  add(start: number, end: number, flags: number): void {
    if (this.count === this.start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T) => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start, (n) => new Int32Array(n));
      this.end = grow(this.end, (n) => new Int32Array(n));
      this.flags = grow(this.flags, (n) => new Uint8Array(n));
    }
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.flags[this.count] = flags;
    this.count += 1;
  }
}

/**
 * Finds the whole rows of an RFC 4180 CSV in `buf` from `from`, with the same rules as
 * csvRecords (the string reader): rows end at CRLF, LF or CR outside quotes; a quote inside an
 * unquoted cell, or anything but a comma or a line end after a closing quote, is an error; a
 * quoted cell left open at the end of the file is an error. It reads bytes, not characters:
 * every delimiter is ASCII, and no byte of a UTF-8 sequence is. Calls `row` for each whole row
 * (`final`: also the last one, unterminated) and returns where the unfinished rest begins.
 */
export function scanCsvRows(buf: Uint8Array, from: number, final: boolean, spans: CellSpans, row: (spans: CellSpans) => void): number {
  const n = buf.length;
  let i = from;
  let rowStart = from;
  spans.count = 0;
  for (;;) {
    if (i >= n) {
      if (final && (spans.count > 0 || i > rowStart)) {
        spans.add(i, i, 0);
        row(spans);
      }
      return final ? n : rowStart;
    }
    let c = buf[i]!;
    if (c === QUOTE) {
      let j = i + 1;
      let flags = QUOTED;
      let close: number;
      for (;;) {
        const q = buf.indexOf(QUOTE, j);
        if (q === -1) {
          if (!final) return rowStart;
          throw new CsvShapeError("A quoted cell is not closed before the end of the file.");
        }
        if (q + 1 < n && buf[q + 1] === QUOTE) {
          flags |= DOUBLED;
          j = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return rowStart;
        close = q;
        break;
      }
      // Commas and line ends inside decide whether the cell must stay quoted.
      for (let k = i + 1; k < close; k++) {
        const b = buf[k]!;
        if (b === COMMA || b === LF || b === CR) {
          flags |= SPECIAL;
          break;
        }
      }
      spans.add(i + 1, close, flags);
      i = close + 1;
      c = i < n ? buf[i]! : -1;
      if (c !== COMMA && c !== CR && c !== LF && c !== -1) {
        throw new CsvShapeError(`A quoted cell is followed by "${String.fromCharCode(c)}" instead of a comma or a line end.`);
      }
    } else {
      let j = i;
      while (j < n && STOPS[buf[j]!] === 0) j += 1;
      if (j < n && buf[j] === QUOTE) throw new CsvShapeError("A quote inside a cell that does not start with one.");
      if (j >= n && !final) return rowStart;
      spans.add(i, j, 0);
      i = j;
      c = i < n ? buf[i]! : -1;
    }
    if (c === COMMA) {
      i += 1;
      continue;
    }
    // The row ends here (CRLF, LF, CR, or the end of the file).
    if (c === CR) {
      if (i + 1 >= n && !final) return rowStart;
      i += i + 1 < n && buf[i + 1] === LF ? 2 : 1;
    } else if (c === LF) i += 1;
    row(spans);
    spans.count = 0;
    rowStart = i;
    if (c === -1) return n;
  }
}
