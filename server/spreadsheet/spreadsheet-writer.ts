import { Transform } from "node:stream";
import { csvRecord } from "#contract/csv-record";

/** About what a TCP window carries: few enough writes, small enough to start at once. */
const CHUNK_BYTES = 64 * 1024;
const BOM = "\uFEFF";

/**
 * The writing end every download shares: records (arrays of cells) in, CSV bytes out, with CRLF
 * row ends (what Excel expects), a UTF-8 byte order mark first when asked (Excel otherwise
 * garbles "Müller"), and `progress.bytes` counting what went out. Rows are gathered into chunks
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
    transform(record: readonly string[], _encoding, done) {
      pending += csvRecord(record);
      if (pending.length >= CHUNK_BYTES) emit(this);
      done();
    },
    flush(done) {
      if (pending) emit(this);
      done();
    },
  });
}
