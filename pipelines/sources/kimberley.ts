// Kimberley Process rough-diamond production statistics → landing rows, one per country × half year × type.
//
// Two layouts carry the same facts: the KP statistics site's export (`Country Name, Year, Quarter, Trade Type,
// Production Type, Carat, US Value, Public, Created, Last Modified`, XLSX or CSV) and the tidy CSV the team derives
// from it (`country, year, half_year, trade_type, production_type, carats, value_usd, public`). Columns are found by
// name, so the notes people type beside the table (columns K–M of the published workbook) are never read.
import { landRows } from './landing.ts';
import type { Adapter, InputTable, LandContext, Landed } from './types.ts';
import { mapHeader, requireColumns, usedColumns, type ColumnSpec, type HeaderMap } from './shared/header.ts';
import { projectTable } from './shared/project.ts';

export const KIMBERLEY_COLUMNS = ['country', 'year', 'half_year', 'trade_type', 'production_type', 'carats', 'value_usd', 'public', 'created', 'last_modified'];

/** Header names of each landing column: the KP export's first, then the tidy layout's. */
const SPECS: ColumnSpec[] = [
  { name: 'country', aliases: ['Country Name', 'country'] },
  { name: 'year', aliases: ['Year', 'year'] },
  // KP calls it Quarter, but it holds 1 or 2: KP participants report per half year.
  { name: 'half_year', aliases: ['Quarter', 'half_year'] },
  { name: 'trade_type', aliases: ['Trade Type', 'trade_type'] },
  { name: 'production_type', aliases: ['Production Type', 'production_type'] },
  { name: 'carats', aliases: ['Carat', 'carats'] },
  { name: 'value_usd', aliases: ['US Value', 'value_usd'] },
  { name: 'public', aliases: ['Public', 'public'] },
  // When KP recorded the submission and its last revision ("07Sep23:07:47:07"), kept for the audit of conflicts.
  { name: 'created', aliases: ['Created', 'created'] },
  { name: 'last_modified', aliases: ['Last Modified', 'last_modified'] },
];

const REQUIRED = ['country', 'year', 'half_year', 'trade_type', 'production_type', 'carats', 'value_usd'].map((name) => {
  const s = SPECS.find((x) => x.name === name)!;
  return { name, label: `"${s.aliases[0]}" (or "${s.aliases[1]}")` };
});

const EXPECTED = 'the Kimberley Process statistics export (Country Name, Year, Quarter, Trade Type, Production Type, Carat, US Value)';

export function mapKimberleyHeader(table: Pick<InputTable, 'relPath' | 'header'>): HeaderMap {
  return mapHeader(table, SPECS, EXPECTED);
}

/**
 * A KP table names its country column and at least two columns no other extract has (half year, trade or
 * production type, carats, value). Matching on fewer lets a file with one required column missing reach land(),
 * which then says which column is missing instead of "unrecognised file".
 */
export function isKimberleyHeader(header: string[]): boolean {
  const m = mapKimberleyHeader({ relPath: '', header });
  const specific = ['half_year', 'trade_type', 'production_type', 'carats', 'value_usd'].filter((c) => m.found.has(c));
  return m.found.has('country') && specific.length >= 2;
}

export const adapter: Adapter = {
  kind: 'kimberley',
  label: { zh: '金伯利进程毛坯钻石产量统计', en: 'Kimberley Process rough-diamond production' },
  matches: (table) => isKimberleyHeader(table.header),
  landingColumns: KIMBERLEY_COLUMNS,
  requiredColumns: REQUIRED.map((r) => r.name),
  async land(table: InputTable, ctx: LandContext): Promise<Landed> {
    const map = mapKimberleyHeader(table);
    requireColumns(table, map, REQUIRED, EXPECTED);
    // Rows with nothing in the landing columns (a note beside the table) are not data; notes may run past the
    // header's last column, so cells there are not checked.
    const projection = await projectTable(table, map, { sourceId: ctx.declaration.id, skipBlank: 'used', aligned: false });
    const rows = projection.rows.map(({ line, values }) => ({ line, cells: KIMBERLEY_COLUMNS.map((c) => values.get(c) ?? '') }));
    const landed = await landRows(rows, KIMBERLEY_COLUMNS, ctx.landingPath);
    return { ...landed, rowsIn: projection.rowsIn, quarantined: projection.quarantined };
  },
};
