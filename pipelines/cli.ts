// `npm run pipeline [-- options]`: builds the warehouse from the raw extracts and publishes it.
// Exit codes: 0 built or up to date; 1 data checks or reconciliation failed; 2 an input file is unusable;
// 3 personal data found in the output; 64 bad command line; 70 internal error.
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import type { RunSummary } from './run.ts';
import { StructuralError } from './sources/types.ts';
import { ConfigError } from './config.ts';
import { inputsFingerprint, isUpToDate } from './upToDate.ts';
import { progressDisplay } from './progressDisplay.ts';
import { recoverInterruptedPublish } from './publish/atomicDir.ts';
import { locateCluster, UnknownClusterError } from './activeCluster.ts';

const HELP = `Usage: npm run pipeline -- [options]

Reads the extracts under the raw folder, validates and loads them into DuckDB, builds the marts and publishes
Parquet, CSV, JSON, a DuckDB database, catalog.json and quality.json into the output folder (atomically).

Options:
  --raw DIR       folder of raw extracts with its sources.json   (default: data/raw, or data/clusters/$CLUSTER/raw)
  --out DIR       published data folder                          (default: public/data)
  --config FILE   cluster configuration                          (default: data/cluster.json, or data/clusters/$CLUSTER/cluster.json)
  --cache DIR     incremental-build cache                        (default: .cache/pipeline)
  --no-cache      do not read or write the cache
  --force         rebuild everything even if nothing changed
  --plan          print the build plan (steps, keys, fresh or stale and why) and stop; writes nothing
  --quiet         print only the summary and errors
  -h, --help      this text

The environment variable CLUSTER=<id> picks a cluster shipped under data/clusters/<id>/ (see README).

Exit codes: 0 ok (built or up to date), 1 checks/reconciliation failed, 2 unusable input file,
3 personal data in the output, 64 usage error, 70 internal error.`;

function table(rows: string[][]): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  const pad = (s: string, n: number, right: boolean) => {
    const len = [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    return right ? ' '.repeat(n - len) + s : s + ' '.repeat(n - len);
  };
  return rows.map((r, j) => r.map((c, i) => pad(c, w[i], i > 0 && j > 0 && /^[\d,]+$/.test(c))).join('  ')).join('\n');
}

export function summaryTable(s: RunSummary): string {
  const rows = [['file', 'kind', 'rows in', 'loaded', 'quarantined']];
  for (const f of s.files) rows.push([f.file, f.kind, f.rowsIn.toLocaleString('en'), f.loaded.toLocaleString('en'), f.quarantined.toLocaleString('en')]);
  const kinds = s.kinds.map((k) => `${k.kind} ${k.cached ? '(cached)' : `${k.seconds.toFixed(1)} s`}`).join(', ');
  const stages = Object.entries(s.stageSeconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
  return `${table(rows)}\n\nkinds: ${kinds}\nstages: ${stages}\nchecks: ${s.checks.filter((c) => c.passed).length}/${s.checks.length} passed; total ${s.seconds.toFixed(1)} s → ${s.outDir}`;
}

// A closed pipe (`npm run pipeline | head`) must not stop the build: its output just goes nowhere.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

async function main(): Promise<number> {
  let args;
  let cluster;
  try {
    cluster = locateCluster();
  } catch (e) {
    if (!(e instanceof UnknownClusterError)) throw e;
    console.error(e.message);
    return 64;
  }
  try {
    args = parseArgs({
      options: {
        raw: { type: 'string', default: cluster.rawDir },
        out: { type: 'string', default: 'public/data' },
        config: { type: 'string', default: cluster.configPath },
        cache: { type: 'string', default: '.cache/pipeline' },
        'no-cache': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        plan: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${HELP}`);
    return 64;
  }
  const o = args.values;
  if (o.help) {
    console.log(HELP);
    return 0;
  }
  const started = Date.now();
  const upToDate = (out: string) => `Up to date: ${out} (nothing changed; --force rebuilds)`;
  let display: ReturnType<typeof progressDisplay> | null = null;
  if (o.plan) return printPlan(o);
  try {
    // A previous run killed inside the output swap left the previous output aside: put it back first.
    recoverInterruptedPublish(resolve(o.out!));
    // Asked before DuckDB and the workbook reader are even loaded: a no-change rebuild costs little more than Node.
    if (!o.force && !o['no-cache'] && isUpToDate(o.cache!, o.out!, inputsFingerprint({ rawDir: o.raw!, outDir: o.out!, configPath: o.config!, referenceDir: 'data/reference' }))) {
      console.log(upToDate(o.out!));
      return 0;
    }
    const { runPipeline } = await import('./run.ts');
    display = o.quiet ? null : progressDisplay(process.stdout, started);
    const summary = await runPipeline(
      { rawDir: o.raw!, outDir: o.out!, configPath: o.config!, cacheDir: o['no-cache'] ? null : o.cache!, force: o.force },
      { progress: display ? (stage, detail, count) => display!.update(stage, detail, count) : undefined },
    );
    display?.stop();
    console.log(summary.status === 'up-to-date' ? upToDate(summary.outDir) : summaryTable(summary));
    return 0;
  } catch (e) {
    display?.stop();
    return reportFailure(e);
  }
}

/** --plan: the plan as a build with these options would carry it out; reads only, writes nothing. */
async function printPlan(o: { raw?: string; out?: string; config?: string; cache?: string; 'no-cache'?: boolean; force?: boolean }): Promise<number> {
  try {
    const { makePlan } = await import('./plan/makePlan.ts');
    const { describePlan } = await import('./plan/describe.ts');
    const { FileHasher } = await import('./incremental.ts');
    const cacheDir = o['no-cache'] ? null : resolve(o.cache!);
    // The file hashes are read from the cache but not saved: --plan leaves the cache as it found it.
    const hasher = new FileHasher(cacheDir ? join(cacheDir, 'file-hashes.json') : null);
    const { plan } = await makePlan({ rawDir: o.raw!, outDir: resolve(o.out!), configPath: o.config!, referenceDir: 'data/reference', cacheDir, force: !!o.force }, { hasher });
    console.log(describePlan(plan));
    return 0;
  } catch (e) {
    return reportFailure(e);
  }
}

/** Prints why the run failed and gives the exit code for it (the documented set above). */
async function reportFailure(e: unknown): Promise<number> {
  if (e instanceof StructuralError || e instanceof ConfigError) {
    console.error(`Input error: ${e.message}`);
    return 2;
  }
  const { CheckFailedError, ReconciliationError } = await import('./run.ts');
  const { PersonalDataError } = await import('./publish/publish.ts');
  if (e instanceof CheckFailedError || e instanceof ReconciliationError) {
    console.error(e.message);
    return 1;
  }
  if (e instanceof PersonalDataError) {
    console.error(e.message);
    return 3;
  }
  console.error(e);
  return 70;
}

process.exitCode = await main();
// Benchmarks read the process's peak memory (DuckDB's native allocations included) and CPU seconds (every thread's:
// on a shared machine a steadier figure than wall time) from these lines.
if (process.env.PIPELINE_REPORT_RSS) {
  const u = process.resourceUsage();
  console.log(`peak_rss_bytes=${u.maxRSS * 1024}\ncpu_seconds=${((u.userCPUTime + u.systemCPUTime) / 1e6).toFixed(2)}`);
}
