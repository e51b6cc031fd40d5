// CSV as spreadsheets read it (RFC 4180), written by hand: quoting every field
// is all it takes, so no dependency. Cells that a spreadsheet would run as a
// formula (=, +, -, @, or a tab or carriage return first) get a leading
// apostrophe, so an email or a title typed by anyone cannot become a formula
// in an operator's spreadsheet (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised if it could be a formula, quoted, inner quotes doubled. Numbers stay numbers. */
export function csvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Rows of cells as CSV text, CRLF line ends as RFC 4180 says. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
