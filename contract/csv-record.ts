/**
 * Cells as a spreadsheet should read them. A cell that begins with `=`, `+`, `-`, `@`, a tab, a
 * carriage return or a line feed (or the full-width forms of the first four, which Excel with a
 * Japanese IME also runs) is taken as a formula by Excel, LibreOffice and Google Sheets, so a
 * player's message `=HYPERLINK("…")` could run on a manager's computer (CSV injection). OWASP's
 * rule: prefix such cells with a single quote, which the spreadsheet shows as text. Only cells
 * that really begin this way get it: dates and birthdays are written in forms that never do.
 * Every CSV the dashboard makes (the server's downloads, the page's table) follows this rule.
 */
const FORMULA_START = new Set([..."=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20"].map((c) => c.charCodeAt(0)));

// The first character only: a test per cell of every export, so no regular expression.
export const neutralizeCell = (value: string): string => (value.length > 0 && FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value);

/**
 * One CSV record (RFC 4180), as a strict reader and every spreadsheet read it back: a field is
 * quoted when it holds a quote, a comma, a carriage return or a line feed (each of CR, LF and
 * CRLF ends a row in a spreadsheet), when it begins or ends with white space (some readers trim
 * it; a leading U+FEFF would be taken for a byte order mark), or when it is a record's only,
 * empty field (an empty line is skipped). Quotes inside are doubled. Records end with CRLF.
 */
const NEEDS_QUOTES = /[",\r\n]/;
const EDGE_SPACE = /\s/;

export function csvField(value: string): string {
  const quote = NEEDS_QUOTES.test(value) || (value.length > 0 && (EDGE_SPACE.test(value[0]!) || EDGE_SPACE.test(value[value.length - 1]!)));
  return quote ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvRecord(cells: readonly string[]): string {
  if (cells.length === 1 && cells[0] === "") return '""\r\n';
  let line = "";
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? "" : ",") + csvField(cells[i]!);
  return `${line}\r\n`;
}
