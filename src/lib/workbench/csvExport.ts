// CSV for a query result, written for the spreadsheets economists open it in: a UTF-8 BOM so Excel and WPS read
// Chinese text, CRLF line ends, and text cells that a spreadsheet would run as a formula neutralised.

/** Characters that make Excel, WPS or LibreOffice treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Numbers and booleans are written as they are (a negative number is data, not a formula); text that
 * starts like a formula gets a leading apostrophe, which spreadsheets hide and which stops the evaluation.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') s = String(value);
  else {
    s = typeof value === 'string' ? value : String(value);
    if (FORMULA_START.test(s)) s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: header row of column names, then every row; starts with the BOM. */
export function toCsv(columns: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
