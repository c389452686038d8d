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
  /** The columns the trade mart publishes as text (codes and names, few distinct values each). */
  codes: Figures;
  /** A free-text column with a different value on every row (the worst case: nothing repeats). */
  freeText: Figures & { candidates: number };
}

interface Figures {
  /** DuckDB reading every byte of the same columns with a trivial predicate (contains '@'). */
  baselineSeconds: number;
  /** DuckDB reading only each value's length. */
  lengthsSeconds: number;
  /** The gate before issue 12 (first 1,000 candidates per column, ASCII patterns), for comparison. */
  cappedSeconds: number;
  gateSeconds: number;
  findings: number;
}

async function seconds(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
}

/** Baselines over the same columns: a trivial predicate reading every byte, and reading lengths only. */
async function baselines(conn: Conn, table: string): Promise<{ baselineSeconds: number; lengthsSeconds: number; cappedSeconds: number }> {
  const cols = await textColumns(conn, table);
  const baselineSeconds = await seconds(() => all(conn, `SELECT count(*) FROM ${ident(table)} WHERE ${cols.map((c) => `contains(${c.text}, '@')`).join(' OR ')}`));
  const lengthsSeconds = await seconds(() => all(conn, `SELECT ${cols.map((c) => `max(strlen(${c.text}))`).join(', ')} FROM ${ident(table)}`));
  const capped = String.raw`(\d{17}[\dXx])|(1[3-9]\d[- ]?\d{4}[- ]?\d{4})|(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})`;
  const cappedSeconds = await seconds(() =>
    all(conn, `SELECT ${cols.map((c, i) => `list_filter(list(DISTINCT ${c.text}), v -> regexp_matches(v, ${lit(capped)}))[1:1000] AS c${i}`).join(', ')} FROM ${ident(table)}`),
  );
  return { baselineSeconds, lengthsSeconds, cappedSeconds };
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
    await exec(conn, `CREATE TABLE extract AS SELECT * FROM read_csv(${lit(big)}, header = true, all_varchar = true)`);
    const [{ n }] = await all<{ n: number }>(conn, 'SELECT count(*) AS n FROM extract');
    // Planted near the end, after millions of other values: a mobile in a partner name.
    await exec(conn, `UPDATE extract SET "贸易伙伴名称" = "贸易伙伴名称" || ' 联系 (138)1234-5678' WHERE rowid = ${Number(n) - 7}`);
    await exec(conn, `CREATE TABLE codes AS SELECT "数据年月", "商品编码", "贸易伙伴编码", "贸易伙伴名称", "贸易方式编码", "贸易方式名称", "第一计量单位" FROM extract`);
    await exec(conn, `CREATE TABLE free_text AS SELECT "贸易伙伴名称" || ' 第' || rowid || '行：' || "贸易方式名称" || '，' || "商品名称" AS note FROM extract`);
    await exec(conn, `DROP TABLE extract`);
    await exec(conn, `UPDATE free_text SET note = note || ' 身份证 ４４０１１３　１９９００３０７　１２３５' WHERE rowid = ${Number(n) - 3}`);
    const classesSeconds = await seconds(async () => charClasses());
    const codes = { ...(await baselines(conn, 'codes')), gateSeconds: 0, findings: 0 };
    codes.gateSeconds = await seconds(async () => (codes.findings = (await scanPublishedTables(conn, ['codes'])).length));
    const free = { ...(await baselines(conn, 'free_text')), gateSeconds: 0, candidates: 0, findings: 0 };
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
  const rows = (label: string, f: Figures, extra: string) => [
    `| ${label}: DuckDB reading every byte with a trivial predicate, \`contains(col, '@')\` (baseline) | ${r(f.baselineSeconds)} s |`,
    `| ${label}: (context) DuckDB reading only the values' lengths | ${r(f.lengthsSeconds)} s = ${r(f.lengthsSeconds / f.baselineSeconds)} × baseline |`,
    `| ${label}: (context) the previous gate, first 1,000 candidates per column, ASCII spellings only | ${r(f.cappedSeconds)} s = ${r(f.cappedSeconds / f.baselineSeconds)} × baseline |`,
    `| ${label}: **the gate**, every value, every spelling | ${r(f.gateSeconds)} s = **${r(f.gateSeconds / f.baselineSeconds)} × baseline**; ${extra} |`,
  ];
  return [
    `| figure | value |`,
    `|---|---|`,
    `| customs extract | ${b.rows.toLocaleString('en')} rows |`,
    `| prefilter character classes from the Unicode tables (once per process) | ${r(b.classesSeconds)} s |`,
    ...rows(`${b.textColumns} code and name columns (as the trade mart publishes them)`, b.codes, `${b.codes.findings} finding (the planted mobile)`),
    ...rows('a free-text column, a different value on every row (worst case)', b.freeText, `${b.freeText.candidates.toLocaleString('en')} values passed the prefilter, ${b.freeText.findings} findings (the planted mobile and full-width ID)`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const b = await benchGate();
  console.log(gateMarkdown(b));
  if (process.env.BENCH_APPEND) appendFileSync(process.env.BENCH_APPEND, gateMarkdown(b) + '\n');
}
