// The stage step of one source kind: lands its files' tables, stages them (models/staging/stg_<kind>.sql) and
// reconciles rows in = loaded + quarantined per file; or takes the kind from the stage cache when its key matches.
import { join } from 'node:path';
import { createLandingTable, dropLanding, dropUnreadColumns, landTable, runStaging } from '../stage.ts';
import { columnsToKeep, readStageCache, writeStageCache, type StageCacheFiles } from '../stageCache.ts';
import { all, exec, ident, lit, type Conn } from '../lib/duck.ts';
import type { Adapter, SourceKind } from '../sources/types.ts';
import type { ClusterConfig } from '../config.ts';
import type { FileReconciliation, UsdBasisCount } from '../publish/publish.ts';
import type { FileTables, ReadTables } from './detect.ts';

export class ReconciliationError extends Error {}

type Progress = (stage: 'land', detail: string) => void;

/**
 * Loads, stages and reconciles one kind, or takes it from the cache (its entry is written once every kind is
 * staged). `readTables` reads a file's tables when detection took its kinds from memory.
 */
export async function buildKind(
  conn: Conn,
  adapter: Adapter,
  files: FileTables[],
  ctx: { config: ClusterConfig; workDir: string; cache: StageCacheFiles | null; force: boolean; readTables: ReadTables },
  progress?: Progress,
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
    f.tables ??= await ctx.readTables(f.path, f.relPath);
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

/**
 * Once every kind is staged (so that the marts reading one can be bound), a kind staged in this build keeps only
 * the columns those marts read, and is cached so.
 */
export async function narrowAndCache(conn: Conn, kind: SourceKind, consumerSqls: string[], cache: StageCacheFiles | null, reconciliation: FileReconciliation[]): Promise<void> {
  const keep = await columnsToKeep(conn, kind, consumerSqls);
  await dropUnreadColumns(conn, kind, keep);
  if (cache) await writeStageCache(conn, kind, cache, keep, reconciliation);
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
