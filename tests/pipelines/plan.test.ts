// Table keys for incremental builds: a change reaches exactly the tables that read, directly or through other
// marts, what changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkKey, martKeys, modelDependencies } from '../../pipelines/plan.ts';
import { listMartModels } from '../../pipelines/marts.ts';

test('modelDependencies finds the tables a model reads, not words in its comments', () => {
  const sql = `-- built from stg_old_kind once\nSELECT * FROM stg_registry r JOIN mart_enterprises e USING (uscc) JOIN cfg_park p ON true, ref_hs`;
  assert.deepEqual(modelDependencies(sql), ['cfg_park', 'mart_enterprises', 'ref_hs', 'stg_registry']);
});

const base = { codeKey: 'code', configKey: 'config', kindKeys: { registry: 'r1', employment_firms: 'e1', customs_stats: 'c1' } };
const models = [
  { name: 'mart_a', sql: 'SELECT * FROM stg_registry' },
  { name: 'mart_b', sql: 'SELECT * FROM mart_a, stg_employment_firms' },
  { name: 'mart_c', sql: 'SELECT * FROM stg_customs_stats, cfg_region' },
];

test('a changed kind changes the keys of the marts that read it, directly or through another mart, and no others', () => {
  const k1 = martKeys(models, base);
  const k2 = martKeys(models, { ...base, kindKeys: { ...base.kindKeys, registry: 'r2' } });
  assert.notEqual(k2.mart_a, k1.mart_a);
  assert.notEqual(k2.mart_b, k1.mart_b, 'through mart_a');
  assert.equal(k2.mart_c, k1.mart_c);
  const k3 = martKeys(models, { ...base, configKey: 'config2' });
  assert.deepEqual([k3.mart_a === k1.mart_a, k3.mart_b === k1.mart_b, k3.mart_c === k1.mart_c], [true, true, false], 'config reaches cfg_ readers');
  const k4 = martKeys([models[0], { ...models[1], sql: models[1].sql + ' WHERE true' }, models[2]], base);
  assert.deepEqual([k4.mart_a === k1.mart_a, k4.mart_b === k1.mart_b], [true, false], 'a model’s own SQL');
  assert.notEqual(martKeys(models, { ...base, codeKey: 'code2' }).mart_c, k1.mart_c, 'shared code reaches everything');
});

test('a check key follows the tables it reads', () => {
  const keys = martKeys(models, base);
  const sql = 'SELECT * FROM mart_b WHERE x IS NULL';
  assert.equal(checkKey(sql, keys, base), checkKey(sql, { ...keys, mart_c: 'other' }, base));
  assert.notEqual(checkKey(sql, keys, base), checkKey(sql, { ...keys, mart_b: 'other' }, base));
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
