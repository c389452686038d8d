// The calibration the dashboard's story depends on, checked on the generated files and firms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSample } from '../../../pipelines/generate/generate.ts';
import { readLevels, type Totals } from './levels.ts';
import { anyTable } from './sampleReader.ts';
import { PATHS } from '../../../pipelines/generate/sources.ts';

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

test('lab-grown processing trade is in the real formats: both processing modes, India partner rows, carats, peer places', async () => {
  const rowsOf = async (path: string) => {
    const t = await anyTable(path, sample.files.get(path)!);
    const col = (name: string) => t.header.findIndex((h) => h.trim() === name);
    return { t, col };
  };
  // National files: the HS 2022 lab-grown codes under 来料加工 (14) and 进料加工 (15), with India (111) as partner,
  // quantities in carats.
  const seen = new Set<string>();
  for (const path of [PATHS.nationalImport, PATHS.nationalExport]) {
    const { t, col } = await rowsOf(path);
    const [hs, partner, mode, unit] = ['商品编码', '贸易伙伴编码', '贸易方式名称', '第一计量单位'].map(col);
    for (const r of t.rows) {
      const code = r.cells[hs]?.trim();
      if (code !== '71042100' && code !== '71049100') continue;
      assert.equal(r.cells[unit], '克拉');
      seen.add(`${path.includes('import') ? 'import' : 'export'}|${code}|${r.cells[mode]}`);
      if (r.cells[partner]?.trim() === '111') seen.add(`${path.includes('import') ? 'import' : 'export'}|${code}|India`);
    }
  }
  for (const k of ['import|71042100|来料加工装配贸易', 'import|71042100|进料加工贸易', 'export|71049100|来料加工装配贸易', 'export|71049100|进料加工贸易', 'export|71042100|India', 'import|71049100|India']) {
    assert.ok(seen.has(k), k);
  }
  // The district's own records hold lab-grown rough brought in under both processing modes.
  const modes = new Set<string>();
  for (const path of [PATHS.enterpriseCsv, PATHS.enterpriseXlsx]) {
    const { t, col } = await rowsOf(path);
    for (const r of t.rows) if (r.cells[col('商品编码')]?.trim() === '71042100' && r.cells[col('进出口')] === '进口') modes.add(r.cells[col('贸易方式')]);
  }
  assert.deepEqual([...modes].sort(), ['来料加工装配贸易', '进料加工贸易'].sort());
  // The provincial files by 注册地 hold the district's place and at least two other places of the province.
  const { t, col } = await rowsOf(PATHS.provinceImportXlsx);
  const places = new Set(t.rows.map((r) => r.cells[col('注册地编码')]?.trim()));
  assert.ok(places.size >= 3, [...places].join(','));
});
