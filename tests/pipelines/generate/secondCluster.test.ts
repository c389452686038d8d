// The second shipped cluster's sample comes from the same generator, told by its own sample profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample } from '../../../pipelines/generate/generate.ts';
import { loadSampleContext } from '../../../pipelines/generate/profile.ts';
import { locateCluster } from '../../../pipelines/activeCluster.ts';
import { decodeCsv } from './sampleReader.ts';

const where = locateCluster('shuibei-gold');
const sample = await generateSample({ context: loadSampleContext(where) });

test('the committed Shuibei sample is what the generator produces from its profile, and stays under 2 MB', () => {
  let total = 0;
  for (const [rel, bytes] of sample.files) {
    assert.ok(readFileSync(join(where.rawDir, rel)).equals(bytes), `${rel} differs: run CLUSTER=shuibei-gold npm run generate`);
    total += bytes.length;
  }
  assert.ok(total < 2e6, `${total} bytes`);
});

test('its files name its own district, products and firms, none of the default cluster', () => {
  const texts = [...sample.files].filter(([rel]) => /\.(csv|json)$/.test(rel)).map(([rel, b]) => [rel, decodeCsv(b).text] as const);
  for (const [rel, t] of texts) assert.doesNotMatch(t, /番禺|Panyu|钻石|diamond|沙湾|Shawan/i, rel);
  const codes = new Set([...sample.model.levels.nation.values()].map((c) => c.product.hs8.slice(0, 4)));
  assert.deepEqual([...codes].sort(), ['7108', '7113', '7114']);
  const registry = texts.find(([rel]) => rel.endsWith('registry_licence_fields.csv'))![1];
  assert.match(registry, /深圳市罗湖区/);
  assert.match(registry, /^91440303/m, 'USCCs registered in Luohu (440303)');
  const national = texts.find(([rel]) => rel.startsWith('customs_stats/national_import'))![1];
  assert.match(national, /71081200/);
  const sources = JSON.parse(texts.find(([rel]) => rel === 'sources.json')![1]).sources as { id: string }[];
  assert.ok(!sources.some((s) => s.id === 'kp_production'), 'no Kimberley Process files are declared');
});

test('the story: gold comes in under processing trade, the lead processors shrink', () => {
  let processing = 0;
  let all = 0;
  for (const c of sample.model.levels.district.values()) {
    if (c.product.family !== 'gold' || c.flow !== 'import') continue;
    all += c.value;
    if (c.mode !== 'general') processing += c.value;
  }
  assert.ok(all > 0 && processing === all);
  const lead = (y: number) => sample.firms.filter((f) => f.role === 'lead' && f.staff[y] !== undefined);
  assert.ok(lead(2013).length > lead(2025).length);
  assert.equal(Math.max(...lead(2013).map((f) => f.staff[2013])), 4000);
});
