// Runs the personal-data gate over every value of every text column of the tables about to be published, with
// no cap: DuckDB's regular-expression prefilter (scanText.ts) passes the values that could hold a finding, and
// the exact checks (normalised spelling, ID checksum and birth date) run in findPersonalData on those only.
// Numbers are not scanned: a trade value can have 11 digits without being a phone number.
import { all, exec, ident, lit, type Conn } from '../lib/duck.ts';
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
 * Gathers the distinct values of every text column of every table into one temporary table, then runs the
 * prefilter over it in one statement. Distinct first: text columns of big marts repeat a few codes millions of
 * times, so the expression runs once per value. One expression for everything: DuckDB compiles a regular
 * expression per expression and thread, and the prefilter's large character classes made that cost more than the
 * matching itself when each column had its own (22 s against 4 s on the sample output, measured).
 */
export async function scanPublishedTables(conn: Conn, tables: string[]): Promise<TableFinding[]> {
  const columns: { table: string; column: string }[] = [];
  const parts: string[] = [];
  for (const t of tables)
    for (const c of await textColumns(conn, t)) {
      parts.push(`SELECT DISTINCT ${columns.length} AS col, ${c.text} AS v FROM ${ident(t)}`);
      columns.push({ table: t, column: c.name });
    }
  if (!parts.length) return [];
  const out: TableFinding[] = [];
  await exec(conn, `CREATE OR REPLACE TEMP TABLE __personal_data_scan AS ${parts.join('\nUNION ALL\n')}`);
  try {
    const candidates = await all<{ col: number; v: string }>(conn, `SELECT col, v FROM __personal_data_scan WHERE regexp_matches(v, ${lit(sqlPrefilter())})`);
    for (const { col, v } of candidates) for (const f of findPersonalData(v)) out.push({ ...columns[col], kind: f.kind, masked: f.masked });
  } finally {
    await exec(conn, 'DROP TABLE IF EXISTS __personal_data_scan');
  }
  return out;
}
