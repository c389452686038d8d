// The pipeline: discover → detect and land → load → stage → reconcile → marts → checks → publish.
// Side effects the caller may want to see or control (progress, failure injection in tests) are passed in.
import { rmSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { createConfigTables } from './configTables.ts';
import { loadReferenceTables, publishedReferenceTables } from './reference.ts';
import { ADAPTERS } from './sources/index.ts';
import type { SourceKind } from './sources/types.ts';
import { createQuarantineTable, loadMacros } from './stage.ts';
import { inputsFingerprint, recordBuild } from './upToDate.ts';
import { describeFailingRow, runChecks, undocumentedColumns, type CheckResult, type CheckSql } from './checks.ts';
import { FileHasher } from './incremental.ts';
import { consumersOf, type StageCacheFiles } from './stageCache.ts';
import { all, exec, ident, openDuck } from './lib/duck.ts';
import { prepareStagingDir, recoverInterruptedPublish, swapIn, discardStaging } from './publish/atomicDir.ts';
import { checkId, publish, type FileReconciliation, type PublishTable } from './publish/publish.ts';
import { martTable, prepareNonMartTables, quarantineTable, referenceTable } from './steps/publishTable.ts';
import { createCoverageTable } from './completeness.ts';
import { findUnmatchedNames } from './nameMatches.ts';
import { makePlan } from './plan/makePlan.ts';
import { writePlanRecord } from './plan/record.ts';
import { readTables } from './steps/detect.ts';
import { buildKind, narrowAndCache, ReconciliationError } from './steps/stageKind.ts';
import { freeStaged, reuseMart, runMart } from './steps/mart.ts';

export interface RunOptions {
  rawDir: string;
  outDir: string;
  configPath?: string;
  referenceDir?: string;
  /** Folder for incremental-build caches; null disables caching. */
  cacheDir?: string | null;
  /** Rebuild everything, ignoring caches. */
  force?: boolean;
}

export type Stage = 'discover' | 'land' | 'stage' | 'reconcile' | 'marts' | 'checks' | 'publish' | 'swap';

export interface RunEffects {
  /** Progress: a stage starts, or a file/model within it is done (count: how far through the stage). */
  progress?(stage: Stage, detail: string, count?: { done: number; total: number }): void;
  /** Test hook: called as each stage starts; throwing here simulates a failure mid-run. */
  beforeStage?(stage: Stage): void;
}

export interface KindSummary {
  kind: SourceKind;
  cached: boolean;
  seconds: number;
}

export interface RunSummary {
  status: 'built' | 'up-to-date';
  outDir: string;
  files: FileReconciliation[];
  kinds: KindSummary[];
  checks: CheckResult[];
  seconds: number;
  /** Seconds spent per stage (discover, land and stage, marts, checks, publish and swap). */
  stageSeconds: Record<string, number>;
}

export { ReconciliationError };
export class CheckFailedError extends Error {
  constructor(readonly failed: CheckResult[]) {
    super(
      'Data checks failed:\n' +
        failed
          .map((c) => `  ${c.table} ${c.name}: ${c.failingRows} failing row(s)\n` + c.sample.slice(0, 5).map((r) => '      ' + describeFailingRow(c, r)).join('\n'))
          .join('\n'),
    );
    this.name = 'CheckFailedError';
  }
}

export async function runPipeline(opts: RunOptions, effects: RunEffects = {}): Promise<RunSummary> {
  const t0 = Date.now();
  const { progress } = effects;
  // Each stage's start closes the previous stage's time.
  const stageSeconds: Record<string, number> = {};
  let current: { stage: string; at: number } | null = null;
  const mark = (stage: Stage | 'done') => {
    const now = Date.now();
    if (current) stageSeconds[current.stage] = (stageSeconds[current.stage] ?? 0) + (now - current.at) / 1000;
    current = { stage: stage === 'land' ? 'land+stage' : stage === 'swap' ? 'publish' : stage, at: now };
  };
  const beforeStage = (stage: Stage) => {
    mark(stage);
    effects.beforeStage?.(stage);
  };
  const configPath = opts.configPath ?? 'data/cluster.json';
  const referenceDir = opts.referenceDir ?? 'data/reference';
  const outDir = resolve(opts.outDir);
  // Before anything reads the output (the previous build's keys) or can fail.
  recoverInterruptedPublish(outDir);
  const cacheDir = opts.cacheDir === undefined ? resolve('.cache/pipeline') : opts.cacheDir && resolve(opts.cacheDir);
  const hasher = new FileHasher(cacheDir ? join(cacheDir, 'file-hashes.json') : null);
  // Taken before anything is read, so a file changed during the run makes the next run build again.
  const fingerprint = inputsFingerprint({ rawDir: opts.rawDir, outDir, configPath, referenceDir });

  beforeStage('discover');
  const planned = await makePlan(
    { rawDir: opts.rawDir, outDir, configPath, referenceDir, cacheDir, force: !!opts.force },
    { hasher, progress: progress && ((detail, count) => progress('discover', detail, count)) },
  );
  hasher.save();
  const { plan, config, models, schema, declarations, files, stageCaches } = planned;
  const step = (id: string) => plan.steps.find((s) => s.id === id)!;
  if (!opts.force && step('publish').fresh) {
    progress?.('publish', 'nothing changed: output is up to date');
    if (cacheDir) recordBuild(cacheDir, outDir, fingerprint);
    return { status: 'up-to-date', outDir, files: [], kinds: [], checks: [], seconds: (Date.now() - t0) / 1000, stageSeconds };
  }

  const workDir = mkdtempSync(join(tmpdir(), 'pipeline-'));
  // In memory, spilling to the work folder beyond the limit: a file database would compress and write every
  // intermediate table, which cost more than spilling the few that do not fit. The limit keeps the whole process
  // (DuckDB's own allocations and Node included) under 2 GB on a 5M-row extract.
  // PIPELINE_KEEP_DB=1 builds in a file instead and keeps it, for profiling a model by hand; PIPELINE_MEMORY_LIMIT
  // overrides the limit.
  const keepDb = !!process.env.PIPELINE_KEEP_DB;
  const { instance, conn } = await openDuck(keepDb ? join(workDir, 'build.duckdb') : ':memory:', {
    memory_limit: process.env.PIPELINE_MEMORY_LIMIT ?? '1000MB',
    temp_directory: join(workDir, 'spill'),
    // Freed memory goes back to the system in the background: without it, memory released by one big statement
    // was still held when the next allocated its own, and the process peaked between 1.7 and 2.3 GB on the 5M-row
    // benchmark instead of 1.5–1.7 GB.
    allocator_background_threads: 'true',
  });
  let stagingDir: string | null = null;
  try {
    await createConfigTables(conn, config);
    await loadReferenceTables(conn, referenceDir, { ref_division: config.divisionsFile });
    await loadMacros(conn);
    await createQuarantineTable(conn);
    await createCoverageTable(conn);

    beforeStage('land');
    const reconciliation: FileReconciliation[] = [];
    const kinds: KindSummary[] = [];
    /** Kinds taken from the cache, still views over their Parquet file. */
    const cachedViews = new Map<string, string>();
    /** Kinds staged in this build (not taken from the cache). */
    const staged: { kind: SourceKind; cache: StageCacheFiles | null; reconciliation: FileReconciliation[] }[] = [];
    for (const [i, adapter] of ADAPTERS.entries()) {
      const k0 = Date.now();
      const count = { done: i, total: ADAPTERS.length };
      const cache = stageCaches[adapter.kind];
      const r = await buildKind(conn, adapter, files, { config, workDir, cache, force: !!opts.force, readTables }, progress && ((stage, detail) => progress(stage, detail, count)));
      reconciliation.push(...r.reconciliation);
      if (cache && r.cached) cachedViews.set(`stg_${adapter.kind}`, cache.rows);
      if (!r.cached) staged.push({ kind: adapter.kind, cache, reconciliation: r.reconciliation });
      kinds.push({ kind: adapter.kind, cached: r.cached, seconds: (Date.now() - k0) / 1000 });
      progress?.('stage', `${adapter.kind}: ${r.cached ? 'unchanged, from cache' : `staged (${((Date.now() - k0) / 1000).toFixed(1)} s)`}`, { done: i + 1, total: ADAPTERS.length });
    }

    // Once every kind is staged, each keeps only the columns the marts reading it use, and is cached so.
    for (const c of staged) await narrowAndCache(conn, c.kind, consumersOf(c.kind, models).map((m) => m.sql), c.cache, c.reconciliation);

    beforeStage('marts');
    // A fresh mart is read from the previous output (a view over its Parquet, read only if a rebuilt model needs
    // it) instead of being built, checked and written again. --force still lets an unchanged warehouse.duckdb be
    // kept (builds stay byte-identical), but reuses no table.
    const previous = opts.force ? { ...planned.previous, tables: {}, checks: {} } : planned.previous;
    const tableKeys: Record<string, string> = {};
    for (const s of plan.steps) if (s.kind === 'mart' || s.kind === 'table') tableKeys[s.id.slice(s.id.indexOf(':') + 1)] = s.key;
    for (const [i, m] of models.entries()) {
      const s = step(`mart:${m.name}`);
      const count = { done: i + 1, total: models.length };
      if (s.fresh) {
        await reuseMart(conn, m.name, previous.dir);
        progress?.('marts', `${m.name}: unchanged`, count);
      } else {
        progress?.('marts', m.name, { done: i, total: models.length });
        await runMart(conn, m, schema.tables[m.name], cachedViews);
        progress?.('marts', `${m.name}: built`, count);
      }
      // A staged kind's rows are freed once no later model and no check reads them: memory the remaining marts
      // and publishing then have without spilling.
      await freeStaged(conn, s.frees);
    }

    beforeStage('checks');
    // A check is re-run when anything it reads was rebuilt; otherwise the previous build's (passing) result stands.
    const checkSqls = planned.checks;
    const checkKeys: Record<string, string> = {};
    const toRun: CheckSql[] = [];
    const carried: CheckResult[] = [];
    for (const c of checkSqls) {
      const s = step(`check:${checkId(c)}`);
      checkKeys[checkId(c)] = s.key;
      if (s.fresh) carried.push({ name: c.name, table: c.table, passed: true, failingRows: 0, sample: [] });
      else toRun.push(c);
    }
    const ran = await runChecks(conn, toRun);
    const byId = new Map([...ran, ...carried].map((r) => [checkId(r), r]));
    const checks = [...checkSqls.map((c) => byId.get(checkId(c))!), ...(await undocumentedColumns(conn, schema))];
    const failed = checks.filter((c) => !c.passed);
    if (failed.length) throw new CheckFailedError(failed);
    progress?.('checks', `${checks.length} checks passed (${ran.length} run, ${carried.length} unchanged)`, { done: checks.length, total: checks.length });

    // Names with no Chinese or English form are listed in the quality report (not a failure: the rows keep their
    // figures and the site labels them as not recognised).
    const unmatchedNames = await findUnmatchedNames(conn);
    if (unmatchedNames.length) progress?.('checks', `${unmatchedNames.length} name(s) not recognised (quality report: name_unmatched)`);

    beforeStage('publish');
    // Staged rows are no longer needed once marts and checks are done: free their memory for publishing.
    await freeStaged(conn, ADAPTERS.map((a) => `stg_${a.kind}`));
    await prepareNonMartTables(conn);
    // A table step's result is reused when it is fresh (its files and catalog entry from the previous output).
    const fresh = (id: string) => !opts.force && step(id).fresh;
    const tables: PublishTable[] = [
      ...Object.entries(schema.tables).map(([name, doc]) => martTable(name, doc, tableKeys[name], fresh(`mart:${name}`), models, reconciliation)),
      ...publishedReferenceTables(config.sourceKinds).map((r) => referenceTable(r.table, tableKeys[r.table], fresh(`table:${r.table}`))),
      quarantineTable(tableKeys.quality_quarantine, fresh('table:quality_quarantine')),
    ];
    const filesBySource: Record<string, string[]> = {};
    for (const f of files) (filesBySource[f.declaration.id] ??= []).push(f.relPath);
    const qualitySections: Record<string, { table: string; title: unknown; rows: Record<string, unknown>[] }[]> = {};
    for (const [name, doc] of Object.entries(schema.tables)) {
      if (!doc.qualitySection) continue;
      const rows = await all(conn, `SELECT ${doc.qualityColumns ? doc.qualityColumns.map(ident).join(', ') : '*'} FROM ${ident(name)} ORDER BY ${doc.order?.length ? doc.order.map(ident).join(', ') : 'ALL'}`);
      (qualitySections[doc.qualitySection] ??= []).push({ table: name, title: doc.title, rows });
    }
    stagingDir = prepareStagingDir(outDir);
    progress?.('publish', `${tables.filter((t) => !t.reuse).length} of ${tables.length} tables to write`, { done: 0, total: tables.length });
    await publish({
      conn,
      dir: stagingDir,
      previous,
      tables,
      declarations,
      filesBySource,
      reconciliation,
      checks,
      checkKeys,
      unmatchedNames,
      cluster: { id: config.id, name: config.name },
      buildKey: plan.buildKey,
      qualitySections,
    });
    const rewritten = tables.filter((t) => !t.reuse).length;
    progress?.('publish', `${rewritten} table(s) written, ${tables.length - rewritten} unchanged`, { done: tables.length, total: tables.length });
    beforeStage('swap');
    swapIn(stagingDir, outDir);
    stagingDir = null;
    if (cacheDir) {
      recordBuild(cacheDir, outDir, fingerprint);
      writePlanRecord(cacheDir, outDir, plan);
    }
    progress?.('publish', outDir);
    mark('done');
    return { status: 'built', outDir, files: reconciliation, kinds, checks, seconds: (Date.now() - t0) / 1000, stageSeconds };
  } finally {
    if (stagingDir) discardStaging(stagingDir);
    conn.closeSync();
    instance.closeSync();
    if (keepDb) process.stderr.write(`build database kept: ${join(workDir, 'build.duckdb')}\n`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}
