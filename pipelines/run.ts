// The pipeline: discover → detect and land → load → stage → reconcile → marts → checks → publish.
// Side effects the caller may want to see or control (progress, failure injection in tests) are passed in.
import { existsSync, readFileSync, readdirSync, rmSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { loadClusterConfig } from './config.ts';
import { createConfigTables } from './configTables.ts';
import { martsForCluster, schemaForCluster } from './clusterModels.ts';
import { loadReferenceTables, publishedReferenceTables, REFERENCE_TABLES } from './reference.ts';
import { discoverFiles, readDeclarations, tablesOf } from './discover.ts';
import { ADAPTERS, detectAdapter } from './sources/index.ts';
import { StructuralError, SOURCE_KINDS, type Adapter, type InputTable, type SourceDeclaration, type SourceKind } from './sources/types.ts';
import { createLandingTable, createQuarantineTable, dropLanding, dropUnreadColumns, landTable, loadMacros, runStaging } from './stage.ts';
import { buildMart, listMartModels } from './marts.ts';
import { checkKey, martKeys, modelDependencies, readPreviousBuild, reusable } from './plan.ts';
import { inputsFingerprint, recordBuild } from './upToDate.ts';
import { customChecks, declaredChecks, describeFailingRow, loadSchema, runChecks, undocumentedColumns, type CheckResult, type CheckSql, type TableSchema } from './checks.ts';
import { FileHasher, hashTree, sha256 } from './incremental.ts';
import { columnsToKeep, consumersOf, readStageCache, stageCacheFiles, writeStageCache, type StageCacheFiles } from './stageCache.ts';
import { all, exec, ident, lit, openDuck, type Conn } from './lib/duck.ts';
import { prepareStagingDir, recoverInterruptedPublish, swapIn, discardStaging } from './publish/atomicDir.ts';
import { checkId, publish, type FileReconciliation, type PublishTable, type UsdBasisCount } from './publish/publish.ts';
import { usdConversionOf } from './usdConversion.ts';
import { REFERENCE_DOCS, QUARANTINE_DOC } from './publish/extraDocs.ts';
import { createCoverageTable, keySql, markCompletePeriods } from './completeness.ts';
import { findUnmatchedNames } from './nameMatches.ts';

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

export class ReconciliationError extends Error {}
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

const PIPELINES_DIR = new URL('.', import.meta.url).pathname;

/**
 * Hash of the pipeline code that every published table depends on: everything under pipelines/ except the
 * per-table parts (mart SQL, custom checks, table documentation), which are in each table's own key, and the
 * sample generator, which is not part of a build.
 */
function codeKey(configPath: string, referenceDir: string): string {
  const perTable = new Set(['models', 'checks', 'generate', 'README.md']);
  const shared = readdirSync(PIPELINES_DIR).filter((n) => !perTable.has(n)).sort().map((n) => join(PIPELINES_DIR, n));
  const models = ['staging', 'macros'].map((n) => join(PIPELINES_DIR, 'models', n));
  return hashTree([...shared, ...models, configPath, referenceDir]);
}

interface FileTables {
  path: string;
  relPath: string;
  declaration: SourceDeclaration;
  hash: string;
  /** The kinds its tables were recognised as. */
  kinds: SourceKind[];
  /** The tables themselves, read only when a kind of this file is rebuilt (reading a workbook is slow). */
  tables: { table: InputTable; adapter: Adapter }[] | null;
}

async function readTables(path: string, relPath: string): Promise<{ table: InputTable; adapter: Adapter }[]> {
  const tables = await tablesOf(path, relPath);
  const matched = tables.map((table) => ({ table, adapter: detectAdapter(table) })).filter((x): x is { table: InputTable; adapter: Adapter } => x.adapter !== null);
  if (matched.length === 0) {
    const t = tables[0];
    throw new StructuralError(
      relPath,
      `no known extract format recognises this header: [${(t?.header ?? []).slice(0, 12).join(', ')}]. Expected one of: ${ADAPTERS.map((a) => a.label.en).join('; ')}`,
    );
  }
  return matched;
}

/**
 * Finds every extract and the kinds it holds. What a file was recognised as is remembered by content hash
 * (with the file hashes), so an unchanged workbook is not parsed again just to be recognised.
 */
async function detectFiles(rawDir: string, hasher: FileHasher, progress: RunEffects['progress']): Promise<FileTables[]> {
  const out: FileTables[] = [];
  // Recognition depends on the adapters' code as well as on the file.
  const note = `kinds:${hashTree([join(PIPELINES_DIR, 'sources'), join(PIPELINES_DIR, 'discover.ts')]).slice(0, 16)}`;
  const found = discoverFiles(rawDir);
  for (const [i, f] of found.entries()) {
    const hash = await hasher.hash(f.path);
    const known = hasher.note(hash, note) as SourceKind[] | undefined;
    let tables: FileTables['tables'] = null;
    let kinds = known;
    if (!kinds) {
      tables = await readTables(f.path, f.relPath);
      kinds = [...new Set(tables.map((m) => m.adapter.kind))];
      hasher.setNote(hash, note, kinds);
    }
    out.push({ path: f.path, relPath: f.relPath, declaration: f.declaration, hash, kinds, tables });
    progress?.('discover', `${f.relPath} → ${kinds.join(', ')}`, { done: i + 1, total: found.length });
  }
  return out;
}

/** Loads, stages and reconciles one kind, or takes it from the cache (its entry is written once every kind is staged). */
async function buildKind(
  conn: Conn,
  adapter: Adapter,
  files: FileTables[],
  ctx: { config: ReturnType<typeof loadClusterConfig>; workDir: string; cache: StageCacheFiles | null; force: boolean },
  progress: RunEffects['progress'],
): Promise<{ cached: boolean; reconciliation: FileReconciliation[] }> {
  const kind = adapter.kind;
  const entry = ctx.cache && !ctx.force ? readStageCache(ctx.cache) : null;
  if (ctx.cache && entry) {
    // A view: a kind taken from the cache is read only if a model that needs it is rebuilt.
    await exec(conn, `CREATE OR REPLACE VIEW ${ident('stg_' + kind)} AS SELECT * FROM read_parquet(${lit(ctx.cache.rows)})`);
    await exec(conn, `INSERT INTO quarantine SELECT * FROM read_parquet(${lit(ctx.cache.quarantine)})`);
    return { cached: true, reconciliation: entry.reconciliation };
  }
  await createLandingTable(conn, adapter);
  const rowsIn = new Map<string, { sourceId: string; rows: number }>();
  let n = 0;
  for (const f of files) {
    if (!f.kinds.includes(kind)) continue;
    f.tables ??= await readTables(f.path, f.relPath);
    for (const { table, adapter: a } of f.tables) {
      if (a.kind !== kind) continue;
      const t0 = Date.now();
      const landCtx = { config: ctx.config, workDir: ctx.workDir, declaration: f.declaration, landingPath: join(ctx.workDir, `landing-${kind}-${++n}.csv`) };
      const { landed, direct } = await landTable(conn, a, table, landCtx);
      rowsIn.set(table.relPath, { sourceId: f.declaration.id, rows: landed.rowsIn });
      progress?.('land', `${table.relPath}: ${landed.rowsIn.toLocaleString('en')} rows${direct ? ', parsed by DuckDB' : ''} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  }
  await runStaging(conn, adapter);
  const reconciliation = await reconcileKind(conn, kind, rowsIn);
  await dropLanding(conn, kind);
  return { cached: false, reconciliation };
}

/** rows in = loaded + quarantined, per file; a mismatch means a row was lost and fails the run. */
async function reconcileKind(conn: Conn, kind: SourceKind, rowsIn: Map<string, { sourceId: string; rows: number }>): Promise<FileReconciliation[]> {
  const loaded = new Map((await all<{ f: string; n: number }>(conn, `SELECT _file AS f, count(*) AS n FROM ${ident('stg_' + kind)} GROUP BY 1`)).map((r) => [r.f, Number(r.n)]));
  const q = await all<{ f: string; rule: string; n: number }>(conn, `SELECT file AS f, rule, count(*) AS n FROM quarantine WHERE kind = ${lit(kind)} GROUP BY 1, 2`);
  const hasCheck = (await all(conn, `SELECT 1 FROM information_schema.columns WHERE table_name = ${lit('stg_' + kind)} AND column_name = 'uscc_check_ok'`)).length > 0;
  const warn = hasCheck
    ? new Map((await all<{ f: string; n: number }>(conn, `SELECT _file AS f, count(*) AS n FROM ${ident('stg_' + kind)} WHERE uscc_check_ok = false GROUP BY 1`)).map((r) => [r.f, Number(r.n)]))
    : new Map<string, number>();
  // How each file's USD values were obtained (staging's usd_basis): recorded with the reconciliation, so a kind
  // taken from the cache still reports it, and the catalog can say per table which conversion was used.
  const hasBasis = (await all(conn, `SELECT 1 FROM information_schema.columns WHERE table_name = ${lit('stg_' + kind)} AND column_name = 'usd_basis'`)).length > 0;
  const basis = new Map<string, Record<string, UsdBasisCount>>();
  if (hasBasis) {
    const rows = await all<{ f: string; b: string; n: number; y0: number | null; y1: number | null }>(
      conn,
      `SELECT _file AS f, coalesce(usd_basis, 'none') AS b, count(*) AS n, min(year) AS y0, max(year) AS y1 FROM ${ident('stg_' + kind)} GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    for (const r of rows) (basis.get(r.f) ?? basis.set(r.f, {}).get(r.f)!)[r.b] = { rows: Number(r.n), fromYear: r.y0 === null ? null : Number(r.y0), toYear: r.y1 === null ? null : Number(r.y1) };
  }
  const out: FileReconciliation[] = [];
  const problems: string[] = [];
  for (const [file, { sourceId, rows }] of [...rowsIn].sort(([a], [b]) => a.localeCompare(b))) {
    const byRule: Record<string, number> = {};
    for (const r of q.filter((x) => x.f === file).sort((a, b) => a.rule.localeCompare(b.rule))) byRule[r.rule] = Number(r.n);
    const quarantined = Object.values(byRule).reduce((a, b) => a + b, 0);
    const l = loaded.get(file) ?? 0;
    if (l + quarantined !== rows) problems.push(`${file}: ${rows} rows in, ${l} loaded + ${quarantined} quarantined = ${l + quarantined}`);
    const rec: FileReconciliation = { sourceId, kind, file, rowsIn: rows, loaded: l, quarantined, byRule, warnings: warn.get(file) ? { uscc_check_failed: warn.get(file)! } : {} };
    if (basis.has(file)) rec.usdBasis = basis.get(file);
    out.push(rec);
  }
  if (problems.length) throw new ReconciliationError(`Rows do not reconcile (a row was lost or counted twice):\n  ${problems.join('\n  ')}`);
  return out;
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
  const config = loadClusterConfig(configPath);
  const models = martsForCluster(listMartModels(), config);
  const schema = schemaForCluster(loadSchema(), models, config);
  const hasher = new FileHasher(cacheDir ? join(cacheDir, 'file-hashes.json') : null);
  // Taken before anything is read, so a file changed during the run makes the next run build again.
  const fingerprint = inputsFingerprint({ rawDir: opts.rawDir, outDir, configPath, referenceDir });

  beforeStage('discover');
  progress?.('discover', opts.rawDir);
  const declarations = readDeclarations(opts.rawDir);
  const files = await detectFiles(opts.rawDir, hasher, progress);
  hasher.save();

  // What each kind's staged tables depend on; the build as a whole also depends on marts, checks and publishing.
  const stagingCode = hashTree([join(PIPELINES_DIR, 'sources'), join(PIPELINES_DIR, 'stage.ts'), join(PIPELINES_DIR, 'lib'), join(PIPELINES_DIR, 'models', 'staging'), join(PIPELINES_DIR, 'models', 'macros'), join(PIPELINES_DIR, 'configTables.ts'), join(PIPELINES_DIR, 'reference.ts'), configPath, referenceDir]);
  const kindKeys: Record<string, string> = {};
  for (const kind of SOURCE_KINDS) {
    const mine = files
      .filter((f) => f.kinds.includes(kind))
      .map((f) => `${f.relPath}\t${f.hash}\t${JSON.stringify(f.declaration)}`);
    kindKeys[kind] = sha256([stagingCode, kind, ...mine].join('\n'));
  }
  const buildKey = sha256([hashTree([PIPELINES_DIR]), ...SOURCE_KINDS.map((k) => kindKeys[k])].join('\n'));
  const buildFile = join(outDir, 'build.json');
  if (!opts.force && existsSync(buildFile)) {
    try {
      if (JSON.parse(readFileSync(buildFile, 'utf8')).buildKey === buildKey) {
        progress?.('publish', 'nothing changed: output is up to date');
        if (cacheDir) recordBuild(cacheDir, outDir, fingerprint);
        return { status: 'up-to-date', outDir, files: [], kinds: [], checks: [], seconds: (Date.now() - t0) / 1000, stageSeconds };
      }
    } catch {
      /* an unreadable build.json means: rebuild */
    }
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
      const kindProgress: RunEffects['progress'] = progress && ((stage, detail) => progress(stage, detail, count));
      const cache = cacheDir ? stageCacheFiles(cacheDir, adapter.kind, kindKeys[adapter.kind], consumersOf(adapter.kind, models)) : null;
      const r = await buildKind(conn, adapter, files, { config, workDir, cache, force: !!opts.force }, kindProgress);
      reconciliation.push(...r.reconciliation);
      if (cache && r.cached) cachedViews.set(`stg_${adapter.kind}`, cache.rows);
      if (!r.cached) staged.push({ kind: adapter.kind, cache, reconciliation: r.reconciliation });
      kinds.push({ kind: adapter.kind, cached: r.cached, seconds: (Date.now() - k0) / 1000 });
      progress?.('stage', `${adapter.kind}: ${r.cached ? 'unchanged, from cache' : `staged (${((Date.now() - k0) / 1000).toFixed(1)} s)`}`, { done: i + 1, total: ADAPTERS.length });
    }

    // Once every kind is staged (so that the marts reading one can be bound), each keeps only the columns those
    // marts read, and is cached so.
    for (const c of staged) {
      const keep = await columnsToKeep(conn, c.kind, consumersOf(c.kind, models).map((m) => m.sql));
      await dropUnreadColumns(conn, c.kind, keep);
      if (c.cache) await writeStageCache(conn, c.kind, c.cache, keep, c.reconciliation);
    }

    beforeStage('marts');
    // Tables whose key matches the previous build's are read from the previous output (a view over its Parquet,
    // read only if a rebuilt model needs it) instead of being built, checked and written again.
    // --force still lets an unchanged warehouse.duckdb be kept (builds stay byte-identical), but reuses no table.
    const lastBuild = readPreviousBuild(outDir);
    const previous = opts.force ? { ...lastBuild, tables: {}, checks: {} } : lastBuild;
    const keyInputs = { codeKey: codeKey(configPath, referenceDir), configKey: hashTree([configPath, referenceDir]), kindKeys };
    const tableKeys: Record<string, string> = martKeys(models.map((m) => ({ ...m, sql: keySql(m.sql, schema.tables[m.name]?.periods), doc: schema.tables[m.name] })), keyInputs);
    for (const r of REFERENCE_TABLES) tableKeys[r.table] = sha256([keyInputs.codeKey, keyInputs.configKey, r.table].join('\n'));
    tableKeys.quality_quarantine = sha256([keyInputs.codeKey, ...SOURCE_KINDS.map((k) => kindKeys[k])].join('\n'));
    // A staged kind's rows are freed once no later model and no check reads them: memory the remaining marts and
    // publishing then have without spilling.
    const custom = customChecks();
    const checkReads = new Set(custom.flatMap((c) => modelDependencies(c.sql)));
    const lastReader = new Map<string, number>();
    for (const [i, m] of models.entries()) for (const d of modelDependencies(m.sql)) if (d.startsWith('stg_')) lastReader.set(d, i);
    const freeStaged = async (afterModel: number) => {
      for (const [table, last] of lastReader) {
        if (last !== afterModel || checkReads.has(table)) continue;
        await exec(conn, `DROP VIEW IF EXISTS ${ident(table)}; DROP TABLE IF EXISTS ${ident(table + '__all')}`);
        lastReader.delete(table);
      }
    };
    for (const [i, m] of models.entries()) {
      const count = { done: i + 1, total: models.length };
      if (reusable(previous, m.name, tableKeys[m.name])) {
        await exec(conn, `CREATE OR REPLACE VIEW ${ident(m.name)} AS SELECT * FROM read_parquet(${lit(join(previous.dir, 'tables', `${m.name}.parquet`))})`);
        progress?.('marts', `${m.name}: unchanged`, count);
      } else {
        progress?.('marts', m.name, { done: i, total: models.length });
        // A cached kind this model reads is loaded once into memory: models scan their inputs several times, and
        // each scan of the Parquet view would decode the whole file again.
        for (const dep of modelDependencies(m.sql)) {
          const file = cachedViews.get(dep);
          if (!file) continue;
          await exec(conn, `CREATE TABLE ${ident(dep + '__all')} AS SELECT * FROM read_parquet(${lit(file)}); CREATE OR REPLACE VIEW ${ident(dep)} AS SELECT * FROM ${ident(dep + '__all')}`);
          cachedViews.delete(dep);
        }
        await buildMart(conn, m, schema.tables[m.name]?.order);
        const periods = schema.tables[m.name]?.periods;
        if (periods) await markCompletePeriods(conn, m.name, periods, schema.tables[m.name]?.order);
        progress?.('marts', `${m.name}: built`, count);
      }
      await freeStaged(i);
    }

    beforeStage('checks');
    // A check is re-run when anything it reads was rebuilt; otherwise the previous build's (passing) result stands.
    const checkSqls = [...declaredChecks(schema), ...custom];
    const checkKeys: Record<string, string> = {};
    const toRun: CheckSql[] = [];
    const carried: CheckResult[] = [];
    for (const c of checkSqls) {
      const key = checkKey(c.sql, tableKeys, keyInputs);
      checkKeys[checkId(c)] = key;
      const prev = previous.checks[checkId(c)];
      if (prev && prev.key === key && prev.passed) carried.push({ name: c.name, table: c.table, passed: true, failingRows: 0, sample: [] });
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
    for (const kind of SOURCE_KINDS) await exec(conn, `DROP VIEW IF EXISTS ${ident('stg_' + kind)}; DROP TABLE IF EXISTS ${ident('stg_' + kind + '__all')}`);
    await exec(conn, `CREATE OR REPLACE TABLE quality_quarantine AS SELECT * FROM quarantine`);
    for (const r of REFERENCE_TABLES) await exec(conn, `ALTER TABLE ${r.table} RENAME TO ${r.table}__tmp; CREATE TABLE ${r.table} AS SELECT * FROM ${r.table}__tmp; DROP TABLE ${r.table}__tmp`);
    const entry = (name: string, doc: TableSchema, layer: string, sorted: boolean): PublishTable => ({
      name,
      doc,
      layer,
      key: tableKeys[name],
      sorted,
      reuse: reusable(previous, name, tableKeys[name]),
    });
    const tables: PublishTable[] = [
      ...Object.entries(schema.tables).map(([name, doc]) => ({ ...entry(name, doc, 'mart', true), usdConversion: usdConversionOf(name, doc, models, reconciliation) })),
      ...publishedReferenceTables(config.sourceKinds).map((r) => entry(r.table, REFERENCE_DOCS[r.table] as TableSchema, 'reference', false)),
      entry('quality_quarantine', QUARANTINE_DOC, 'quality', false),
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
      buildKey,
      qualitySections,
    });
    const rewritten = tables.filter((t) => !t.reuse).length;
    progress?.('publish', `${rewritten} table(s) written, ${tables.length - rewritten} unchanged`, { done: tables.length, total: tables.length });
    beforeStage('swap');
    swapIn(stagingDir, outDir);
    stagingDir = null;
    if (cacheDir) recordBuild(cacheDir, outDir, fingerprint);
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
