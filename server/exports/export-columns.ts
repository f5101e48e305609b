import { isoUtc, neutralizeCell } from "./spreadsheet-cells";

/** Which export a download is: the columns differ. */
export type ExportKind = "users" | "messages";

/** One upstream column turned into one or more readable ones. */
interface ColumnRule {
  headers: string[];
  cells: (value: string, labelName: (id: string) => string) => string[];
}

const text = (header: string): ColumnRule => ({ headers: [header], cells: (v) => [neutralizeCell(v)] });
const instant = (header: string): ColumnRule => ({ headers: [header], cells: (v) => [isoUtc(v)] });
/** `a|b` ids (API.md) as ids and, beside them, the names people know them by. */
const labels = (header: string): ColumnRule => ({
  headers: [header, `${header} (ids)`],
  cells: (v, labelName) => {
    const ids = v.split("|").filter(Boolean);
    return [neutralizeCell(ids.map(labelName).join(", ")), neutralizeCell(ids.join("|"))];
  },
});

/**
 * The upstream's fields (API.md) in the files people download: readable headers, UTC ISO
 * instants instead of epoch milliseconds, label names next to ids. A column the upstream adds
 * later passes through under its own name (neutralized), so nothing is silently lost.
 */
const RULES: Record<ExportKind, Record<string, ColumnRule | null>> = {
  users: {
    conversationId: text("Conversation ID"),
    userName: text("Player"),
    firstName: text("First name"),
    lastName: text("Last name"),
    cuid: text("CUID"),
    profilePic: text("Profile picture"),
    // YYYY-MM-DD or --MM-DD: already ISO 8601 (the second neutralized, a spreadsheet reads it as a sum).
    birthday: text("Birthday"),
    lastPurchaseTimestamp: instant("Last purchase (UTC)"),
    lastUserMessageTimestamp: instant("Last message (UTC)"),
    lastAppOpenTimestamp: instant("Last app open (UTC)"),
  },
  messages: {
    timestamp: instant("Sent (UTC)"),
    // The same instant as `timestamp`, once is enough.
    date: null,
    conversationId: text("Conversation ID"),
    userName: text("Player"),
    kind: text("Kind"),
    source: text("Source"),
    labels: labels("AI labels"),
    customLabelIds: labels("Custom AI labels"),
    text: text("Message"),
  },
};

/** The output layout for an upstream header row: headers, and a function per data row. */
export function exportLayout(kind: ExportKind, upstreamHeader: string[], labelNames: Readonly<Record<string, string>>) {
  const rules = upstreamHeader.map((field) => (field in RULES[kind] ? RULES[kind][field] : text(field)));
  const labelName = (id: string) => labelNames[id] ?? id;
  return {
    headers: rules.flatMap((rule) => rule?.headers ?? []),
    row: (record: string[]) => rules.flatMap((rule, i) => rule?.cells(record[i] ?? "", labelName) ?? []),
  };
}
