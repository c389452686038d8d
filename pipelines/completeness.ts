// Complete periods, one rule for every source (pipelines/README.md, "Complete periods"). A table that declares a
// period column in schema.json names a coverage model (models/completeness/<coverage>.sql: per period, what was
// reported: months, half-years, reporters, firms). The rule (models/completeness/rule.sql) compares each period
// with the last complete one; the table's rows get `period_complete`, and the catalog its complete-through period
// and the incomplete periods with their coverage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { all, exec, ident, lit, type Conn } from './lib/duck.ts';
import { MODELS_DIR } from './stage.ts';
import { totalOrder } from './marts.ts';
import { modelDependencies } from './plan.ts';
import type { PeriodCoverage, TablePeriods } from '../src/lib/contract/published.ts';

export const COMPLETENESS_DIR = join(MODELS_DIR, 'completeness');

/** Declared per table in schema.json. */
export interface PeriodsDeclaration {
  /** The period column (a year in every table so far). */
  column: string;
  /** Coverage model: models/completeness/<coverage>.sql, returning period, measure, value, tolerance. */
  coverage: string;
  /** What the coverage measures, for the catalog and the quality report. */
  rule: { zh: string; en: string };
}

/** Where every table's coverage is kept during a build (read when its catalog entry is written). */
export const COVERAGE_TABLE = 'period_coverage';

export function coverageSql(d: PeriodsDeclaration, dir = COMPLETENESS_DIR): string {
  if (!/^[a-z0-9_]+$/.test(d.coverage)) throw new Error(`periods.coverage "${d.coverage}" is not a coverage model name`);
  return readFileSync(join(dir, `${d.coverage}.sql`), 'utf8').trim().replace(/;\s*$/, '');
}

export function ruleSql(dir = COMPLETENESS_DIR): string {
  return readFileSync(join(dir, 'rule.sql'), 'utf8').trim().replace(/;\s*$/, '');
}

export async function createCoverageTable(conn: Conn): Promise<void> {
  await exec(
    conn,
    `CREATE OR REPLACE TABLE ${COVERAGE_TABLE} (table_name VARCHAR, period VARCHAR, measure VARCHAR, value DOUBLE, tolerance DOUBLE, reference_period VARCHAR, reference_value DOUBLE, complete BOOLEAN)`,
  );
}

/**
 * Judges the periods of one built table and adds `period_complete` to its rows (the table keeps its published
 * order). A period with rows but no coverage at all is incomplete; the verdicts are kept in period_coverage.
 */
export async function markCompletePeriods(conn: Conn, table: string, d: PeriodsDeclaration, order: string[] = []): Promise<void> {
  const T = ident(table);
  const P = ident(d.column);
  try {
    await exec(conn, `CREATE OR REPLACE TEMP TABLE coverage_input AS SELECT * FROM ${ident(await coverageInput(conn, d))}`);
    await exec(conn, `CREATE OR REPLACE TEMP TABLE coverage_judged AS ${ruleSql()}`);
    await exec(
      conn,
      `INSERT INTO ${COVERAGE_TABLE} SELECT ${lit(table)}, period::VARCHAR, measure, value, tolerance, reference_period::VARCHAR, reference_value, complete FROM coverage_judged`,
    );
    const cols = (await all<{ column_name: string }>(conn, `SELECT column_name FROM information_schema.columns WHERE table_name = ${lit(table)} AND table_schema = 'main' ORDER BY ordinal_position`))
      .map((c) => c.column_name)
      .filter((c) => c !== 'period_complete');
    const byOrder = totalOrder([...cols, 'period_complete'], order).map(ident).join(', ');
    await exec(
      conn,
      `CREATE OR REPLACE TABLE ${T} AS
       SELECT ${cols.map((c) => `t.${ident(c)}`).join(', ')},
         coalesce((SELECT bool_and(j.complete) FROM coverage_judged j WHERE j.period::VARCHAR = t.${P}::VARCHAR), FALSE) AS period_complete
       FROM ${T} t ORDER BY ${byOrder}`,
    );
    await forgetCoverage(conn, table);
  } catch (e) {
    throw new Error(`Complete periods of ${table} (models/completeness/${d.coverage}.sql): ${(e as Error).message}`);
  } finally {
    await exec(conn, `DROP TABLE IF EXISTS coverage_input; DROP TABLE IF EXISTS coverage_judged`);
  }
}

// A coverage model's result, kept while the tables it reads are unchanged: ten tables judge their years by the
// same coverage of the monthly trade mart, and on a multi-million-row build each computation scanned it again.
// Per connection: coverage model → the tables its SQL reads.
const coverageKept = new WeakMap<Conn, Map<string, string[]>>();
const keptTable = (coverage: string) => `coverage_input__${coverage}`;

async function coverageInput(conn: Conn, d: PeriodsDeclaration): Promise<string> {
  const kept = coverageKept.get(conn) ?? coverageKept.set(conn, new Map()).get(conn)!;
  const sql = coverageSql(d);
  if (!kept.has(d.coverage)) {
    await exec(conn, `CREATE OR REPLACE TEMP TABLE ${ident(keptTable(d.coverage))} AS SELECT period, measure, value, tolerance FROM (${sql})`);
    kept.set(d.coverage, modelDependencies(sql));
  }
  return keptTable(d.coverage);
}

/** Drops the kept coverage results that read `table`: called whenever it is built, replaced or freed. */
export async function forgetCoverage(conn: Conn, table: string): Promise<void> {
  const kept = coverageKept.get(conn);
  if (!kept) return;
  for (const [coverage, reads] of kept) {
    if (!reads.includes(table)) continue;
    await exec(conn, `DROP TABLE IF EXISTS ${ident(keptTable(coverage))}`);
    kept.delete(coverage);
  }
}

/** The catalog's periods entry of a table judged in this build. */
export async function tablePeriods(conn: Conn, table: string, d: PeriodsDeclaration): Promise<TablePeriods> {
  const typeRow = await all<{ t: string }>(conn, `SELECT data_type AS t FROM information_schema.columns WHERE table_name = ${lit(table)} AND column_name = ${lit(d.column)} AND table_schema = 'main'`);
  const numeric = /INT|DOUBLE|DECIMAL|FLOAT/i.test(typeRow[0]?.t ?? '');
  const asPeriod = (v: string | null) => (v === null ? null : numeric ? Number(v) : v);
  // Periods present in the table, with their verdict (a period the coverage model does not list is incomplete).
  const periods = await all<{ p: string; complete: boolean }>(
    conn,
    `SELECT ${ident(d.column)}::VARCHAR AS p, bool_and(period_complete) AS complete FROM ${ident(table)} WHERE ${ident(d.column)} IS NOT NULL GROUP BY 1 ORDER BY min(${ident(d.column)})`,
  );
  const rows = await all<{ period: string; measure: string; value: number; tolerance: number; reference_period: string | null; reference_value: number | null }>(
    conn,
    `SELECT period, measure, value, tolerance, reference_period, reference_value FROM ${COVERAGE_TABLE} WHERE table_name = ${lit(table)} ORDER BY period, measure`,
  );
  const incomplete: PeriodCoverage[] = periods
    .filter((p) => !p.complete)
    .map((p) => ({
      period: asPeriod(p.p)!,
      complete: false,
      measures: rows
        .filter((r) => r.period === p.p)
        .map((r) => ({
          measure: r.measure,
          value: round(Number(r.value)),
          referencePeriod: asPeriod(r.reference_period),
          referenceValue: r.reference_value === null ? null : round(Number(r.reference_value)),
          tolerance: Number(r.tolerance),
        })),
    }));
  const lastComplete = periods.filter((p) => p.complete).at(-1);
  return { column: d.column, rule: d.rule, completeThrough: lastComplete ? asPeriod(lastComplete.p) : null, incomplete };
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** What a table's key covers beyond its model: its coverage model and the rule, so editing either rebuilds it. */
export function keySql(modelSql: string, d: PeriodsDeclaration | undefined): string {
  return d ? [modelSql, coverageSql(d), ruleSql()].join('\n') : modelSql;
}
