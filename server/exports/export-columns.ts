import type { ExportKind } from "../downloads/download-links";
import { birthdayCells, neutralizeCell, spreadsheetTime } from "../spreadsheet/spreadsheet-cells";

/** Which export a download is: the columns differ. */
export type { ExportKind };

type Field = (name: string) => string;

/** One upstream column turned into zero or more readable ones. */
interface ColumnRule {
  headers: string[];
  cells: (value: string, field: Field, labelName: (id: string) => string) => string[];
}

const text = (header: string): ColumnRule => ({ headers: [header], cells: (v) => [neutralizeCell(v)] });
const time = (header: string): ColumnRule => ({ headers: [header], cells: (v) => [spreadsheetTime(v)] });
const birthday: ColumnRule = { headers: ["Birthday (month-day)", "Birth year"], cells: (v) => birthdayCells(v) };
const ids = (value: string) => value.split("|").filter(Boolean);

/**
 * Built-in labels and custom AI labels (`a|b` ids, API.md) as one column of the names the page
 * shows, built-in first, as the page lists them; an id whose name is not known is kept as is.
 */
const labels: ColumnRule = {
  headers: ["AI labels"],
  cells: (v, field, labelName) => [neutralizeCell([...ids(v), ...ids(field("customLabelIds"))].map(labelName).join(", "))],
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
    if (kind === "messages" && name === "customLabelIds" && !hasLabels) return { ...labels, cells: (_v, field, labelName) => labels.cells("", field, labelName) };
    return name in known ? (known[name] ?? null) : text(name);
  });
  const position = new Map(upstreamHeader.map((name, i) => [name, i]));
  const labelName = (id: string) => labelNames[id] ?? id;
  return {
    headers: rules.flatMap((rule) => rule?.headers ?? []),
    row: (record: readonly string[]) => {
      const field: Field = (name) => {
        const i = position.get(name);
        return i === undefined ? "" : (record[i] ?? "");
      };
      const out: string[] = [];
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i];
        if (rule) out.push(...rule.cells(record[i] ?? "", field, labelName));
      }
      return out;
    },
  };
}
