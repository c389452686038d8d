// Thin helpers over @duckdb/node-api so the rest of the pipeline reads as SQL, not driver calls.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export type Conn = DuckDBConnection;

export async function openDuck(path = ':memory:', options: Record<string, string> = {}): Promise<{ instance: DuckDBInstance; conn: Conn }> {
  const instance = await DuckDBInstance.create(path, options);
  const conn = await instance.connect();
  return { instance, conn };
}

// PIPELINE_TRACE=1 prints every statement that takes 0.2 s or more, for finding where a slow build spends its time.
const TRACE = !!process.env.PIPELINE_TRACE;
async function traced<T>(sql: string, run: () => Promise<T>): Promise<T> {
  if (!TRACE) return run();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await run();
  const ms = performance.now() - t0;
  // CPU seconds (every DuckDB thread's and Node's) alongside wall time: on a shared machine the wall time of a
  // statement says more about the other processes than about the statement.
  const c = process.cpuUsage(c0);
  if (ms >= 200) process.stderr.write(`[trace] ${(ms / 1000).toFixed(2)} s (cpu ${((c.user + c.system) / 1e6).toFixed(2)} s)  ${sql.replace(/\s+/g, ' ').slice(0, 140)}\n`);
  return r;
}

/** Runs a statement and returns its rows as plain objects (BIGINT → number when safe). */
export async function all<T = Record<string, unknown>>(conn: Conn, sql: string): Promise<T[]> {
  const r = await traced(sql, () => conn.runAndReadAll(sql));
  return r.getRowObjectsJS().map((row) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) o[k] = typeof v === 'bigint' && Number.isSafeInteger(Number(v)) ? Number(v) : v;
    return o as T;
  });
}

export async function exec(conn: Conn, sql: string): Promise<void> {
  await traced(sql, () => conn.run(sql));
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
