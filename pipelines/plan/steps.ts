// The steps of a build and their keys, derived from what they are made of: a step's key hashes every module in
// the import closure of its entry modules, its SQL, the inputs and configuration it reads, and the keys of the
// steps that made the tables it reads (found in its SQL by `modelDependencies`). No list says which code affects
// which step: a new adapter, helper, mart or check is found by the walk and the folder listings.
// Pure: files are read through the CodeReader passed in.
import { relative, join } from 'node:path';
import { sha256 } from '../incremental.ts';
import { modelDependencies } from '../plan.ts';
import { importClosure } from './importGraph.ts';
import type { CodeReader } from './codeReader.ts';
import type { BuildPlan, Step, StepKind } from './types.ts';

/**
 * The modules that carry out each kind of step (relative to pipelines/); run.ts calls a step's work only through
 * them, and the import walk adds everything they use. A source kind's step also starts at its adapter's module.
 */
export const STEP_ENTRIES: Record<StepKind, string[]> = {
  detect: ['steps/detect.ts'],
  setup: ['configTables.ts', 'reference.ts', 'config.ts'],
  stage: ['steps/stageKind.ts'],
  mart: ['steps/mart.ts', 'steps/publishTable.ts', 'publish/publish.ts'],
  table: ['steps/publishTable.ts', 'publish/publish.ts'],
  check: ['checks.ts'],
  publish: ['run.ts'],
};

/** One input file as detection found it: the kind of each of its tables (null: a table no adapter takes). */
export interface DetectedFile {
  relPath: string;
  hash: string;
  declaration: unknown;
  tableKinds: (string | null)[];
}

export interface PlanFacts {
  /** The repository root: parts are named relative to it. */
  root: string;
  pipelinesDir: string;
  configPath: string;
  referenceDir: string;
  /** The source kinds, in detection order, and the module holding each one's adapter. */
  kinds: string[];
  adapterModules: Record<string, string>;
  files: DetectedFile[];
  /**
   * Mart models in build order: `sql` as it is built for the cluster, `doc` its schema.json entry, `sqlFiles` the
   * other SQL it is built with (its coverage model and the completeness rule).
   */
  models: { name: string; file: string; sql: string; doc: unknown; sqlFiles: string[] }[];
  /** Published tables that are not marts: reference tables and the quarantine. */
  referenceTables: string[];
  checks: { id: string; sql: string }[];
}

function hashPart(b: Buffer | string): string {
  return sha256(b).slice(0, 16);
}

/** The key of the detect step alone: needed before the files are recognised (it names what was remembered). */
export function detectStep(f: Pick<PlanFacts, 'root' | 'pipelinesDir'>, read: CodeReader): Step {
  return makeStep(f.root, read, { id: 'detect', kind: 'detect', reads: [], writes: [], after: [], entries: STEP_ENTRIES.detect.map((e) => join(f.pipelinesDir, e)), files: [], extra: {} }, {});
}

interface StepSpec {
  id: string;
  kind: StepKind;
  reads: string[];
  writes: string[];
  after: string[];
  /** Entry modules (absolute). */
  entries: string[];
  /** Other files whose contents are part of the key (absolute; a missing one counts as absent). */
  files: string[];
  /** Parts that are not files (inputs, documentation, model SQL as built). */
  extra: Record<string, string>;
}

/** Reads each file once per plan; the import closure of each distinct set of entry modules is walked once. */
function memoised(r: CodeReader): CodeReader & { closures: Map<string, string[]> } {
  const files = new Map<string, Buffer | string | null>();
  const lists = new Map<string, string[]>();
  return {
    read: (p) => (files.has(p) ? files.get(p)! : (files.set(p, r.read(p)), files.get(p)!)),
    list: (d) => lists.get(d) ?? (lists.set(d, r.list(d)), lists.get(d)!),
    closures: new Map(),
  };
}

function closureOf(entries: string[], read: CodeReader & { closures?: Map<string, string[]> }): string[] {
  const id = entries.join('\n');
  const known = read.closures?.get(id);
  if (known) return known;
  const code = importClosure(entries, read);
  read.closures?.set(id, code);
  return code;
}

function makeStep(root: string, read: CodeReader, s: StepSpec, keys: Record<string, string>): Step {
  const name = (p: string) => relative(root, p);
  const code = closureOf(s.entries, read);
  const parts: Record<string, string> = {};
  for (const p of [...code, ...s.files]) {
    const text = read.read(p);
    if (text !== null) parts[name(p)] = hashPart(text);
  }
  Object.assign(parts, s.extra);
  const after = [...new Set(s.after)].filter((a) => a in keys).sort();
  const key = sha256(
    [s.id, ...Object.keys(parts).sort().map((k) => `${k}=${parts[k]}`), ...after.map((a) => `after ${a}=${keys[a]}`)].join('\n'),
  );
  return { id: s.id, kind: s.kind, reads: s.reads, writes: s.writes, after, code: code.map(name), parts, key, fresh: false, reason: '', frees: [] };
}

/** The step that makes a table, for the tables SQL names. */
function producer(table: string, kinds: Set<string>, marts: Set<string>): string | null {
  if (table.startsWith('stg_') && kinds.has(table.slice(4))) return `stage:${table.slice(4)}`;
  if (marts.has(table)) return `mart:${table}`;
  if (table.startsWith('cfg_') || table.startsWith('ref_')) return 'setup';
  return null;
}

/** Every step of a build, in the order run.ts carries them out, with keys (freshness is decided later). */
export function planSteps(f: PlanFacts, reader: CodeReader): BuildPlan {
  const read = memoised(reader);
  const keys: Record<string, string> = {};
  const steps: Step[] = [];
  const add = (s: StepSpec) => {
    const step = makeStep(f.root, read, s, keys);
    keys[step.id] = step.key;
    steps.push(step);
    return step;
  };
  const abs = (p: string) => join(f.pipelinesDir, p);
  const models = join(f.pipelinesDir, 'models');

  add({ id: 'detect', kind: 'detect', reads: [], writes: [], after: [], entries: STEP_ENTRIES.detect.map(abs), files: [], extra: {} });
  add({
    id: 'setup',
    kind: 'setup',
    reads: [f.configPath, f.referenceDir],
    writes: ['cfg_*', 'ref_*', 'macros'],
    after: [],
    entries: STEP_ENTRIES.setup.map(abs),
    files: [f.configPath, ...read.list(f.referenceDir), ...read.list(join(models, 'macros')).filter((p) => p.endsWith('.sql'))],
    extra: {},
  });

  const kinds = new Set(f.kinds);
  for (const kind of f.kinds) {
    const inputs: Record<string, string> = {};
    const reads: string[] = [];
    for (const file of f.files) {
      const mine = file.tableKinds.flatMap((k, i) => (k === kind ? [i] : []));
      if (!mine.length) continue;
      reads.push(file.relPath);
      inputs[`input ${file.relPath}`] = hashPart([file.hash, JSON.stringify(file.declaration), mine.join(',')].join('\n'));
    }
    add({
      id: `stage:${kind}`,
      kind: 'stage',
      reads,
      writes: [`stg_${kind}`],
      after: ['setup'],
      // A kind whose adapter module is not known is keyed by every adapter's code.
      entries: [f.adapterModules[kind] ?? abs('sources/index.ts'), ...STEP_ENTRIES.stage.map(abs)],
      files: [join(models, 'staging', `stg_${kind}.sql`), join(models, 'staging', `stg_${kind}.post.sql`)],
      extra: inputs,
    });
  }

  const marts = new Set<string>();
  const martSteps: Step[] = [];
  for (const m of f.models) {
    const deps = modelDependencies(m.sql).filter((d) => d !== m.name);
    const step = add({
      id: `mart:${m.name}`,
      kind: 'mart',
      reads: deps,
      writes: [m.name],
      after: ['setup', ...deps.map((d) => producer(d, kinds, marts)).filter((x): x is string => !!x)],
      entries: STEP_ENTRIES.mart.map(abs),
      files: m.sqlFiles,
      extra: { [relative(f.root, m.file)]: hashPart(m.sql), [`schema.json ${m.name}`]: hashPart(JSON.stringify(m.doc ?? null)) },
    });
    martSteps.push(step);
    marts.add(m.name);
  }

  for (const t of f.referenceTables) {
    const fromStaging = t === 'quality_quarantine';
    add({
      id: `table:${t}`,
      kind: 'table',
      reads: fromStaging ? ['quarantine'] : [t],
      writes: [t],
      after: fromStaging ? f.kinds.map((k) => `stage:${k}`) : ['setup'],
      entries: STEP_ENTRIES.table.map(abs),
      files: [],
      extra: {},
    });
  }

  const checkReads = new Set<string>();
  for (const c of f.checks) {
    const deps = modelDependencies(c.sql);
    for (const d of deps) checkReads.add(d);
    add({
      id: `check:${c.id}`,
      kind: 'check',
      reads: deps,
      writes: [],
      after: deps.map((d) => producer(d, kinds, marts)).filter((x): x is string => !!x),
      entries: STEP_ENTRIES.check.map(abs),
      files: [],
      extra: { sql: hashPart(c.sql) },
    });
  }

  // A staged table is freed after the last mart that reads it, unless a check reads it too (then at publishing).
  const lastReader = new Map<string, Step>();
  for (const s of martSteps) for (const d of s.reads) if (d.startsWith('stg_')) lastReader.set(d, s);
  for (const [table, s] of lastReader) if (!checkReads.has(table)) s.frees.push(table);

  const publish = add({
    id: 'publish',
    kind: 'publish',
    reads: steps.flatMap((s) => s.writes.filter((w) => !w.startsWith('stg_') && !w.includes('*') && w !== 'macros')),
    writes: ['catalog.json', 'quality.json', 'tables/*', 'warehouse.duckdb', 'build.json'],
    after: steps.map((s) => s.id),
    entries: STEP_ENTRIES.publish.map(abs),
    files: [join(models, 'schema.json'), ...read.list(join(f.pipelinesDir, 'checks')).filter((p) => p.endsWith('.sql'))],
    extra: Object.fromEntries(f.files.map((x) => [`input ${x.relPath}`, hashPart([x.hash, JSON.stringify(x.declaration), x.tableKinds.join(',')].join('\n'))])),
  });
  return { steps, buildKey: publish.key, keys };
}
