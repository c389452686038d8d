// Runs the ordered mart models (pipelines/models/marts/NN_<name>.sql, each one SELECT) into tables.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { all, exec, ident, type Conn } from './lib/duck.ts';
import { MODELS_DIR } from './stage.ts';

export interface Model {
  name: string;
  file: string;
  sql: string;
}

export function listMartModels(dir = join(MODELS_DIR, 'marts')): Model[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({ name: file.replace(/^\d+_/, '').replace(/\.sql$/, ''), file: join(dir, file), sql: readFileSync(join(dir, file), 'utf8') }));
}

/** The published order of a table: its declared sort columns, then every other column, so no two rows tie. */
export function totalOrder(columns: string[], declared: string[] = []): string[] {
  const first = declared.filter((c) => columns.includes(c));
  return [...first, ...columns.filter((c) => !first.includes(c))];
}

/**
 * Builds one mart table, stored in its published order (so publishing writes it without sorting again) and with
 * HUGEINT sums as BIGINT (Parquet has no 128-bit integer: the type would change on the way through a file).
 */
export async function buildMart(conn: Conn, m: Model, declaredOrder: string[] = []): Promise<void> {
  const view = ident(`${m.name}__model`);
  try {
    await exec(conn, `CREATE OR REPLACE VIEW ${view} AS ${m.sql.trim().replace(/;\s*$/, '')}`);
    const cols = await all<{ column_name: string; column_type: string }>(conn, `DESCRIBE ${view}`);
    const select = cols.map((c) => (c.column_type === 'HUGEINT' ? `CAST(${ident(c.column_name)} AS BIGINT) AS ${ident(c.column_name)}` : ident(c.column_name)));
    const order = totalOrder(cols.map((c) => c.column_name), declaredOrder).map(ident);
    await exec(conn, `CREATE OR REPLACE TABLE ${ident(m.name)} AS SELECT ${select.join(', ')} FROM ${view} ORDER BY ${order.join(', ')}`);
    await exec(conn, `DROP VIEW ${view}`);
  } catch (e) {
    throw new Error(`Model ${m.name} (${m.file}) failed: ${(e as Error).message}`);
  }
}
