import type { ExportKind } from "../downloads/download-links";
import { birthdayCells, neutralizeCell, spreadsheetTime } from "../spreadsheet/spreadsheet-cells";

/** Which export a download is: the columns differ. */
export type { ExportKind };

/** What a column's rule may read besides its own value: another column of the row, and label names. */
interface RowContext {
  field(name: string): string;
  labelName(id: string): string;
}

/** One upstream column turned into zero or more readable ones. */
export interface ColumnRule {
  headers: string[];
  cells: (value: string, row: RowContext) => string[];
  /**
   * What the byte-level rewrite (export-rewrite.ts) may write from the file's bytes without
   * calling `cells`: a text cell kept as it is (neutralized), or epoch digits as a date-time.
   */
  form?: "text" | "time";
  /** The other columns `cells` reads: with them its answer is a pure function, kept for rows alike. */
  memo?: readonly string[];
}

const text = (header: string): ColumnRule => ({ headers: [header], cells: (v) => [neutralizeCell(v)], form: "text" });
const time = (header: string): ColumnRule => ({ headers: [header], cells: (v) => [spreadsheetTime(v)], form: "time" });
const birthday: ColumnRule = { headers: ["Birthday (month-day)", "Birth year"], cells: (v) => birthdayCells(v) };
const ids = (value: string) => value.split("|").filter(Boolean);

/**
 * Built-in labels and custom AI labels (`a|b` ids, API.md) as one column of the names the page
 * shows, built-in first, as the page lists them; an id whose name is not known is kept as is.
 */
const labels: ColumnRule = {
  headers: ["AI labels"],
  memo: ["customLabelIds"],
  cells: (v, row) => {
    const custom = row.field("customLabelIds");
    // Most messages carry no label at all.
    if (v === "" && custom === "") return [""];
    return [neutralizeCell([...ids(v), ...ids(custom)].map(row.labelName).join(", "))];
  },
};

/**
 * The upstream's fields (API.md) in the files people download: readable headers, UTC date-times
 * a spreadsheet reads as dates instead of epoch milliseconds, birthdays as day and year, label
 * names in one column. A column the upstream adds later passes through under its own name
 * (neutralized), so nothing is silently lost. `null`: written by another column's rule.
 */
const RULES: Record<ExportKind, Record<string, ColumnRule | null>> = {
  users: {
    conversationId: text("Conversation ID"),
    userName: text("Player"),
    firstName: text("First name"),
    lastName: text("Last name"),
    cuid: text("CUID"),
    profilePic: text("Profile picture"),
    birthday,
    lastPurchaseTimestamp: time("Last purchase (UTC)"),
    lastUserMessageTimestamp: time("Last message (UTC)"),
    lastAppOpenTimestamp: time("Last app open (UTC)"),
  },
  messages: {
    timestamp: time("Sent (UTC)"),
    // The same instant as `timestamp`, once is enough.
    date: null,
    conversationId: text("Conversation ID"),
    userName: text("Player"),
    kind: text("Kind"),
    source: text("Source"),
    labels,
    customLabelIds: null,
    text: text("Message"),
  },
};

/** The output layout for an upstream header row: headers, and a function per data row. */
export function exportLayout(kind: ExportKind, upstreamHeader: string[], labelNames: Readonly<Record<string, string>>) {
  const known = RULES[kind];
  const hasLabels = upstreamHeader.includes("labels");
  const rules = upstreamHeader.map((name): ColumnRule | null => {
    // Custom ids alone (no built-in column) still get their names.
    if (kind === "messages" && name === "customLabelIds" && !hasLabels) return { ...labels, cells: (_v, row) => labels.cells("", row) };
    return name in known ? (known[name] ?? null) : text(name);
  });
  const position = new Map(upstreamHeader.map((name, i) => [name, i]));
  // One context for every row (a row is set before its cells are made): nothing is made per row but the cells.
  let record: readonly string[] = [];
  const context: RowContext = {
    field: (name) => {
      const i = position.get(name);
      return i === undefined ? "" : (record[i] ?? "");
    },
    labelName: (id) => labelNames[id] ?? id,
  };
  return {
    headers: rules.flatMap((rule) => rule?.headers ?? []),
    /** Each upstream column's rule, by position (`null`: written by another's). */
    rules,
    position,
    labelName: context.labelName,
    row: (upstreamRecord: readonly string[]) => {
      record = upstreamRecord;
      const out: string[] = [];
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i];
        if (!rule) continue;
        const cells = rule.cells(upstreamRecord[i] ?? "", context);
        for (let j = 0; j < cells.length; j++) out.push(cells[j] as string);
      }
      return out;
    },
  };
}
