import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Writable } from "node:stream";
import { exportLayout, type ExportKind } from "./export-columns";
import { csvRecords } from "../spreadsheet/csv-records";
import { spreadsheetWriter } from "../spreadsheet/spreadsheet-writer";

export interface SpreadsheetOptions {
  kind: ExportKind;
  labelNames: Readonly<Record<string, string>>;
  /** A UTF-8 byte order mark first, so Excel reads accents right (on by default). */
  bom: boolean;
}

/**
 * Streams the upstream's export CSV to `out` as a file for spreadsheets (see export-columns):
 * parsed and written again record by record, never held whole, so memory stays flat whatever
 * the size. Resolves with the data rows and bytes written; rejects when either end breaks off,
 * `progress` having counted what was sent by then.
 */
export async function streamSpreadsheetCsv(
  source: Readable,
  out: Writable,
  options: SpreadsheetOptions,
  progress: { rows: number; bytes: number } = { rows: 0, bytes: 0 },
): Promise<{ rows: number; bytes: number }> {
  let layout: ReturnType<typeof exportLayout> | undefined;
  // Batches of records in, batches out: one stream callback per chunk of the file, not per row.
  const reshape = new Transform({
    objectMode: true,
    transform(batch: string[][], _encoding, done) {
      const rows: string[][] = [];
      for (const record of batch) {
        if (!layout) {
          layout = exportLayout(options.kind, record, options.labelNames);
          rows.push(layout.headers);
          continue;
        }
        rows.push(layout.row(record));
        progress.rows += 1;
      }
      done(null, rows);
    },
  });
  await pipeline(
    source,
    // The upstream's own BOM, if any, is not part of its first header.
    csvRecords(),
    reshape,
    spreadsheetWriter(options.bom, progress),
    out,
  );
  return progress;
}
