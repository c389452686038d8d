// Kimberley Process rough-diamond production statistics → landing rows, one per country × half year × type.
//
// Two layouts carry the same facts: the KP statistics site's export (`Country Name, Year, Quarter, Trade Type,
// Production Type, Carat, US Value, Public, Created, Last Modified`, XLSX or CSV) and the tidy CSV the team derives
// from it (`country, year, half_year, trade_type, production_type, carats, value_usd, public`). Columns are found by
// name, so the notes people type beside the table (columns K–M of the published workbook) are never read.
import { forEachLine, landRows, parseCsvLine } from './landing.ts';
import { StructuralError, type Adapter, type InputTable, type LandContext, type Landed } from './types.ts';

export const KIMBERLEY_COLUMNS = ['country', 'year', 'half_year', 'trade_type', 'production_type', 'carats', 'value_usd', 'public', 'created', 'last_modified'];

/** Header names of each landing column: the KP export's first, then the tidy layout's. */
const ALIASES: Record<string, string[]> = {
  country: ['Country Name', 'country'],
  year: ['Year', 'year'],
  // KP calls it Quarter, but it holds 1 or 2: KP participants report per half year.
  half_year: ['Quarter', 'half_year'],
  trade_type: ['Trade Type', 'trade_type'],
  production_type: ['Production Type', 'production_type'],
  carats: ['Carat', 'carats'],
  value_usd: ['US Value', 'value_usd'],
  public: ['Public', 'public'],
  // When KP recorded the submission and its last revision ("07Sep23:07:47:07"): the staging model lets a later
  // revision of the same country, half year and type replace an earlier one.
  created: ['Created', 'created'],
  last_modified: ['Last Modified', 'last_modified'],
};

const REQUIRED = ['country', 'year', 'half_year', 'trade_type', 'production_type', 'carats', 'value_usd'];

const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, ' ').trim();

/** Landing column → index in the header, for the columns the header has. */
export function mapKimberleyHeader(header: string[]): Partial<Record<string, number>> {
  const at = new Map(header.map((h, i) => [norm(h), i] as const));
  const out: Partial<Record<string, number>> = {};
  for (const [col, names] of Object.entries(ALIASES)) {
    const i = names.map((n) => at.get(norm(n))).find((x) => x !== undefined);
    if (i !== undefined) out[col] = i;
  }
  return out;
}

/**
 * A KP table names its country column and at least two columns no other extract has (half year, trade or
 * production type, carats, value). Matching on fewer lets a file with one required column missing reach land(),
 * which then says which column is missing instead of "unrecognised file".
 */
export function isKimberleyHeader(header: string[]): boolean {
  const m = mapKimberleyHeader(header);
  const specific = ['half_year', 'trade_type', 'production_type', 'carats', 'value_usd'].filter((c) => m[c] !== undefined);
  return m.country !== undefined && specific.length >= 2;
}

function requireColumns(table: InputTable, m: Partial<Record<string, number>>): void {
  const missing = REQUIRED.filter((c) => m[c] === undefined);
  if (missing.length) {
    const names = missing.map((c) => `"${ALIASES[c][0]}" (or "${ALIASES[c][1]}")`).join(', ');
    throw new StructuralError(table.relPath, `missing required column ${names}: expected the Kimberley Process statistics export header`, table.headerLine);
  }
}

async function dataRows(table: InputTable): Promise<{ line: number; cells: string[] }[]> {
  if (table.sheetRows) return table.sheetRows.filter((r) => r.line > table.headerLine);
  const rows: { line: number; cells: string[] }[] = [];
  await forEachLine(table.path, table.relPath, table.encoding ?? 'utf-8', (text, line) => {
    if (line > table.headerLine && text.trim() !== '') rows.push({ line, cells: parseCsvLine(text) });
  });
  return rows;
}

/** Picks the landing columns out of each row; rows with nothing in them (a note beside the table) are not data. */
export function pickColumns(rows: { line: number; cells: string[] }[], m: Partial<Record<string, number>>): { line: number; cells: string[] }[] {
  return rows
    .map((r) => ({ line: r.line, cells: KIMBERLEY_COLUMNS.map((c) => (m[c] === undefined ? '' : (r.cells[m[c]!] ?? ''))) }))
    .filter((r) => r.cells.some((c) => c !== ''));
}

export const adapter: Adapter = {
  kind: 'kimberley',
  label: { zh: '金伯利进程毛坯钻石产量统计', en: 'Kimberley Process rough-diamond production' },
  matches: (table) => isKimberleyHeader(table.header),
  landingColumns: KIMBERLEY_COLUMNS,
  requiredColumns: REQUIRED,
  async land(table: InputTable, ctx: LandContext): Promise<Landed> {
    const m = mapKimberleyHeader(table.header);
    requireColumns(table, m);
    return landRows(pickColumns(await dataRows(table), m), KIMBERLEY_COLUMNS, ctx.landingPath);
  },
};
