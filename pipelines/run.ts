// The pipeline: discover → detect and land → load → stage → reconcile → marts → checks → publish.
// Side effects the caller may want to see or control (progress, failure injection in tests) are passed in.
import { existsSync, mkdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { loadClusterConfig } from './config.ts';
import { createConfigTables } from './configTables.ts';
import { loadReferenceTables, REFERENCE_TABLES } from './reference.ts';
import { discoverFiles, readDeclarations, tablesOf } from './discover.ts';
import { ADAPTERS, detectAdapter } from './sources/index.ts';
import { StructuralError, SOURCE_KINDS, type Adapter, type InputTable, type SourceDeclaration, type SourceKind } from './sources/types.ts';
import { createLandingTable, createQuarantineTable, loadLanding, loadMacros, runStaging } from './stage.ts';
import { runMarts, listMartModels } from './marts.ts';
import { customChecks, declaredChecks, loadSchema, runChecks, undocumentedColumns, type CheckResult, type TableSchema } from './checks.ts';
import { FileHasher, hashTree, sha256 } from './incremental.ts';
import { all, exec, ident, lit, openDuck, type Conn } from './lib/duck.ts';
import { prepareStagingDir, swapIn, discardStaging } from './publish/atomicDir.ts';
import { publish, type FileReconciliation, type PublishTable } from './publish/publish.ts';
import { REFERENCE_DOCS, QUARANTINE_DOC } from './publish/extraDocs.ts';

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
  /** Progress: a stage starts, or a file/model within it is done. */
  progress?(stage: Stage, detail: string): void;
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
}

export class ReconciliationError extends Error {}
export class CheckFailedError extends Error {
  constructor(readonly failed: CheckResult[]) {
    super(
      'Data checks failed:\n' +
        failed
          .map((c) => `  ${c.table} ${c.name}: ${c.failingRows} failing row(s)\n` + c.sample.slice(0, 5).map((r) => '      ' + JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))).join('\n'))
          .join('\n'),
    );
    this.name = 'CheckFailedError';
  }
}

const PIPELINES_DIR = new URL('.', import.meta.url).pathname;

interface FileTables {
  relPath: string;
  declaration: SourceDeclaration;
  hash: string;
  tables: { table: InputTable; adapter: Adapter }[];
}

async function detectFiles(rawDir: string, hasher: FileHasher, progress: RunEffects['progress']): Promise<FileTables[]> {
  const out: FileTables[] = [];
  for (const f of discoverFiles(rawDir)) {
    const tables = await tablesOf(f.path, f.relPath);
    const matched = tables.map((table) => ({ table, adapter: detectAdapter(table) })).filter((x): x is { table: InputTable; adapter: Adapter } => x.adapter !== null);
    if (matched.length === 0) {
      const t = tables[0];
      throw new StructuralError(
        f.relPath,
        `no known extract format recognises this header: [${(t?.header ?? []).slice(0, 12).join(', ')}]. Expected one of: ${ADAPTERS.map((a) => a.label.en).join('; ')}`,
      );
    }
    out.push({ relPath: f.relPath, declaration: f.declaration, hash: await hasher.hash(f.path), tables: matched });
    progress?.('discover', `${f.relPath} → ${[...new Set(matched.map((m) => m.adapter.kind))].join(', ')}`);
  }
  return out;
}

/** Loads, stages and reconciles one kind, or takes it from the cache. */
async function buildKind(
  conn: Conn,
  adapter: Adapter,
  files: FileTables[],
  ctx: { config: ReturnType<typeof loadClusterConfig>; workDir: string; cacheDir: string | null; key: string; force: boolean },
  progress: RunEffects['progress'],
): Promise<{ cached: boolean; reconciliation: FileReconciliation[] }> {
  const kind = adapter.kind;
  const cacheBase = ctx.cacheDir ? join(ctx.cacheDir, `${kind}-${ctx.key.slice(0, 16)}`) : null;
  if (cacheBase && !ctx.force && existsSync(cacheBase + '.json')) {
    await exec(conn, `CREATE OR REPLACE TABLE ${ident('stg_' + kind)} AS SELECT * FROM read_parquet(${lit(cacheBase + '.stg.parquet')})`);
    await exec(conn, `INSERT INTO quarantine SELECT * FROM read_parquet(${lit(cacheBase + '.quarantine.parquet')})`);
    progress?.('stage', `${kind}: unchanged, from cache`);
    return { cached: true, reconciliation: JSON.parse(readFileSync(cacheBase + '.json', 'utf8')) };
  }
  await createLandingTable(conn, adapter);
  const rowsIn = new Map<string, { sourceId: string; rows: number }>();
  let n = 0;
  for (const f of files) {
    for (const { table, adapter: a } of f.tables) {
      if (a.kind !== kind) continue;
      const t0 = Date.now();
      const landed = await a.land(table, { config: ctx.config, workDir: ctx.workDir, declaration: f.declaration, landingPath: join(ctx.workDir, `landing-${kind}-${++n}.csv`) });
      await loadLanding(conn, a, landed, f.declaration, table.relPath);
      rowsIn.set(table.relPath, { sourceId: f.declaration.id, rows: landed.rowsIn });
      if (landed.csvPath.startsWith(ctx.workDir)) rmSync(landed.csvPath, { force: true });
      progress?.('land', `${table.relPath}: ${landed.rowsIn.toLocaleString('en')} rows (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  }
  await runStaging(conn, adapter);
  const reconciliation = await reconcileKind(conn, kind, rowsIn);
  await exec(conn, `DROP TABLE IF EXISTS ${ident('landing_' + kind)}`);
  if (cacheBase) {
    mkdirSync(ctx.cacheDir!, { recursive: true });
    await exec(conn, `COPY ${ident('stg_' + kind)} TO ${lit(cacheBase + '.stg.parquet')} (FORMAT parquet, COMPRESSION zstd)`);
    await exec(conn, `COPY (SELECT * FROM quarantine WHERE kind = ${lit(kind)}) TO ${lit(cacheBase + '.quarantine.parquet')} (FORMAT parquet, COMPRESSION zstd)`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(cacheBase + '.json', JSON.stringify(reconciliation));
  }
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
  const out: FileReconciliation[] = [];
  const problems: string[] = [];
  for (const [file, { sourceId, rows }] of [...rowsIn].sort(([a], [b]) => a.localeCompare(b))) {
    const byRule: Record<string, number> = {};
    for (const r of q.filter((x) => x.f === file).sort((a, b) => a.rule.localeCompare(b.rule))) byRule[r.rule] = Number(r.n);
    const quarantined = Object.values(byRule).reduce((a, b) => a + b, 0);
    const l = loaded.get(file) ?? 0;
    if (l + quarantined !== rows) problems.push(`${file}: ${rows} rows in, ${l} loaded + ${quarantined} quarantined = ${l + quarantined}`);
    out.push({ sourceId, kind, file, rowsIn: rows, loaded: l, quarantined, byRule, warnings: warn.get(file) ? { uscc_check_failed: warn.get(file)! } : {} });
  }
  if (problems.length) throw new ReconciliationError(`Rows do not reconcile (a row was lost or counted twice):\n  ${problems.join('\n  ')}`);
  return out;
}

export async function runPipeline(opts: RunOptions, effects: RunEffects = {}): Promise<RunSummary> {
  const t0 = Date.now();
  const { progress, beforeStage } = effects;
  const configPath = opts.configPath ?? 'data/cluster.json';
  const referenceDir = opts.referenceDir ?? 'data/reference';
  const outDir = resolve(opts.outDir);
  const cacheDir = opts.cacheDir === undefined ? resolve('.cache/pipeline') : opts.cacheDir && resolve(opts.cacheDir);
  const config = loadClusterConfig(configPath);
  const schema = loadSchema();
  const hasher = new FileHasher(cacheDir ? join(cacheDir, 'file-hashes.json') : null);

  beforeStage?.('discover');
  progress?.('discover', opts.rawDir);
  const declarations = readDeclarations(opts.rawDir);
  const files = await detectFiles(opts.rawDir, hasher, progress);
  hasher.save();

  // What each kind's staged tables depend on; the build as a whole also depends on marts, checks and publishing.
  const stagingCode = hashTree([join(PIPELINES_DIR, 'sources'), join(PIPELINES_DIR, 'stage.ts'), join(PIPELINES_DIR, 'lib'), join(PIPELINES_DIR, 'models', 'staging'), join(PIPELINES_DIR, 'models', 'macros'), join(PIPELINES_DIR, 'configTables.ts'), join(PIPELINES_DIR, 'reference.ts'), configPath, referenceDir]);
  const kindKeys: Record<string, string> = {};
  for (const kind of SOURCE_KINDS) {
    const mine = files
      .filter((f) => f.tables.some((t) => t.adapter.kind === kind))
      .map((f) => `${f.relPath}\t${f.hash}\t${JSON.stringify(f.declaration)}`);
    kindKeys[kind] = sha256([stagingCode, kind, ...mine].join('\n'));
  }
  const buildKey = sha256([hashTree([PIPELINES_DIR]), ...SOURCE_KINDS.map((k) => kindKeys[k])].join('\n'));
  const buildFile = join(outDir, 'build.json');
  if (!opts.force && existsSync(buildFile)) {
    try {
      if (JSON.parse(readFileSync(buildFile, 'utf8')).buildKey === buildKey) {
        progress?.('publish', 'nothing changed: output is up to date');
        return { status: 'up-to-date', outDir, files: [], kinds: [], checks: [], seconds: (Date.now() - t0) / 1000 };
      }
    } catch {
      /* an unreadable build.json means: rebuild */
    }
  }

  const workDir = mkdtempSync(join(tmpdir(), 'pipeline-'));
  const { instance, conn } = await openDuck(join(workDir, 'build.duckdb'), { memory_limit: '1500MB', temp_directory: join(workDir, 'spill') });
  let stagingDir: string | null = null;
  try {
    await createConfigTables(conn, config);
    await loadReferenceTables(conn, referenceDir);
    await loadMacros(conn);
    await createQuarantineTable(conn);

    beforeStage?.('land');
    const reconciliation: FileReconciliation[] = [];
    const kinds: KindSummary[] = [];
    for (const adapter of ADAPTERS) {
      const k0 = Date.now();
      const r = await buildKind(conn, adapter, files, { config, workDir, cacheDir, key: kindKeys[adapter.kind], force: !!opts.force }, progress);
      reconciliation.push(...r.reconciliation);
      kinds.push({ kind: adapter.kind, cached: r.cached, seconds: (Date.now() - k0) / 1000 });
    }

    beforeStage?.('marts');
    await runMarts(conn, listMartModels(), (m) => progress?.('marts', m.name));

    beforeStage?.('checks');
    const checks = [...(await runChecks(conn, [...declaredChecks(schema), ...customChecks()])), ...(await undocumentedColumns(conn, schema))];
    const failed = checks.filter((c) => !c.passed);
    if (failed.length) throw new CheckFailedError(failed);
    progress?.('checks', `${checks.length} checks passed`);

    beforeStage?.('publish');
    await exec(conn, `CREATE OR REPLACE TABLE quality_quarantine AS SELECT * FROM quarantine`);
    for (const r of REFERENCE_TABLES) await exec(conn, `ALTER TABLE ${r.table} RENAME TO ${r.table}__tmp; CREATE TABLE ${r.table} AS SELECT * FROM ${r.table}__tmp; DROP TABLE ${r.table}__tmp`);
    const tables: PublishTable[] = [
      ...Object.entries(schema.tables).map(([name, doc]) => ({ name, doc, layer: 'mart' })),
      ...REFERENCE_TABLES.map((r) => ({ name: r.table, doc: REFERENCE_DOCS[r.table] as TableSchema, layer: 'reference' })),
      { name: 'quality_quarantine', doc: QUARANTINE_DOC, layer: 'quality' },
    ];
    const filesBySource: Record<string, string[]> = {};
    for (const f of files) (filesBySource[f.declaration.id] ??= []).push(f.relPath);
    stagingDir = prepareStagingDir(outDir);
    await publish({
      conn,
      dir: stagingDir,
      previousDir: outDir,
      tables,
      declarations,
      filesBySource,
      reconciliation,
      checks,
      cluster: { id: config.id, name: config.name },
      buildKey,
    });
    beforeStage?.('swap');
    swapIn(stagingDir, outDir);
    stagingDir = null;
    progress?.('publish', outDir);
    return { status: 'built', outDir, files: reconciliation, kinds, checks, seconds: (Date.now() - t0) / 1000 };
  } finally {
    if (stagingDir) discardStaging(stagingDir);
    conn.closeSync();
    instance.closeSync();
    rmSync(workDir, { recursive: true, force: true });
  }
}
