// The plan's keys are derived from what each step is made of. Editing any module in a step's import closure makes
// that step stale (and everything downstream of it), and leaves every other step fresh; the keys are re-made
// with a reader that hands back the edited text, so the checkout is never touched.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { makePlan, REPO_ROOT, type Planned } from '../../../pipelines/plan/makePlan.ts';
import { planSteps } from '../../../pipelines/plan/steps.ts';
import { diskReader, withEdits } from '../../../pipelines/plan/codeReader.ts';
import { decideFreshness } from '../../../pipelines/plan/freshness.ts';
import { FileHasher } from '../../../pipelines/incremental.ts';
import type { BuildPlan } from '../../../pipelines/plan/types.ts';

let planned: Planned;
before(async () => {
  planned = await makePlan(
    { rawDir: 'data/raw', outDir: join(REPO_ROOT, '.cache', 'no-such-output'), configPath: 'data/cluster.json', referenceDir: 'data/reference', cacheDir: null, force: false },
    { hasher: new FileHasher(null) },
  );
});

/** The steps a change to the given steps reaches: them and every step after one of them, transitively. */
function downstream(plan: BuildPlan, changed: Set<string>): Set<string> {
  const out = new Set(changed);
  for (const s of plan.steps) if (s.after.some((a) => out.has(a))) out.add(s.id);
  return out;
}

function edit(path: string): BuildPlan {
  const abs = join(REPO_ROOT, path);
  const text = diskReader.read(abs)!.toString();
  return planSteps(planned.facts, withEdits(diskReader, { [abs]: text + '\n// edited\n' }));
}

test('every step has a key and code; a source kind\'s step reaches its adapter\'s helpers through imports', () => {
  const { plan } = planned;
  for (const s of plan.steps) {
    assert.match(s.key, /^[0-9a-f]{64}$/, s.id);
    assert.ok(s.code.length > 0, `${s.id} has code`);
  }
  const registry = plan.steps.find((s) => s.id === 'stage:registry')!;
  for (const m of ['pipelines/sources/registry.ts', 'pipelines/sources/shared/records.ts', 'pipelines/stage.ts', 'pipelines/steps/stageKind.ts']) {
    assert.ok(registry.code.includes(m), `stage:registry's code includes ${m}`);
  }
  assert.ok(!registry.code.includes('pipelines/sources/kimberley.ts'), 'another adapter is not part of it');
  assert.ok(!registry.code.includes('pipelines/run.ts'), 'nor the runner');
  // Every source kind has its own adapter module (found from sources/index.ts, not from a list).
  for (const kind of planned.facts.kinds) assert.ok(planned.facts.adapterModules[kind], `adapter module of ${kind}`);
});

test('editing any module a step imports makes that step and its downstream stale, and no other step', () => {
  const { plan } = planned;
  const modules = [...new Set(plan.steps.flatMap((s) => s.code))].sort();
  assert.ok(modules.length > 30, `${modules.length} modules`);
  for (const m of modules) {
    const edited = edit(m);
    const reached = downstream(plan, new Set(plan.steps.filter((s) => s.code.includes(m)).map((s) => s.id)));
    for (const s of plan.steps) {
      const stale = edited.keys[s.id] !== plan.keys[s.id];
      assert.equal(stale, reached.has(s.id), `editing ${m}: ${s.id} should be ${reached.has(s.id) ? 'stale' : 'fresh'}`);
    }
  }
});

test('editing one adapter makes its kind and the marts reading it stale, not the other kinds or marts', () => {
  const { plan } = planned;
  const edited = edit('pipelines/sources/kimberley.ts');
  const stale = (id: string) => edited.keys[id] !== plan.keys[id];
  assert.ok(stale('stage:kimberley'));
  assert.ok(stale('mart:mart_global_kp'));
  assert.ok(stale('mart:mart_global_kp_reconciliation'), 'through mart_global_kp');
  assert.ok(!stale('stage:registry'));
  assert.ok(!stale('mart:mart_trade_monthly'));
  assert.ok(!stale('mart:mart_enterprises'));
  // Shared helpers reach every kind that reads through them.
  const shared = edit('pipelines/sources/shared/records.ts');
  for (const kind of ['registry', 'kimberley', 'customs_stats']) assert.notEqual(shared.keys[`stage:${kind}`], plan.keys[`stage:${kind}`], kind);
});

test('a changed SQL file, input or configuration reaches exactly what reads it', () => {
  const { plan, facts } = planned;
  // A mart's SQL is read when the models are listed: its text in the facts is what its key covers.
  const models = facts.models.map((m) => (m.name === 'mart_enterprises' ? { ...m, sql: m.sql + '\n' } : m));
  const bySql = planSteps({ ...facts, models }, diskReader);
  const reached = downstream(plan, new Set(['mart:mart_enterprises']));
  for (const s of plan.steps) assert.equal(bySql.keys[s.id] !== plan.keys[s.id], reached.has(s.id), `mart SQL edit: ${s.id}`);
  assert.ok(!reached.has('mart:mart_trade_monthly') && reached.has('publish'));

  const registryFile = facts.files.find((f) => f.tableKinds.includes('registry'))!;
  const files = facts.files.map((f) => (f === registryFile ? { ...f, hash: 'changed' } : f));
  const byInput = planSteps({ ...facts, files }, diskReader);
  const fromInput = downstream(plan, new Set(['stage:registry']));
  for (const s of plan.steps) {
    if (s.id === 'publish') continue;
    assert.equal(byInput.keys[s.id] !== plan.keys[s.id], fromInput.has(s.id), `input edit: ${s.id}`);
  }

  const byConfig = planSteps(facts, withEdits(diskReader, { [facts.configPath]: diskReader.read(facts.configPath)!.toString() + ' ' }));
  for (const s of plan.steps) if (s.after.includes('setup')) assert.notEqual(byConfig.keys[s.id], plan.keys[s.id], `config edit: ${s.id}`);
  assert.equal(byConfig.keys.detect, plan.keys.detect, 'recognising files does not read the configuration');
});

test('the reason names what changed: a module, an upstream step', () => {
  const { plan } = planned;
  const record = { keys: plan.keys, parts: Object.fromEntries(plan.steps.map((s) => [s.id, s.parts])) };
  const edited = edit('pipelines/sources/shared/records.ts');
  decideFreshness(edited, { force: false, record, has: (s) => plan.keys[s.id] === s.key });
  const reason = (id: string) => edited.steps.find((s) => s.id === id)!.reason;
  assert.equal(reason('stage:registry'), 'stale: pipelines/sources/shared/records.ts changed');
  assert.match(reason('mart:mart_enterprises'), /^stale: (.*, )?stage:registry(, .*)? changed$/);
  assert.equal(reason('mart:mart_export_cms').startsWith('stale: '), true);
  assert.equal(reason('setup'), 'fresh');
  decideFreshness(edited, { force: true, record, has: () => true });
  assert.equal(reason('setup'), 'stale: --force');
});

test('a staged table is freed after the last mart reading it, unless a check reads it', () => {
  const { plan } = planned;
  const marts = plan.steps.filter((s) => s.kind === 'mart');
  const checkReads = new Set(plan.steps.filter((s) => s.kind === 'check').flatMap((s) => s.reads));
  for (const kind of planned.facts.kinds) {
    const table = `stg_${kind}`;
    const readers = marts.filter((m) => m.reads.includes(table));
    const freers = marts.filter((m) => m.frees.includes(table));
    if (!readers.length || checkReads.has(table)) assert.equal(freers.length, 0, table);
    else assert.deepEqual(freers.map((m) => m.id), [readers.at(-1)!.id], table);
  }
});
