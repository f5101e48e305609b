/**
 * Cells as a spreadsheet should read them. A cell that begins with `=`, `+`, `-`, `@`, a tab or
 * a carriage return is taken as a formula by Excel, LibreOffice and Google Sheets, so a
 * player's message `=HYPERLINK("…")` could run on a manager's computer (CSV injection). OWASP's
 * rule: prefix such cells with a single quote, which the spreadsheet shows as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutralizeCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * Epoch milliseconds as an ISO 8601 instant in UTC to the second ("2026-06-03T10:15:22Z");
 * unknown times (empty, 0, null, not a number) as an empty cell.
 */
export function isoUtc(epochMs: string): string {
  const ms = Number(epochMs);
  if (!epochMs || !Number.isFinite(ms) || ms <= 0) return "";
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
