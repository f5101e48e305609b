import { describe, expect, it } from "vitest";
import type { ExportAnswer } from "#contract/dashboard-api";
import type { LabelOverview } from "#contract/responses";
import { parseCsv } from "../../helpers/csv";
import { stackForFile } from "../../helpers/for-file";
import { calcPath, openInCalc, type CalcCell } from "../../helpers/spreadsheet-engine";
import { MAIN } from "../../helpers/stack";

if (!calcPath()) {
  if (process.env.CI) throw new Error("CI must have LibreOffice Calc (see .ci/run): the spreadsheet tests cannot be skipped there");
  console.warn("\n!!! LibreOffice Calc not found: the real-spreadsheet tests are SKIPPED (apt-get install libreoffice-calc-nogui) !!!\n");
}

const stack = stackForFile();
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A download's bytes, and the same file read by the strict RFC 4180 reader. */
async function download(answer: ExportAnswer) {
  const bytes = new Uint8Array(await (await stack.api(answer.downloadUrl)).arrayBuffer());
  return { bytes, rows: parseCsv(new TextDecoder().decode(bytes).replace(/^\uFEFF/, "")) };
}

async function exported(path: string): Promise<ExportAnswer> {
  const res = await stack.post(path);
  expect(res.status).toBe(200);
  return (await res.json()) as ExportAnswer;
}

/** What a cell should read as in a spreadsheet, from what the file says. */
function expectedReading(written: string): string {
  if (written === "") return "empty";
  // Calc writes a date-time at midnight as the bare day: the same value, read the same way here.
  if (DATE_TIME.test(written) || DAY.test(written)) return `date ${written.replace(" ", "T").replace(/T00:00:00$/, "")}`;
  if (/^\d+$/.test(written)) return `number ${Number(written)}`;
  return `text ${written.replace(/\r\n?/g, "\n")}`;
}

/** What Calc made of a cell; a formula, whatever it evaluated to, reads as one. */
function calcReading(cell: CalcCell | undefined): string {
  if (!cell || cell.type === "empty") return "empty";
  if (cell.formula) return `formula ${cell.formula}`;
  if (cell.type === "date") return `date ${cell.dateValue?.replace(/T00:00:00$/, "")}`;
  if (cell.type === "float") return `number ${Number(cell.text)}`;
  return cell.type === "string" ? `text ${cell.text}` : `${cell.type} ${cell.text}`;
}

/**
 * What Calc shows is what the file says, cell by cell: text as written (line breaks kept
 * inside their cell), date-times and days as dates of the same value, numbers as numbers, and
 * no formula anywhere.
 */
function expectCalcReadsTheFile(sheet: CalcCell[][], rows: string[][]) {
  expect(sheet).toHaveLength(rows.length);
  // Each differing cell named, its values escaped (a difference can be invisible: a space, a normalization).
  const differences = rows.flatMap((row, r) =>
    row.flatMap((written, c) => {
      const [read, wanted] = [calcReading(sheet[r]?.[c]), expectedReading(written)];
      return read === wanted ? [] : [`row ${r + 1}, column ${c + 1}: Calc ${JSON.stringify(read)}, file ${JSON.stringify(wanted)}`];
    }),
  );
  expect(differences.slice(0, 10)).toEqual([]);
  expect(sheet.every((cells, r) => cells.length <= rows[r]!.length)).toBe(true);
}

const column = (rows: string[][], header: string) => rows[0]!.indexOf(header);
const typesOf = (sheet: CalcCell[][], c: number) => new Set(sheet.slice(1).map((cells) => cells[c]?.type ?? "empty"));

describe.skipIf(!calcPath())("downloads opened in a real spreadsheet (LibreOffice Calc)", () => {
  it("a bar's messages, with bare line feeds and carriage returns in their texts, are exactly the bar's count of rows", async () => {
    const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const overview = (await (await stack.api(`/api/vip-labels/overview?${MAIN}&from=${day}&to=${day}`)).json()) as LabelOverview;
    const bar = overview.rows.find((r) => r.label === "frustrated")!;
    const answer = await exported(`/api/vip-messages/export?${MAIN}&from=${day}&to=${day}&label=frustrated`);
    expect(answer.totalCount).toBe(bar.count);
    const { bytes, rows } = await download(answer);
    const texts = rows.slice(1).map((r) => r[column(rows, "Message")]!);
    expect(texts.some((t) => /[^\r]\n/.test(t))).toBe(true);
    expect(texts.some((t) => /\r[^\n]/.test(t))).toBe(true);
    expect(texts.some((t) => /\n=SUM/.test(t))).toBe(true);

    const sheet = await openInCalc(bytes);
    expect(sheet.length - 1).toBe(bar.count);
    expectCalcReadsTheFile(sheet, rows);
    expect(typesOf(sheet, column(rows, "Sent (UTC)"))).toEqual(new Set(["date"]));
    expect(sheet.slice(1).every((cells) => cells[column(rows, "AI labels")]!.text.split(", ").includes("Frustrated"))).toBe(true);
  });

  it("all VIP users: every row, accents intact, year-less birthdays as written, times as dates", async () => {
    const answer = await exported(`/api/vip-users/export?${MAIN}`);
    const { bytes, rows } = await download(answer);
    const sheet = await openInCalc(bytes);
    expect(sheet.length - 1).toBe(answer.totalCount);
    expectCalcReadsTheFile(sheet, rows);
    const names = sheet.slice(1).flatMap((cells) => [cells[column(rows, "First name")]?.text ?? "", cells[column(rows, "Last name")]?.text ?? ""]);
    expect(names.some((n) => /[À-ÿ]/.test(n))).toBe(true);
    expect(names.some((n) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(n))).toBe(true);
    const day = column(rows, "Birthday (month-day)");
    expect(typesOf(sheet, day)).toEqual(new Set(["string", "empty"]));
    expect(sheet.slice(1).every((cells) => !cells[day]?.text || /^\d{2}-\d{2}$/.test(cells[day].text))).toBe(true);
    expect(typesOf(sheet, column(rows, "Birth year"))).toEqual(new Set(["float", "empty"]));
    expect(typesOf(sheet, column(rows, "Last purchase (UTC)"))).toEqual(new Set(["date", "empty"]));
  });

  it("upcoming birthdays: the list's rows, days as dates", async () => {
    const answer = await exported(`/api/birthdays/export?${MAIN}&from=2026-12-20&days=30`);
    const { bytes, rows } = await download(answer);
    const sheet = await openInCalc(bytes);
    expect(sheet.length - 1).toBe(answer.totalCount);
    expectCalcReadsTheFile(sheet, rows);
    expect(typesOf(sheet, column(rows, "Birthday on"))).toEqual(new Set(["date"]));
    expect(typesOf(sheet, column(rows, "Turns"))).toEqual(new Set(["float", "empty"]));
  });

  it("the audit log: times as dates, details in words, nothing evaluated", async () => {
    const res = await stack.api("/api/audit/export");
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const rows = parseCsv(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
    expect(rows.length).toBeGreaterThan(3);
    const sheet = await openInCalc(bytes);
    expectCalcReadsTheFile(sheet, rows);
    expect(typesOf(sheet, column(rows, "Time (UTC)"))).toEqual(new Set(["date"]));
    expect(sheet.slice(1).some((cells) => cells[column(rows, "Action")]!.text === "Created an export")).toBe(true);
  });
});
