import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSample } from '../../../pipelines/generate/generate.ts';
import { readLevels, type Totals } from './levels.ts';

const sample = await generateSample();
const levels = await readLevels(sample.files);

function violations(child: Totals, parent: Totals): string[] {
  const out: string[] = [];
  for (const [k, v] of child) {
    const p = parent.get(k) ?? 0;
    if (v > p) out.push(`${k}: ${v.toFixed(2)} > ${p.toFixed(2)}`);
  }
  return out;
}

test('district ≤ Guangzhou ≤ Guangdong ≤ China for every month × HS code × flow, read from the files', () => {
  assert.deepEqual(violations(levels.district, levels.city).slice(0, 5), []);
  assert.deepEqual(violations(levels.city, levels.province).slice(0, 5), []);
  assert.deepEqual(violations(levels.province, levels.nation).slice(0, 5), []);
});

test('the comparison is not vacuous: every level has thousands of cells and the district is strictly inside', () => {
  for (const [name, t] of Object.entries(levels)) assert.ok(t.size > 1000, `${name} has ${t.size} cells`);
  const strictly = [...levels.district].filter(([k, v]) => v < (levels.city.get(k) ?? 0)).length;
  assert.ok(strictly > levels.district.size * 0.9);
  for (const flow of ['import', 'export']) assert.ok([...levels.district.keys()].some((k) => k.endsWith(flow)), flow);
});

test('the files hold the model: district files sum to the model district level (USD files exactly)', () => {
  let model = 0;
  let files = 0;
  for (const c of sample.model.levels.district.values()) {
    if (c.year > 2019) continue;
    model += c.value;
  }
  for (const [k, v] of levels.district) if (Number(k.slice(0, 4)) <= 2019) files += v;
  assert.equal(files, model);
});

test('a planted excess would be caught (the check can fail)', () => {
  const [k, v] = [...levels.district][0];
  const inflated = new Map(levels.district);
  inflated.set(k, (levels.city.get(k) ?? v) + 1);
  assert.equal(violations(inflated, levels.city).length, 1);
});
