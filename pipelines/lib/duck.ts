// Thin helpers over @duckdb/node-api so the rest of the pipeline reads as SQL, not driver calls.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export type Conn = DuckDBConnection;

export async function openDuck(path = ':memory:', options: Record<string, string> = {}): Promise<{ instance: DuckDBInstance; conn: Conn }> {
  const instance = await DuckDBInstance.create(path, options);
  const conn = await instance.connect();
  return { instance, conn };
}

/** Runs a statement and returns its rows as plain objects (BIGINT → number when safe). */
export async function all<T = Record<string, unknown>>(conn: Conn, sql: string): Promise<T[]> {
  const r = await conn.runAndReadAll(sql);
  return r.getRowObjectsJS().map((row) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) o[k] = typeof v === 'bigint' && Number.isSafeInteger(Number(v)) ? Number(v) : v;
    return o as T;
  });
}

export async function exec(conn: Conn, sql: string): Promise<void> {
  await conn.run(sql);
}

/** SQL string literal. */
export function lit(v: string | number | boolean | null | undefined): string {
  if (v == null) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return `'${v.replace(/'/g, "''")}'`;
}

/** SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
