import { Transform } from "node:stream";
import { csvRecord } from "#contract/csv-record";

/** About what a TCP window carries: few enough writes, small enough to start at once. */
const CHUNK_BYTES = 64 * 1024;
const BOM = "\uFEFF";

/**
 * The writing end every download shares: records (arrays of cells) in, CSV bytes out, with CRLF
 * row ends (what Excel expects), a UTF-8 byte order mark first when asked (Excel otherwise
 * garbles "Müller"), and `progress.bytes` counting what went out. It takes a record at a time or
 * a batch of them (an export's rows come in batches, one per chunk of the vendor's file). Rows are gathered into chunks
 * of about 64 KiB rather than written one by one: a row per write would cost a syscall and an
 * HTTP chunk header per row. Back-pressure is the stream's own: a slow reader pauses the source.
 */
export function spreadsheetWriter(bom: boolean, progress: { bytes: number }): Transform {
  let pending = bom ? BOM : "";
  const emit = (stream: Transform) => {
    const chunk = Buffer.from(pending, "utf8");
    pending = "";
    progress.bytes += chunk.length;
    stream.push(chunk);
  };
  return new Transform({
    writableObjectMode: true,
    // A record (an array of cells), or a batch of them (an array of records).
    transform(rows: readonly string[] | readonly (readonly string[])[], _encoding, done) {
      if (rows.length === 0) return done();
      if (typeof rows[0] === "string") pending += csvRecord(rows as readonly string[]);
      else for (const record of rows as readonly (readonly string[])[]) {
        pending += csvRecord(record);
        if (pending.length >= CHUNK_BYTES) emit(this);
      }
      if (pending.length >= CHUNK_BYTES) emit(this);
      done();
    },
    flush(done) {
      if (pending) emit(this);
      done();
    },
  });
}
