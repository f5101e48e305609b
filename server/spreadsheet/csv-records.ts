import { Transform } from "node:stream";
import { StringDecoder } from "node:string_decoder";

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** The upstream's CSV could not be read: a quote where none may be. */
export class CsvShapeError extends Error {}

/**
 * The readable reference reader (the byte-level export rewrite, export-rewrite.ts, is held to it
 * by a property test). Reads an RFC 4180 CSV stream into records (arrays of cells), as csv-parse does with
 * `{ bom: true, relax_column_count: true }`, and as fast as the bytes arrive: the text is
 * scanned once, a character code at a time, and each cell is one slice of it (a quoted cell
 * with doubled quotes, one replace). A leading byte order mark is dropped; rows end at CRLF,
 * LF or CR outside quotes (as spreadsheets split them); quotes inside a quoted cell are doubled;
 * a stray quote (inside an unquoted cell, or after a closing quote) is an error, not a guess.
 * Records go out in batches (arrays of records), so a stream of short rows costs one callback
 * per chunk, not one per row.
 */
export function csvRecords(): Transform {
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let first = true;

  /** Parses whole records from `text`; returns them and where the unfinished tail begins. */
  function scan(text: string, final: boolean): { records: string[][]; rest: number } {
    const records: string[][] = [];
    let record: string[] = [];
    let i = 0;
    let recordStart = 0;
    const n = text.length;
    for (;;) {
      // One cell starting at i.
      if (i >= n) {
        if (final && (record.length > 0 || i > recordStart)) {
          record.push("");
          records.push(record);
        }
        return { records, rest: final ? n : recordStart };
      }
      let cell: string;
      let c = text.charCodeAt(i);
      if (c === QUOTE) {
        let j = i + 1;
        let doubled = false;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) {
            if (!final) return { records, rest: recordStart };
            throw new CsvShapeError("A quoted cell is not closed before the end of the file.");
          }
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            doubled = true;
            j = q + 2;
            continue;
          }
          if (q + 1 >= n && !final) return { records, rest: recordStart };
          const raw = text.slice(i + 1, q);
          cell = doubled ? raw.replaceAll('""', '"') : raw;
          i = q + 1;
          break;
        }
        c = i < n ? text.charCodeAt(i) : -1;
        if (c !== COMMA && c !== CR && c !== LF && c !== -1) throw new CsvShapeError(`A quoted cell is followed by "${text[i]}" instead of a comma or a line end.`);
      } else {
        let j = i;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) throw new CsvShapeError("A quote inside a cell that does not start with one.");
          j += 1;
        }
        if (j >= n && !final) return { records, rest: recordStart };
        cell = text.slice(i, j);
        i = j;
        c = i < n ? text.charCodeAt(i) : -1;
      }
      record.push(cell);
      if (c === COMMA) {
        i += 1;
        continue;
      }
      // A row ends here (CRLF, LF, CR, or the end of the file).
      if (c === CR) {
        if (i + 1 >= n && !final) return { records, rest: recordStart };
        i += i + 1 < n && text.charCodeAt(i + 1) === LF ? 2 : 1;
      } else if (c === LF) i += 1;
      records.push(record);
      record = [];
      recordStart = i;
      if (c === -1) return { records, rest: n };
    }
  }

  const take = (stream: Transform, text: string, final: boolean) => {
    const { records, rest } = scan(text, final);
    carry = text.slice(rest);
    if (records.length > 0) stream.push(records);
  };

  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      let text = carry + decoder.write(chunk);
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      try {
        take(this, text, false);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        take(this, carry + decoder.end(), true);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
