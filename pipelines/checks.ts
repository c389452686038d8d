// Declared checks (pipelines/models/schema.json: unique, notNull, acceptedValues, relationships, measures,
// documented columns) and custom checks (pipelines/checks/*.sql, each a SELECT of failing rows). Any failing row fails the run.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { all, ident, lit, type Conn } from './lib/duck.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ColumnDoc extends Bilingual {
  unit?: string;
}

export interface TableSchema {
  title: Bilingual;
  description: Bilingual;
  /** Sort order of the published files (determinism). */
  order?: string[];
  unique?: string[][];
  notNull?: string[];
  acceptedValues?: Record<string, string[]>;
  /** column → "table.column" it must exist in. */
  relationships?: Record<string, string>;
  /**
   * Measures that must not be NULL where their inputs are present: a NULL there is a silent gap (a missing
   * exchange rate, a lookup that found nothing). The check fails naming the table, the column, how many rows and
   * the cause, one line per cause.
   */
  measures?: Record<string, MeasureRule>;
  /** The table is also a section of quality.json (its rows under this key): conflicts, reconciliations. */
  qualitySection?: string;
  /**
   * The columns quality.json carries (default all). The file passes the personal-data gate as plain text, where an
   * 11-digit amount such as 13480000000 reads as a mobile number: carry shares and notes rather than raw amounts.
   */
  qualityColumns?: string[];
  columns: Record<string, ColumnDoc>;
  /** The period column and how its coverage is measured (completeness.ts); rows then carry `period_complete`. */
  periods?: import('./completeness.ts').PeriodsDeclaration;
}

export interface MeasureRule {
  /** SQL condition over the table's row: the measure's inputs are present (default: on every row). */
  inputsPresent?: string;
  /** SQL expression over the row naming why the measure is NULL there; rows are grouped by it. */
  cause: string;
}

export interface Schema {
  tables: Record<string, TableSchema>;
}

export interface CheckResult {
  name: string;
  table: string;
  passed: boolean;
  failingRows: number;
  /** Up to 20 failing rows, for the message and the quality report. */
  sample: Record<string, unknown>[];
}

export function loadSchema(path = new URL('./models/schema.json', import.meta.url).pathname): Schema {
  return JSON.parse(readFileSync(path, 'utf8')) as Schema;
}

export interface CheckSql {
  name: string;
  table: string;
  sql: string;
  /** A column of the check's rows holding how many table rows each stands for (grouped checks). */
  countColumn?: string;
}

/** Turns the declared checks into SQL that returns failing rows. */
export function declaredChecks(schema: Schema): CheckSql[] {
  const out: CheckSql[] = [];
  for (const [table, t] of Object.entries(schema.tables)) {
    const T = ident(table);
    for (const cols of t.unique ?? []) {
      const c = cols.map(ident).join(', ');
      out.push({ name: `unique(${cols.join(', ')})`, table, sql: `SELECT ${c}, count(*) AS n FROM ${T} GROUP BY ${c} HAVING count(*) > 1 ORDER BY n DESC` });
    }
    for (const col of t.notNull ?? []) {
      out.push({ name: `not_null(${col})`, table, sql: `SELECT * FROM ${T} WHERE ${ident(col)} IS NULL` });
    }
    for (const [col, values] of Object.entries(t.acceptedValues ?? {})) {
      out.push({
        name: `accepted_values(${col})`,
        table,
        sql: `SELECT ${ident(col)}, count(*) AS n FROM ${T} WHERE ${ident(col)} IS NOT NULL AND ${ident(col)} NOT IN (${values.map(lit).join(', ')}) GROUP BY 1`,
      });
    }
    for (const [col, target] of Object.entries(t.relationships ?? {})) {
      const [tt, tc] = target.split('.');
      out.push({
        name: `relationship(${col} → ${target})`,
        table,
        sql: `SELECT ${ident(col)}, count(*) AS n FROM ${T} WHERE ${ident(col)} IS NOT NULL AND ${ident(col)} NOT IN (SELECT ${ident(tc)} FROM ${ident(tt)}) GROUP BY 1`,
      });
    }
    for (const [col, m] of Object.entries(t.measures ?? {})) {
      out.push({
        name: `measure_not_null(${col})`,
        table,
        countColumn: 'rows',
        sql: `SELECT ${lit(table)} AS "table", ${lit(col)} AS "column", (${m.cause}) AS cause, count(*) AS rows FROM ${T} WHERE ${ident(col)} IS NULL AND (${m.inputsPresent ?? 'TRUE'}) GROUP BY ALL ORDER BY rows DESC, cause`,
      });
    }
  }
  return out;
}

/** One line per failing row of a check, for the build's error message. */
export function describeFailingRow(c: Pick<CheckResult, 'table' | 'name'>, row: Record<string, unknown>): string {
  if (typeof row.cause === 'string' && row.rows !== undefined) return `${row.cause}: ${Number(row.rows)} rows of ${c.table}.${String(row.column ?? '')} are NULL`;
  return JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
}

export function customChecks(dir = new URL('./checks/', import.meta.url).pathname): CheckSql[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      const table = /--\s*table:\s*(\S+)/.exec(sql)?.[1] ?? '';
      return { name: f.replace(/\.sql$/, ''), table, sql: sql.trim().replace(/;\s*$/, '') };
    });
}

/** Columns present in a published table but missing from schema.json: the catalog would show them undescribed. */
export async function undocumentedColumns(conn: Conn, schema: Schema): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const [table, t] of Object.entries(schema.tables)) {
    const cols = await all<{ column_name: string }>(conn, `SELECT column_name FROM information_schema.columns WHERE table_name = ${lit(table)} ORDER BY ordinal_position`);
    if (cols.length === 0) {
      out.push({ name: 'table_exists', table, passed: false, failingRows: 1, sample: [{ table }] });
      continue;
    }
    const missing = cols.filter((c) => !t.columns[c.column_name]).map((c) => ({ column: c.column_name }));
    out.push({ name: 'columns_documented', table, passed: missing.length === 0, failingRows: missing.length, sample: missing });
  }
  return out;
}

export async function runChecks(conn: Conn, checks: CheckSql[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const c of checks) {
    const n = await all<{ n: number }>(conn, `SELECT ${c.countColumn ? `coalesce(sum(${ident(c.countColumn)}), 0)` : 'count(*)'} AS n FROM (${c.sql})`);
    const failing = Number(n[0].n);
    const sample = failing ? await all(conn, `SELECT * FROM (${c.sql}) LIMIT 20`) : [];
    results.push({ name: c.name, table: c.table, passed: failing === 0, failingRows: failing, sample });
  }
  return results;
}
