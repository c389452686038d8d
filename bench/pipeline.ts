// Issue 2 benchmark: the pipeline on a generated multi-million-row customs extract, against raw DuckDB reading the
// same file in the same session. Figures are ratios to that baseline, so they travel between machines.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDuck, all } from '../pipelines/lib/duck.ts';
import { LEAN_STEPS, runLeanPipeline } from './leanPipeline.ts';

export interface PipelineBench {
  rows: number;
  fileMB: number;
  baselineSeconds: number;
  /** DuckDB alone turning the same CSV into a ZSTD Parquet file (context: the pipeline's main output). */
  parquetBaselineSeconds: number;
  /**
   * DuckDB alone producing what the pipeline must publish for these rows: the table from the CSV (the baseline),
   * then its ZSTD Parquet file and its copy in a DuckDB database file. No pipeline that publishes both can be faster.
   */
  outputsFloorSeconds: number;
  /** CPU seconds (all threads) of the outputs floor: on a shared machine steadier than its wall time. */
  outputsFloorCpuSeconds: number;
  /** CPU seconds of the lean pipeline's steps (bench/leanPipeline.ts) on the same file. */
  leanCpuSeconds: Record<string, number>;
  /** CPU seconds of the same pipeline on the generator's sample, without the benchmark's customs file. */
  restCpuSeconds: number;
  /** Where the full run's time went, from its progress lines. */
  phases: Record<string, number>;
  fullSeconds: number;
  /** CPU seconds (all threads) of the full run's process. */
  fullCpuSeconds: number;
  noChangeSeconds: number;
  oneChangedSeconds: number;
  /** A changed extract that feeds the 5M-row trade mart (the district's enterprise-level customs records). */
  tradeChangedSeconds: number;
  peakRssMB: number;
}

/** Seconds per stage from the CLI's summary line ("stages: discover 0.1 s, land+stage 3.2 s, …"). */
export function phasesOf(out: string): Record<string, number> {
  const line = /^stages: (.*)$/m.exec(out)?.[1] ?? '';
  return Object.fromEntries([...line.matchAll(/([\w+]+) ([\d.]+) s/g)].map((m) => [m[1], Number(m[2])]));
}

function runCli(args: string[]): { seconds: number; rss: number; cpu: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', ...args, '--quiet'], {
    encoding: 'utf8',
    env: { ...process.env, PIPELINE_REPORT_RSS: '1' },
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`pipeline failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const rss = Number(/peak_rss_bytes=(\d+)/.exec(r.stdout)?.[1] ?? 0);
  const cpu = Number(/cpu_seconds=([\d.]+)/.exec(r.stdout)?.[1] ?? 0);
  return { seconds, rss, cpu, out: r.stdout };
}

/** The sample generator's output in `dir`, with a national customs file of `customsRows` rows when given. */
function generate(dir: string, customsRows?: number): void {
  const rowsArgs = customsRows ? ['--customs-rows', String(customsRows)] : [];
  const g = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/generate/cli.ts', '--out', dir, ...rowsArgs, '--encoding', 'utf-8'], { encoding: 'utf8' });
  if (g.status !== 0) throw new Error(`generator failed: ${g.stderr}`);
}

export async function benchPipeline(rows = Number(process.env.BENCH_ROWS ?? 5_000_000)): Promise<PipelineBench> {
  const work = resolve('bench/work');
  const raw = join(work, 'raw');
  const out = join(work, 'out');
  const cache = join(work, 'cache');
  rmSync(work, { recursive: true, force: true });
  // Generated on the fly, never committed: the sample plus one national customs file of about `rows` rows.
  // BENCH_RAW=DIR copies a folder generated so before instead (repeated runs; the copy is changed, not DIR).
  if (process.env.BENCH_RAW) cpSync(process.env.BENCH_RAW, raw, { recursive: true });
  else generate(raw, rows);
  const big = join(raw, 'customs_stats', 'national_import_bench.csv');
  const fileMB = statSync(big).size / 1e6;

  // Baseline: DuckDB alone loading the same rows into a table (auto-detected CSV, as a developer would), and, for
  // context, DuckDB alone converting them to ZSTD Parquet.
  const { instance, conn } = await openDuck();
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const c0 = cpu();
  const t0 = performance.now();
  await conn.run(`CREATE TABLE raw AS SELECT * FROM read_csv('${big}', header = true)`);
  const baselineSeconds = (performance.now() - t0) / 1000;
  const baselineCpu = cpu() - c0;
  const [{ n }] = await all<{ n: number }>(conn, 'SELECT count(*) AS n FROM raw');
  const t1 = performance.now();
  await conn.run(`COPY (SELECT * FROM read_csv('${big}', header = true)) TO '${join(work, 'baseline.parquet')}' (FORMAT parquet, COMPRESSION zstd)`);
  const parquetBaselineSeconds = (performance.now() - t1) / 1000;
  const c2 = cpu();
  const t2 = performance.now();
  await conn.run(`COPY raw TO '${join(work, 'floor.parquet')}' (FORMAT parquet, COMPRESSION zstd)`);
  await conn.run(`ATTACH '${join(work, 'floor.duckdb')}' AS floor; CREATE TABLE floor.raw AS FROM raw; DETACH floor`);
  const outputsFloorSeconds = baselineSeconds + (performance.now() - t2) / 1000;
  const outputsFloorCpuSeconds = baselineCpu + cpu() - c2;
  conn.closeSync();
  instance.closeSync();

  // The lower bound of issue 10's ratio: the lean pipeline on the big file, in a fresh database with the floor's
  // settings, plus the real pipeline on every other input (which any full run also builds).
  const lean = await openDuck();
  const leanCpuSeconds = await runLeanPipeline(lean.conn, big, work, cpu);
  lean.conn.closeSync();
  lean.instance.closeSync();
  // Everything else: the generator's sample without the big file (its own national import file is a few thousand
  // rows). Leaving the big file out of this folder would not do: the district's trade would then exceed the nation's
  // and the build's checks would stop it.
  const rawRest = join(work, 'raw_rest');
  generate(rawRest);
  const rest = runCli(['--raw', rawRest, '--out', join(work, 'out_rest'), '--cache', join(work, 'cache_rest'), '--force']);

  const full = runCli(['--raw', raw, '--out', out, '--cache', cache, '--force']);
  const noChange = runCli(['--raw', raw, '--out', out, '--cache', cache]);
  if (!noChange.out.includes('Up to date')) throw new Error('no-change rebuild did not detect the unchanged inputs');
  // One changed extract: a firm's headcount in the per-firm employment file.
  const hc = join(raw, 'employment', 'panyu_firm_headcount.csv');
  const lines = readFileSync(hc, 'utf8').split('\n');
  lines[1] = lines[1].replace(/,(\d+)\s*$/, (_m, v) => `,${Number(v) + 1}`);
  writeFileSync(hc, lines.join('\n'));
  const changed = runCli(['--raw', raw, '--out', out, '--cache', cache]);
  if (!existsSync(join(out, 'catalog.json'))) throw new Error('no output');
  // A change that reaches the big trade mart: the last record of the enterprise-level customs CSV removed.
  const ecDir = join(raw, 'enterprise_customs');
  const ec = join(ecDir, readdirSync(ecDir).find((n) => n.endsWith('.csv'))!);
  const ecLines = readFileSync(ec).toString('latin1').replace(/\r?\n$/, '').split(/\r?\n/);
  writeFileSync(ec, Buffer.from(ecLines.slice(0, -1).join('\r\n') + '\r\n', 'latin1'));
  const tradeChanged = runCli(['--raw', raw, '--out', out, '--cache', cache]);
  rmSync(work, { recursive: true, force: true });
  return {
    rows: Number(n),
    fileMB,
    baselineSeconds,
    parquetBaselineSeconds,
    outputsFloorSeconds,
    outputsFloorCpuSeconds,
    leanCpuSeconds,
    restCpuSeconds: rest.cpu,
    phases: phasesOf(full.out),
    fullSeconds: full.seconds,
    fullCpuSeconds: full.cpu,
    noChangeSeconds: noChange.seconds,
    oneChangedSeconds: changed.seconds,
    tradeChangedSeconds: tradeChanged.seconds,
    peakRssMB: Math.max(full.rss, changed.rss, tradeChanged.rss) / 1e6,
  };
}

export function pipelineMarkdown(b: PipelineBench): string {
  const r = (x: number) => x.toFixed(2);
  const lean = Object.values(b.leanCpuSeconds).reduce((a, x) => a + x, 0);
  const floor = b.outputsFloorCpuSeconds;
  return [
    `| figure | value | target |`,
    `|---|---|---|`,
    `| customs extract | ${b.rows.toLocaleString('en')} rows, ${b.fileMB.toFixed(0)} MB UTF-8 | 5M rows |`,
    `| raw DuckDB \`CREATE TABLE … AS SELECT * FROM read_csv(…)\` of the same file (baseline) | ${r(b.baselineSeconds)} s | |`,
    `| (context) raw DuckDB CSV → ZSTD Parquet of the same file | ${r(b.parquetBaselineSeconds)} s = ${r(b.parquetBaselineSeconds / b.baselineSeconds)} × baseline | |`,
    `| (context) raw DuckDB producing the outputs the pipeline must publish for these rows: the baseline, then the table's ZSTD Parquet file and its copy in a DuckDB file | ${r(b.outputsFloorSeconds)} s = ${r(b.outputsFloorSeconds / b.baselineSeconds)} × baseline | |`,
    `| full pipeline (generate excluded) | ${r(b.fullSeconds)} s = **${r(b.fullSeconds / b.baselineSeconds)} × baseline** | ≤ 1.3 × |`,
    `| full pipeline ÷ the outputs floor (issue 10) | wall ${r(b.fullSeconds / b.outputsFloorSeconds)} ×; CPU ${r(b.fullCpuSeconds)} s ÷ ${r(b.outputsFloorCpuSeconds)} s = ${r(b.fullCpuSeconds / b.outputsFloorCpuSeconds)} × | ≤ 3 × |`,
    `| (lower bound, CPU) the lean pipeline on the same file (bench/leanPipeline.ts: ${LEAN_STEPS.map((st) => `${st.name} ${r(b.leanCpuSeconds[st.name])} s`).join(', ')}) | ${r(lean)} s = ${r(lean / floor)} × floor | |`,
    `| (lower bound, CPU) the pipeline on the generator's sample without that file (the rest of any full run) | ${r(b.restCpuSeconds)} s = ${r(b.restCpuSeconds / floor)} × floor | |`,
    `| (lower bound, CPU) lean + the rest: a pipeline doing only the lean steps on that file and this pipeline's work on the rest | ${r(lean + b.restCpuSeconds)} s = **${r((lean + b.restCpuSeconds) / floor)} × floor** | |`,
    `| no-change rebuild | ${r(b.noChangeSeconds)} s = **${((100 * b.noChangeSeconds) / b.fullSeconds).toFixed(1)} % of full** | ≤ 5 % |`,
    `| one changed extract (per-firm headcounts) | ${r(b.oneChangedSeconds)} s = **${((100 * b.oneChangedSeconds) / b.fullSeconds).toFixed(1)} % of full** | ≤ 20 % |`,
    `| (context) a changed extract that feeds the trade mart (the district's enterprise customs records) | ${r(b.tradeChangedSeconds)} s = ${((100 * b.tradeChangedSeconds) / b.fullSeconds).toFixed(1)} % of full | |`,
    `| peak memory (pipeline process RSS) | ${b.peakRssMB.toFixed(0)} MB | ≤ 2 GB |`,
    ``,
    `Full run by phase (s): ${Object.entries(b.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const b = await benchPipeline();
  console.log(pipelineMarkdown(b));
  if (process.env.BENCH_APPEND) appendFileSync(process.env.BENCH_APPEND, pipelineMarkdown(b) + '\n');
}
