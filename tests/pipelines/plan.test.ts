// The tables a model reads, from its SQL: what chains the build plan's keys (tests/pipelines/plan/ tests the keys).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelDependencies } from '../../pipelines/plan.ts';
import { listMartModels } from '../../pipelines/marts.ts';

test('modelDependencies finds the tables a model reads, not words in its comments', () => {
  const sql = `-- built from stg_old_kind once\nSELECT * FROM stg_registry r JOIN mart_enterprises e USING (uscc) JOIN cfg_park p ON true, ref_hs`;
  assert.deepEqual(modelDependencies(sql), ['cfg_park', 'mart_enterprises', 'ref_hs', 'stg_registry']);
});

test('every real mart depends only on tables that exist before it (staged kinds, config, reference, earlier marts)', () => {
  const seen = new Set<string>();
  for (const m of listMartModels()) {
    for (const d of modelDependencies(m.sql)) {
      if (d.startsWith('mart_')) assert.ok(seen.has(d), `${m.name} reads ${d}, built before it`);
    }
    seen.add(m.name);
  }
});
