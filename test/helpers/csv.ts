/**
 * A strict RFC 4180 reader for tests, reading rows as a spreadsheet does: outside quotes, each
 * of CRLF, LF and CR ends a row (so a line break left unquoted splits the row, as it would in
 * Excel or LibreOffice); a quote may only open a field and close it; doubled quotes inside a
 * quoted field are one quote. Anything else throws, naming the row. A file's last row end is
 * optional; no byte order mark is expected (strip it first).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let state: "start" | "plain" | "quoted" | "closed" = "start";
  const endField = () => {
    row.push(field);
    field = "";
    state = "start";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (state === "quoted") {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else state = "closed";
      continue;
    }
    if (c === ",") endField();
    else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else if (state === "closed") throw new Error(`CSV row ${rows.length + 1}: ${JSON.stringify(c)} after a closing quote`);
    else if (c === '"') {
      if (state === "plain") throw new Error(`CSV row ${rows.length + 1}: a quote inside an unquoted field`);
      state = "quoted";
    } else {
      field += c;
      state = "plain";
    }
  }
  if (state === "quoted") throw new Error(`CSV row ${rows.length + 1}: a quoted field never closed`);
  if (field !== "" || row.length > 0 || state === "closed") endRow();
  return rows;
}
