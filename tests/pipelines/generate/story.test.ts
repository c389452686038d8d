// The calibration the dashboard's story depends on, checked on the generated files and firms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSample } from '../../../pipelines/generate/generate.ts';
import { readLevels, type Totals } from './levels.ts';

const sample = await generateSample();
const levels = await readLevels(sample.files);

const yearSum = (t: Totals, year: number, prefix: string) =>
  [...t].filter(([k]) => k.startsWith(String(year)) && k.split('|')[1].startsWith(prefix)).reduce((s, [, v]) => s + v, 0);

test('district ≈ 1/3 of China\'s diamond (7102) import+export around 2013, a few per cent by 2025', () => {
  const share = (y: number) => yearSum(levels.district, y, '7102') / yearSum(levels.nation, y, '7102');
  assert.ok(share(2013) > 0.28 && share(2013) < 0.38, `2013: ${share(2013)}`);
  assert.ok(share(2025) > 0.01 && share(2025) < 0.06, `2025: ${share(2025)}`);
  assert.ok(share(2019) < share(2016) && share(2016) < share(2013));
});

test('lab-grown trade rises in the district; processing trade dominates its diamond trade', async () => {
  assert.ok(yearSum(levels.district, 2025, '7104') > 5 * yearSum(levels.district, 2016, '7104'));
  let processing = 0;
  let all = 0;
  for (const c of sample.model.levels.district.values()) {
    if (c.product.family !== 'natural') continue;
    all += c.value;
    if (c.mode !== 'general') processing += c.value;
  }
  assert.ok(processing / all > 0.9);
});

test('20+ cutting firms around 2013, a handful by 2025; the largest from ~2,000 to ~200 staff', () => {
  const cutters = (y: number) => sample.firms.filter((f) => f.role === 'lead' && f.staff[y] !== undefined);
  assert.ok(cutters(2013).length >= 20);
  assert.ok(cutters(2025).length >= 3 && cutters(2025).length <= 7);
  const largest = (y: number) => Math.max(...cutters(y).map((f) => f.staff[y]));
  assert.ok(Math.abs(largest(2013) - 2000) <= 200);
  assert.ok(Math.abs(largest(2025) - 200) <= 50);
});

test('the committed sample stays under its size budget (data/raw < ~4 MB with the Kimberley files)', () => {
  const total = [...sample.files.values()].reduce((s, b) => s + b.length, 0);
  assert.ok(total < 3.6e6, `${total} bytes`);
});
