// Issue 12 benchmark: the personal-data gate (every value of every text column, no cap) on the generated 5M-row
// customs extract, against DuckDB reading the same columns with a trivial predicate in the same process.
// `npx tsx bench/personalDataGate.ts` (BENCH_ROWS to change the size; BENCH_APPEND=file to append the table).
import { spawnSync } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { all, exec, ident, lit, openDuck, type Conn } from '../pipelines/lib/duck.ts';
import { scanPublishedTables, textColumns } from '../pipelines/publish/scanTables.ts';
import { charClasses } from '../pipelines/publish/scanText.ts';

export interface GateBench {
  rows: number;
  textColumns: number;
  /** Building the prefilter's character classes from the Unicode tables, once per process. */
  classesSeconds: number;
  /** The extract's own text columns (codes and names, few distinct values each). */
  codes: { baselineSeconds: number; gateSeconds: number; findings: number };
  /** A free-text column with a different value on every row (the worst case: nothing repeats). */
  freeText: { baselineSeconds: number; gateSeconds: number; candidates: number; findings: number };
}

async function seconds(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
}

/** The trivial scan of the same columns: every value is read (its length), nothing is matched. */
async function baseline(conn: Conn, table: string): Promise<number> {
  const cols = await textColumns(conn, table);
  return seconds(() => all(conn, `SELECT ${cols.map((c) => `max(strlen(${c.text}))`).join(', ')} FROM ${ident(table)}`));
}

export async function benchGate(rows = Number(process.env.BENCH_ROWS ?? 5_000_000)): Promise<GateBench> {
  const work = resolve('bench/work-gate');
  rmSync(work, { recursive: true, force: true });
  // Generated on the fly, never committed, as in the pipeline benchmark.
  const g = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/generate/cli.ts', '--out', join(work, 'raw'), '--customs-rows', String(rows), '--encoding', 'utf-8'], { encoding: 'utf8' });
  if (g.status !== 0) throw new Error(`generator failed: ${g.stderr}`);
  const big = join(work, 'raw', 'customs_stats', 'national_import_bench.csv');
  const { instance, conn } = await openDuck();
  try {
    await exec(conn, `CREATE TABLE codes AS SELECT * FROM read_csv(${lit(big)}, header = true)`);
    const [{ n }] = await all<{ n: number }>(conn, 'SELECT count(*) AS n FROM codes');
    // Planted near the end, after millions of other values: a mobile in a partner name.
    await exec(conn, `UPDATE codes SET "贸易伙伴名称" = "贸易伙伴名称" || ' 联系 (138)1234-5678' WHERE rowid = ${Number(n) - 7}`);
    await exec(conn, `CREATE TABLE free_text AS SELECT "贸易伙伴名称" || ' 第' || rowid || '行：' || "贸易方式名称" || '，' || "商品名称" AS note FROM codes`);
    await exec(conn, `UPDATE free_text SET note = note || ' 身份证 ４４０１１３　１９９００３０７　１２３５' WHERE rowid = ${Number(n) - 3}`);
    const classesSeconds = await seconds(async () => charClasses());
    const codes = { baselineSeconds: await baseline(conn, 'codes'), gateSeconds: 0, findings: 0 };
    codes.gateSeconds = await seconds(async () => (codes.findings = (await scanPublishedTables(conn, ['codes'])).length));
    const free = { baselineSeconds: await baseline(conn, 'free_text'), gateSeconds: 0, candidates: 0, findings: 0 };
    free.gateSeconds = await seconds(async () => (free.findings = (await scanPublishedTables(conn, ['free_text'])).length));
    const [{ c }] = await all<{ c: number }>(conn, `SELECT count(*) AS c FROM free_text WHERE regexp_matches(note, ${lit((await import('../pipelines/publish/scanText.ts')).sqlPrefilter())})`);
    free.candidates = Number(c);
    return { rows: Number(n), textColumns: (await textColumns(conn, 'codes')).length, classesSeconds, codes, freeText: free };
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(work, { recursive: true, force: true });
  }
}

export function gateMarkdown(b: GateBench): string {
  const r = (x: number) => x.toFixed(2);
  return [
    `| figure | value |`,
    `|---|---|`,
    `| customs extract | ${b.rows.toLocaleString('en')} rows, ${b.textColumns} text columns |`,
    `| prefilter character classes from the Unicode tables (once per process) | ${r(b.classesSeconds)} s |`,
    `| extract's text columns (codes, names): DuckDB reading every value, \`max(strlen(col))\` (baseline) | ${r(b.codes.baselineSeconds)} s |`,
    `| gate over the same columns, every value, no cap | ${r(b.codes.gateSeconds)} s = **${r(b.codes.gateSeconds / b.codes.baselineSeconds)} × baseline**; ${b.codes.findings} finding (the planted one) |`,
    `| free-text column, a different value on every row (worst case): baseline | ${r(b.freeText.baselineSeconds)} s |`,
    `| gate over it | ${r(b.freeText.gateSeconds)} s = **${r(b.freeText.gateSeconds / b.freeText.baselineSeconds)} × baseline**; ${b.freeText.candidates.toLocaleString('en')} values passed the prefilter; ${b.freeText.findings} finding (the planted one) |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const b = await benchGate();
  console.log(gateMarkdown(b));
  if (process.env.BENCH_APPEND) appendFileSync(process.env.BENCH_APPEND, gateMarkdown(b) + '\n');
}
