import { once } from "node:events";
import { createWriteStream } from "node:fs";

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** Writes a header and rows as UTF-8 CSV with CRLF line ends, respecting back-pressure. */
export async function writeCsv<T>(
  path: string,
  header: readonly string[],
  rows: Iterable<T>,
  toValues: (row: T) => readonly unknown[],
): Promise<number> {
  const out = createWriteStream(path, { encoding: "utf8" });
  let count = 0;
  let chunk = csvLine(header);
  try {
    for (const row of rows) {
      chunk += csvLine(toValues(row));
      count += 1;
      if (chunk.length > 64_000) {
        if (!out.write(chunk)) await once(out, "drain");
        chunk = "";
      }
    }
    out.end(chunk);
    await once(out, "finish");
  } catch (error) {
    out.destroy();
    throw error;
  }
  return count;
}
