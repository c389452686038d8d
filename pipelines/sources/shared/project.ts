// The one projection step: the rows of a table (CSV records or sheet rows) reduced to the canonical columns of a
// header map. Whatever is not canonical, personal columns included, is dropped here, so it never reaches a landing
// file; a row whose cells cannot be attributed to columns (broken quotes, more or fewer cells than the header) or
// whose cell cannot be read is quarantined, its raw text withheld when the file has columns that are not landed.
import type { InputTable, QuarantineRow, SheetRow } from '../types.ts';
import { normaliseLabel, usedColumns, type HeaderMap } from './header.ts';
import { cleanCell } from './text.ts';
import { forEachRecord, type RecordOptions } from './records.ts';

/** A row of a table, from a CSV or a sheet. */
export interface TableRow {
  /** 1-based line (CSV) or sheet row. */
  line: number;
  /** Null when a CSV record's quoting is broken. */
  cells: string[] | null;
  /** The source text (a sheet row: its cells joined by commas). */
  text: string;
  /** Why the quoting is broken. */
  broken?: string;
  /** Sheet cells that hold no readable value (a formula without a saved result, an error value). */
  problems?: SheetRow['problems'];
}

/**
 * Calls onRow for every row after the header (or afterLine): a sheet's non-empty rows, or a CSV's non-blank
 * records as the one CSV reader reads them.
 */
export async function forEachRow(table: InputTable, onRow: (r: TableRow) => void, o: RecordOptions = {}): Promise<void> {
  const after = o.afterLine ?? table.headerLine;
  if (table.format === 'xlsx') {
    for (const r of table.sheetRows ?? []) {
      if (r.line > after) onRow({ line: r.line, cells: r.cells, text: r.cells.join(','), ...(r.problems ? { problems: r.problems } : {}) });
    }
    return;
  }
  await forEachRecord(table, (r) => onRow(r), o);
}

export async function readRows(table: InputTable, o: Omit<RecordOptions, 'onChunk'> = {}): Promise<TableRow[]> {
  const out: TableRow[] = [];
  await forEachRow(table, (r) => out.push(r), o);
  return out;
}

export const WITHHELD = '(raw text withheld: the file has columns that are not landed, which may hold personal data)';

/** Whether the header has labelled columns that are not landed: a quarantined row's raw text is then withheld. */
export function withholdsRaw(table: Pick<InputTable, 'header'>, map: HeaderMap): boolean {
  return map.names.some((n, i) => n.startsWith('_x') && (table.header[i] ?? '') !== '');
}

/**
 * Whether a CSV row's cells line up with the header. Cells beyond the header must be empty, and a short row may only
 * lack columns the pipeline does not use (the export's trailing empty column is often cut from the last rows). A
 * sheet row is short whenever its last cells are empty, so only cells beyond the header count there.
 */
export function alignsWithHeader(cells: string[], names: string[], format: InputTable['format'] = 'csv'): boolean {
  if (cells.length > names.length) return cells.slice(names.length).every((c) => c.trim() === '');
  return format === 'xlsx' || names.slice(cells.length).every((n) => n.startsWith('_x'));
}

export interface ProjectOptions {
  sourceId: string;
  /**
   * Which rows are not rows: 'row' a row whose every cell is blank, 'used' one whose canonical cells are all blank
   * (a note typed beside the table), 'none' none (staging then reports the empty row).
   */
  skipBlank: 'row' | 'used' | 'none';
  /** False for tables people keep notes beside: cells beyond the header are then not checked. */
  aligned: boolean;
}

export type Projected = { line: number; cells: string[] } | { quarantined: QuarantineRow } | null;

/** A function projecting each row onto the used columns of the map (in file order), quarantining what cannot be. */
export function projector(table: InputTable, map: HeaderMap, o: ProjectOptions): (row: TableRow) => Projected {
  const used = usedColumns(map);
  const withhold = withholdsRaw(table, map);
  const quarantine = (row: TableRow, column: string | null, rule: string, message: string): Projected => ({
    quarantined: { sourceId: o.sourceId, file: table.relPath, line: row.line, column, rule, message, raw: withhold ? WITHHELD : row.text },
  });
  const labels = table.header.map((h) => normaliseLabel(h));
  const filled = labels.filter((l) => l !== '').length;
  // The header again inside the data: files pasted together, each with its header. Not data, and not silent.
  const repeatsHeader = (cells: string[]) => filled >= 2 && labels.every((l, i) => l === '' || normaliseLabel(cleanCell(cells[i])) === l);
  return (row) => {
    const cells = row.cells;
    if (cells && o.skipBlank === 'row' && cells.every((c) => c.trim() === '')) return null;
    if (cells && o.skipBlank === 'used' && used.every((u) => (cells[u.index] ?? '').trim() === '')) return null;
    if (!cells) return quarantine(row, null, 'csv_malformed', row.broken ?? "the row's quotes do not parse");
    if (repeatsHeader(cells)) return quarantine(row, null, 'header_repeated', `the header row (line ${table.headerLine}) is repeated here: extracts pasted together? A header is not data`);
    if (o.aligned && !alignsWithHeader(cells, map.names, table.format)) {
      return quarantine(row, null, 'csv_malformed', `row has ${cells.length} cells but the header has ${map.names.length}: its cells cannot be matched to columns`);
    }
    const problem = row.problems?.find((p) => used.some((u) => u.index === p.col));
    if (problem) return quarantine(row, map.names[problem.col], 'cell_unreadable', problem.reason);
    return { line: row.line, cells: used.map((u) => cells[u.index] ?? '') };
  };
}

/** Rows projected onto canonical columns, and the rows quarantined. */
export interface Projection {
  rows: { line: number; values: Map<string, string> }[];
  quarantined: QuarantineRow[];
  /** Data rows seen (projected + quarantined); rows that are not rows (see skipBlank) are not counted. */
  rowsIn: number;
}

/** Projects a whole table in memory (for adapters that reshape rows before landing them). */
export async function projectTable(table: InputTable, map: HeaderMap, o: ProjectOptions & { multiline?: boolean }): Promise<Projection> {
  const used = usedColumns(map);
  const project = projector(table, map, o);
  const out: Projection = { rows: [], quarantined: [], rowsIn: 0 };
  await forEachRow(
    table,
    (r) => {
      const p = project(r);
      if (p === null) return;
      out.rowsIn++;
      if ('quarantined' in p) out.quarantined.push(p.quarantined);
      else out.rows.push({ line: p.line, values: new Map(used.map((u, i) => [u.name, p.cells[i]])) });
    },
    { multiline: o.multiline, clean: true },
  );
  return out;
}
