import type { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ExportKind } from "./export-columns";
import { exportRewrite } from "./export-rewrite";

export interface SpreadsheetOptions {
  kind: ExportKind;
  labelNames: Readonly<Record<string, string>>;
  /** A UTF-8 byte order mark first, so Excel reads accents right (on by default). */
  bom: boolean;
}

/**
 * Streams the upstream's export CSV to `out` as a file for spreadsheets (see export-columns and
 * export-rewrite): rewritten chunk by chunk, never held whole, so memory stays flat whatever the
 * size. Resolves with the data rows and bytes written; rejects when either end breaks off,
 * `progress` having counted what was sent by then.
 */
export async function streamSpreadsheetCsv(
  source: Readable,
  out: Writable,
  options: SpreadsheetOptions,
  progress: { rows: number; bytes: number } = { rows: 0, bytes: 0 },
): Promise<{ rows: number; bytes: number }> {
  await pipeline(source, exportRewrite(options, progress), out);
  return progress;
}
