// How the cells of a worksheet become a table: which row is the header, what each column is called and which
// DuckDB type it gets. Pure, so the rules are tested without a workbook or a browser.
import type { ColumnKind } from './parquetColumns.ts';
import type { ImportedColumn } from './importedTable.ts';
import type { SheetCell } from './sheetCell.ts';

export interface SheetTable {
  columns: ImportedColumn[];
  /** Column-major values, in the form arrowColumn expects for each column's kind (DATE: days since 1970). */
  values: unknown[][];
  rows: number;
}

const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01, when the date has no time of day (Excel's wall-clock, kept in UTC fields). */
const isMidnight = (d: Date) => d.getTime() % DAY_MS === 0;

/** Text for a value in a column that mixes kinds: dates as ISO text, so they still sort and cast. */
function asText(v: Exclude<SheetCell, null>): string {
  if (v instanceof Date) {
    const iso = v.toISOString();
    return isMidnight(v) ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ') + (v.getUTCMilliseconds() ? iso.slice(19, 23) : '');
  }
  return String(v);
}

/**
 * A column's type from its non-empty values: all numbers → DOUBLE, all booleans → BOOLEAN, all dates → DATE
 * (or TIMESTAMP when any has a time of day), anything else, mixed or empty → VARCHAR. A single text cell makes
 * the whole column text: guessing would turn "N/A" or "1,234" into a silent NULL.
 */
function typeColumn(cells: SheetCell[]): { kind: ColumnKind; sqlType: string; values: unknown[] } {
  const present = cells.filter((c): c is Exclude<SheetCell, null> => c !== null);
  const all = (test: (c: Exclude<SheetCell, null>) => boolean) => present.length > 0 && present.every(test);
  if (all((c) => typeof c === 'number')) return { kind: 'double', sqlType: 'DOUBLE', values: cells };
  if (all((c) => typeof c === 'boolean')) return { kind: 'bool', sqlType: 'BOOLEAN', values: cells };
  if (all((c) => c instanceof Date)) {
    const dates = cells as (Date | null)[];
    if (dates.every((d) => d === null || isMidnight(d))) return { kind: 'date', sqlType: 'DATE', values: dates.map((d) => (d === null ? null : d.getTime() / DAY_MS)) };
    return { kind: 'timestamp', sqlType: 'TIMESTAMP', values: dates };
  }
  return { kind: 'string', sqlType: 'VARCHAR', values: cells.map((c) => (c === null ? null : asText(c))) };
}

/** A header cell as a column name: line breaks and runs of spaces (common in wrapped Excel headers) become one space. */
function headerText(c: SheetCell): string {
  return c === null ? '' : asText(c).replace(/\s+/g, ' ').trim();
}

/**
 * Unique column names. Blank headers become column_<n> and repeated ones <name>_<n>, n being the spreadsheet
 * column number (C → 3) so the reader can find the column again; names are compared ignoring case because
 * DuckDB's identifiers are case-insensitive.
 */
export function columnNames(headers: SheetCell[], columnNumbers: number[]): string[] {
  const texts = headers.map(headerText);
  const used = new Set(texts.filter(Boolean).map((s) => s.toLowerCase()));
  const first = new Map<string, number>();
  texts.forEach((s, i) => {
    if (s && !first.has(s.toLowerCase())) first.set(s.toLowerCase(), i);
  });
  return texts.map((s, i) => {
    if (s && first.get(s.toLowerCase()) === i) return s;
    const base = s ? `${s}_${columnNumbers[i]}` : `column_${columnNumbers[i]}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * The table in a worksheet's rows (each row indexed from column A; missing cells are empty). The first row with
 * any value is the header; rows with no value at all are skipped, like blank lines in a CSV. Columns run from
 * the first to the last spreadsheet column that holds anything, so a sheet that starts in column B has no empty
 * first column. Returns null when the sheet has no value at all.
 */
export function planSheet(rows: readonly (readonly SheetCell[])[]): SheetTable | null {
  const filled = rows.filter((r) => r.some((c) => c !== null && c !== undefined));
  if (filled.length === 0) return null;
  let lo = Infinity;
  let hi = -1;
  for (const r of filled) {
    r.forEach((c, j) => {
      if (c !== null && c !== undefined) {
        lo = Math.min(lo, j);
        hi = Math.max(hi, j);
      }
    });
  }
  const span = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  const [header, ...data] = filled;
  const names = columnNames(span.map((j) => header[j] ?? null), span.map((j) => j + 1));
  const columns: ImportedColumn[] = [];
  const values: unknown[][] = [];
  span.forEach((j, k) => {
    const typed = typeColumn(data.map((r) => r[j] ?? null));
    columns.push({ name: names[k], kind: typed.kind, sqlType: typed.sqlType });
    values.push(typed.values);
  });
  return { columns, values, rows: data.length };
}
