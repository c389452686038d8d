// Computes the build plan from configuration, inputs and code: loads the cluster's configuration, models and
// checks, recognises the input files (the detect step, remembered per file content), keys every step and decides
// which are fresh. Reads only: nothing is written (the caller saves the file hashes when it builds).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadClusterConfig, type ClusterConfig } from '../config.ts';
import { martsForCluster, schemaForCluster } from '../clusterModels.ts';
import { listMartModels, type Model } from '../marts.ts';
import { customChecks, declaredChecks, loadSchema, type CheckSql, type Schema } from '../checks.ts';
import { COMPLETENESS_DIR } from '../completeness.ts';
import { publishedReferenceTables } from '../reference.ts';
import { readDeclarations } from '../discover.ts';
import { consumersOf, readStageCache, stageCacheFiles, type StageCacheFiles } from '../stageCache.ts';
import { readPreviousBuild, reusable, type PreviousBuild } from '../plan.ts';
import { ADAPTERS } from '../sources/index.ts';
import type { SourceDeclaration } from '../sources/types.ts';
import type { FileHasher } from '../incremental.ts';
import { detectFiles, type FileTables } from '../steps/detect.ts';
import { checkId } from '../publish/publish.ts';
import { adapterModules } from './adapterModules.ts';
import { diskReader, type CodeReader } from './codeReader.ts';
import { detectStep, planSteps, type PlanFacts } from './steps.ts';
import { decideFreshness } from './freshness.ts';
import { readPlanRecord } from './record.ts';
import type { BuildPlan } from './types.ts';

export const PIPELINES_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_ROOT = resolve(PIPELINES_DIR, '..');

export interface PlanOptions {
  rawDir: string;
  outDir: string;
  configPath: string;
  referenceDir: string;
  cacheDir: string | null;
  force: boolean;
}

/** The plan and what was loaded to make it (run.ts builds from these). */
export interface Planned {
  plan: BuildPlan;
  /** What the steps were keyed from (a test re-keys them with edited code through planSteps). */
  facts: PlanFacts;
  config: ClusterConfig;
  models: Model[];
  schema: Schema;
  checks: CheckSql[];
  declarations: SourceDeclaration[];
  files: FileTables[];
  previous: PreviousBuild;
  /** Each kind's stage cache entry files (null without a cache folder). */
  stageCaches: Record<string, StageCacheFiles | null>;
}

function outputBuildKey(outDir: string): string | null {
  try {
    return JSON.parse(readFileSync(join(outDir, 'build.json'), 'utf8')).buildKey ?? null;
  } catch {
    return null;
  }
}

export async function makePlan(
  o: PlanOptions,
  ctx: { hasher: FileHasher; read?: CodeReader; progress?: (detail: string, count?: { done: number; total: number }) => void },
): Promise<Planned> {
  const read = ctx.read ?? diskReader;
  const config = loadClusterConfig(o.configPath);
  const models = martsForCluster(listMartModels(), config);
  const schema = schemaForCluster(loadSchema(), models, config);
  const checks = [...declaredChecks(schema), ...customChecks()];
  ctx.progress?.(o.rawDir);
  const declarations = readDeclarations(o.rawDir);
  const detect = detectStep({ root: REPO_ROOT, pipelinesDir: PIPELINES_DIR }, read);
  const { files, parsed } = await detectFiles(o.rawDir, ctx.hasher, detect.key, ctx.progress);

  const facts: PlanFacts = {
    root: REPO_ROOT,
    pipelinesDir: PIPELINES_DIR,
    configPath: resolve(o.configPath),
    referenceDir: resolve(o.referenceDir),
    kinds: ADAPTERS.map((a) => a.kind),
    adapterModules: await adapterModules(join(PIPELINES_DIR, 'sources', 'index.ts')),
    files: files.map((f) => ({ relPath: f.relPath, hash: f.hash, declaration: f.declaration, tableKinds: f.tableKinds })),
    models: models.map((m) => {
      const periods = schema.tables[m.name]?.periods;
      return { ...m, doc: schema.tables[m.name], sqlFiles: periods ? [join(COMPLETENESS_DIR, `${periods.coverage}.sql`), join(COMPLETENESS_DIR, 'rule.sql')] : [] };
    }),
    referenceTables: [...publishedReferenceTables(config.sourceKinds).map((r) => r.table), 'quality_quarantine'],
    checks: checks.map((c) => ({ id: checkId(c), sql: c.sql })),
  };
  const plan = planSteps(facts, read);

  const previous = readPreviousBuild(o.outDir);
  const stageCaches: Record<string, StageCacheFiles | null> = {};
  for (const kind of facts.kinds) stageCaches[kind] = o.cacheDir ? stageCacheFiles(o.cacheDir, kind, plan.keys[`stage:${kind}`], consumersOf(kind, models)) : null;
  const record = readPlanRecord(o.cacheDir, o.outDir);
  const lastBuildKey = outputBuildKey(o.outDir);
  decideFreshness(plan, {
    force: o.force,
    record,
    hasOutput: lastBuildKey !== null,
    has: (s) => {
      const name = s.id.slice(s.id.indexOf(':') + 1);
      switch (s.kind) {
        case 'detect':
          return parsed === 0;
        case 'setup':
          return record?.keys.setup === s.key;
        case 'stage':
          return !!stageCaches[name] && readStageCache(stageCaches[name]!) !== null;
        case 'mart':
        case 'table':
          return reusable(previous, name, s.key);
        case 'check': {
          const p = previous.checks[name];
          return !!p && p.key === s.key && p.passed;
        }
        case 'publish':
          return lastBuildKey === s.key;
      }
    },
  });
  const detect0 = plan.steps[0];
  if (!detect0.fresh && !o.force && !record) detect0.reason = `stale: ${parsed} of ${files.length} file(s) not recognised under this code before`;
  return { plan, facts, config, models, schema, checks, declarations, files, previous, stageCaches };
}
