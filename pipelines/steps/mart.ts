// The mart step: builds one mart table (and marks its complete periods), or, when its key matches the previous
// build's, makes it a view over the previous output's Parquet file (read only if a rebuilt model needs it).
// Also where staged tables are loaded into memory for a model, and freed after the last model reading them.
import { join } from 'node:path';
import { buildMart, type Model } from '../marts.ts';
import { forgetCoverage, markCompletePeriods } from '../completeness.ts';
import { exec, ident, lit, type Conn } from '../lib/duck.ts';
import { modelDependencies } from '../plan.ts';
import type { TableSchema } from '../checks.ts';

export async function reuseMart(conn: Conn, name: string, previousDir: string): Promise<void> {
  await forgetCoverage(conn, name);
  await exec(conn, `CREATE OR REPLACE VIEW ${ident(name)} AS SELECT * FROM read_parquet(${lit(join(previousDir, 'tables', `${name}.parquet`))})`);
}

/**
 * Builds a mart. A kind taken from the stage cache that it reads (`cachedViews`: staged table → Parquet file,
 * emptied as kinds are loaded) is first loaded once into memory: models scan their inputs several times, and each
 * scan of the Parquet view would decode the whole file again.
 */
export async function runMart(conn: Conn, m: Model, doc: TableSchema | undefined, cachedViews: Map<string, string>): Promise<void> {
  for (const dep of modelDependencies(m.sql)) {
    const file = cachedViews.get(dep);
    if (!file) continue;
    await exec(conn, `CREATE TABLE ${ident(dep + '__all')} AS SELECT * FROM read_parquet(${lit(file)}); CREATE OR REPLACE VIEW ${ident(dep)} AS SELECT * FROM ${ident(dep + '__all')}`);
    cachedViews.delete(dep);
  }
  await forgetCoverage(conn, m.name);
  await buildMart(conn, m, doc?.order);
  if (doc?.periods) await markCompletePeriods(conn, m.name, doc.periods, doc.order);
}

/** Frees staged tables' memory (their view and the table of all staged rows behind it). */
export async function freeStaged(conn: Conn, tables: string[]): Promise<void> {
  for (const t of tables) {
    await exec(conn, `DROP VIEW IF EXISTS ${ident(t)}; DROP TABLE IF EXISTS ${ident(t + '__all')}`);
    await forgetCoverage(conn, t);
  }
}
