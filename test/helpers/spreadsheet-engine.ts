import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** One cell as LibreOffice Calc read it: its type, the text it shows, and a formula if it made one. */
export interface CalcCell {
  type: "string" | "date" | "float" | "percentage" | "currency" | "time" | "boolean" | "empty";
  /** What the cell shows, its paragraphs joined by "\n". */
  text: string;
  /** office:date-value of a date cell (`2026-11-14T23:55:14`). */
  dateValue?: string;
  formula?: string;
}

export function calcPath(): string | undefined {
  return [process.env.SOFFICE_PATH, "/usr/bin/soffice", "/usr/bin/libreoffice"].find((p): p is string => !!p && existsSync(p));
}

/**
 * The CSV import a manager gets by opening the file: comma-separated, `"` quoting, UTF-8, from
 * line 1, English (US) locale, quoted fields not forced to text, special numbers (dates) detected,
 * and formulas evaluated (as Excel does), so a cell that would run shows up as a formula here.
 * Tokens: LibreOffice's "Filter Options for the CSV Filter" (1-7: separator, delimiter, charset
 * 76 = UTF-8, first line, column formats, language 1033, quoted as text; 8 detect special
 * numbers; 13 evaluate formulas).
 */
const CSV_IMPORT = "CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (xml: string) =>
  xml
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n: string | undefined) => " ".repeat(Number(n ?? 1)))
    .replace(/<text:tab\/>/g, "\t")
    .replace(/<text:line-break\/>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) =>
      e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? `&${e};`),
    );
const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

/** The first sheet of a flat ODS document as rows of cells (repeated rows and cells expanded). */
function readFlatOds(xml: string): CalcCell[][] {
  const table = xml.slice(xml.indexOf("<table:table "), xml.indexOf("</table:table>"));
  const rows: CalcCell[][] = [];
  for (const rowMatch of table.matchAll(/<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const cells: CalcCell[] = [];
    for (const cellMatch of (rowMatch[2] ?? "").matchAll(/<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
      const tag = cellMatch[1]!;
      const paragraphs = [...(cellMatch[2] ?? "").matchAll(/<text:p>([\s\S]*?)<\/text:p>|<text:p\/>/g)].map((p) => decode(p[1] ?? ""));
      const cell: CalcCell = {
        type: (attr(tag, "office:value-type") as CalcCell["type"] | undefined) ?? "empty",
        text: paragraphs.join("\n"),
        ...(attr(tag, "office:date-value") ? { dateValue: attr(tag, "office:date-value") } : {}),
        ...(attr(tag, "table:formula") ? { formula: decode(attr(tag, "table:formula")!) } : {}),
      };
      const repeat = Number(attr(tag, "table:number-columns-repeated") ?? 1);
      // A row's trailing run of empty cells (repeated to the sheet's edge) is not data.
      if (cell.type === "empty" && repeat > 100) continue;
      for (let i = 0; i < Math.min(repeat, 1000); i++) cells.push(cell);
    }
    while (cells.length && cells.at(-1)!.type === "empty") cells.pop();
    const repeat = Number(attr(rowMatch[1]!, "table:number-rows-repeated") ?? 1);
    if (cells.length === 0 && repeat > 100) continue;
    for (let i = 0; i < repeat; i++) rows.push(cells);
  }
  while (rows.length && rows.at(-1)!.length === 0) rows.pop();
  return rows;
}

/**
 * One Calc at a time across the test processes (node and jsdom files run side by side): two
 * headless instances starting together can trip over each other. A directory is the lock (made
 * atomically); one left by a killed run is taken over after two minutes.
 */
const LOCK = join(tmpdir(), "dynamo-tests-calc.lock");
async function withCalcLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      const since = await stat(LOCK).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (since > 120_000) await rm(LOCK, { recursive: true, force: true });
      // Wait for the holder to finish: its conversion takes about a second.
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/**
 * Opens CSV bytes in LibreOffice Calc (headless, its own profile so tests may run side by side)
 * exactly as a download would be opened, and reads back what the spreadsheet made of each cell.
 */
export async function openInCalc(csv: Uint8Array): Promise<CalcCell[][]> {
  const soffice = calcPath();
  if (!soffice) throw new Error("LibreOffice Calc is needed: apt-get install libreoffice-calc-nogui (or set SOFFICE_PATH)");
  const dir = await mkdtemp(join(tmpdir(), "calc-"));
  try {
    await writeFile(join(dir, "download.csv"), csv);
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--norestore", "--nolockcheck", `--infilter=${CSV_IMPORT}`, "--convert-to", "fods", "--outdir", dir, join(dir, "download.csv")];
    await withCalcLock(() => run(soffice, args, { timeout: 120_000 }));
    return readFlatOds(await readFile(join(dir, "download.fods"), "utf8"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
