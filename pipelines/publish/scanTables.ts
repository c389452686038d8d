// Runs the personal-data gate over every value of every text column of the tables about to be published, with
// no cap: DuckDB's regular-expression prefilter (scanText.ts) passes the values that could hold a finding, and
// the exact checks (normalised spelling, ID checksum and birth date) run in findPersonalData on those only.
// Numbers are not scanned: a trade value can have 11 digits without being a phone number.
import { all, ident, lit, type Conn } from '../lib/duck.ts';
import { findPersonalData, type PersonalDataKind } from './personalData.ts';
import { sqlPrefilter } from './scanText.ts';

export interface TableFinding {
  table: string;
  column: string;
  kind: PersonalDataKind;
  masked: string;
}

/** Column types that cannot hold text: everything else (VARCHAR, ENUM, lists, structs, JSON) is read as text. */
const NOT_TEXT = /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*|DATE|TIME.*|INTERVAL|UUID)$/;

/** The text columns of a table: their names and the SQL expression that reads each as text. */
export async function textColumns(conn: Conn, table: string): Promise<{ name: string; text: string }[]> {
  const cols = await all<{ column_name: string; data_type: string }>(
    conn,
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${lit(table)} AND table_schema = 'main' ORDER BY ordinal_position`,
  );
  return cols
    .filter((c) => !NOT_TEXT.test(c.data_type))
    .map((c) => ({ name: c.column_name, text: c.data_type === 'VARCHAR' ? ident(c.column_name) : `${ident(c.column_name)}::VARCHAR` }));
}

/**
 * The distinct values of a table's text columns that pass the prefilter, all of them. Distinct first: text
 * columns of big marts repeat a few codes millions of times, so the expression then runs once per value.
 */
export function candidatesSql(table: string, cols: { text: string }[], pattern = sqlPrefilter()): string {
  return cols
    .map((c, i) => `SELECT ${i} AS col, v FROM (SELECT DISTINCT ${c.text} AS v FROM ${ident(table)}) WHERE regexp_matches(v, ${lit(pattern)})`)
    .join('\nUNION ALL\n');
}

export async function scanPublishedTables(conn: Conn, tables: string[]): Promise<TableFinding[]> {
  const out: TableFinding[] = [];
  for (const t of tables) {
    const cols = await textColumns(conn, t);
    if (!cols.length) continue;
    for (const { col, v } of await all<{ col: number; v: string }>(conn, candidatesSql(t, cols)))
      for (const f of findPersonalData(v)) out.push({ table: t, column: cols[col].name, kind: f.kind, masked: f.masked });
  }
  return out;
}
