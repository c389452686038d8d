import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSeries, usesSynthetic } from '../../src/lib/series.ts';
import type { Row } from '../../src/lib/catalog.ts';

const rows: Row[] = [
  { year: 2024, group_id: 'natural_rough', group_name_zh: '天然钻石毛坯', group_name_en: 'Natural rough', flow: 'total', v: 1, synthetic: true },
  { year: 2024, group_id: 'lab_grown_rough', group_name_zh: '培育钻石毛坯', group_name_en: 'Lab rough', flow: 'total', v: 2, synthetic: true },
  { year: 2024, group_id: 'natural_polished', group_name_zh: '天然钻石成品', group_name_en: 'Natural polished', flow: 'total', v: 4, synthetic: true },
  { year: 2025, group_id: 'natural_rough', group_name_zh: '天然钻石毛坯', group_name_en: 'Natural rough', flow: 'total', v: 8, synthetic: false },
  { year: 2025, group_id: 'natural_rough', group_name_zh: '天然钻石毛坯', group_name_en: 'Natural rough', flow: 'export', v: 100, synthetic: false },
  { year: 2025, group_id: 'lab_grown_rough', group_name_zh: '培育钻石毛坯', group_name_en: 'Lab rough', flow: 'total', v: null, synthetic: false },
];

test('filter and one measure', () => {
  const p = buildSeries({ table: 't', filter: { group_id: 'natural_rough', flow: 'total' }, y: 'v' }, rows, 'zh');
  assert.deepEqual(p, [
    { x: 2024, key: 'total', label: '', value: 1 },
    { x: 2025, key: 'total', label: '', value: 8 },
  ]);
});

test('series from a column with labels from columns of the row', () => {
  const p = buildSeries({ table: 't', filter: { flow: 'total' }, y: 'v', series: { column: 'group_id', labelColumns: { zh: 'group_name_zh', en: 'group_name_en' } } }, rows, 'en');
  assert.deepEqual(
    p.filter((x) => x.x === 2024).map((x) => [x.key, x.label, x.value]),
    [
      ['natural_rough', 'Natural rough', 1],
      ['lab_grown_rough', 'Lab rough', 2],
      ['natural_polished', 'Natural polished', 4],
    ],
  );
  assert.equal(p.find((x) => x.x === 2025 && x.key === 'lab_grown_rough')!.value, null, 'a missing value stays missing, not zero');
});

test('groups merge values into named series with labels from configuration', () => {
  const labels = { natural: { zh: '天然钻石', en: 'Natural diamonds' }, lab_grown: { zh: '培育钻石', en: 'Lab-grown diamonds' } };
  const p = buildSeries(
    { table: 't', filter: { flow: 'total' }, y: 'v', series: { column: 'group_id', groups: { natural: ['natural_rough', 'natural_polished'], lab_grown: ['lab_grown_rough'] }, labels } },
    rows,
    'zh',
  );
  assert.deepEqual(
    p.map((x) => [x.x, x.label, x.value]),
    [
      [2024, '天然钻石', 5],
      [2024, '培育钻石', 2],
      [2025, '天然钻石', 8],
      [2025, '培育钻石', null],
    ],
  );
});

test('several measures become series; latestOnly ranks the latest year', () => {
  const p = buildSeries({ table: 't', filter: { flow: 'total' }, y: 'v', series: { column: 'group_id', top: 1 }, latestOnly: true }, rows, 'zh');
  assert.deepEqual(p.map((x) => [x.x, x.key, x.value]), [[2025, 'natural_rough', 8]]);
  const m = buildSeries({ table: 't', filter: { group_id: 'natural_rough', year: 2025 }, y: [{ column: 'v', labelKey: 'flow.total' }] }, rows, 'zh');
  assert.deepEqual(m.map((x) => [x.label, x.value]), [['进出口合计', 108]]);
});

test('synthetic flag from the rows used', () => {
  assert.equal(usesSynthetic({ table: 't', filter: { year: 2025 }, y: 'v' }, rows, true), false);
  assert.equal(usesSynthetic({ table: 't', y: 'v' }, rows, false), true);
  assert.equal(usesSynthetic({ table: 't', y: 'v' }, [{ year: 1, v: 1 }], true), true);
});

test('sums keep missing values missing, mark partial periods and keep the order series are first seen in', () => {
  const r: Row[] = [
    { year: 2023, s: 'b', v: null, w: 1 },
    { year: 2023, s: 'a', v: 2, w: 3 },
    { year: 2023, s: 'b', v: null, w: 5 },
    { year: 2024, s: 'a', v: 0.1, w: null, period_complete: false },
    { year: 2024, s: 'a', v: 0.2, w: null, period_complete: true },
    { year: 'n/a', s: 'a', v: 9, w: 9 },
  ];
  assert.deepEqual(buildSeries({ table: 't', y: 'v', series: { column: 's' } }, r, 'zh'), [
    { x: 2023, key: 'b', label: 'b', value: null },
    { x: 2023, key: 'a', label: 'a', value: 2 },
    { x: 2024, key: 'a', label: 'a', value: 0.1 + 0.2, partial: true },
  ]);
  // Several measures interleave row by row; a measure whose column is absent is missing, not zero.
  const m = buildSeries({ table: 't', filter: { s: 'b' }, y: [{ column: 'w', labelKey: 'flow.export' }, { column: 'absent', labelKey: 'flow.import' }] }, r, 'en');
  assert.deepEqual(m.map((p) => [p.key, p.value]), [['w', 6], ['absent', null]]);
  assert.deepEqual(buildSeries({ table: 't', y: 'v' }, [], 'zh'), []);
});

test('top N ranks the latest complete year, ties keeping first-seen order', () => {
  const r: Row[] = ['c', 'a', 'b', 'd'].flatMap((s, i) => [
    { year: 2023, s, v: [5, 7, 7, 1][i] },
    { year: 2024, s, v: 100, period_complete: false },
  ]);
  const p = buildSeries({ table: 't', y: 'v', series: { column: 's', top: 2 } }, r, 'zh');
  assert.deepEqual([...new Set(p.map((x) => x.key))], ['a', 'b']);
  const latest = buildSeries({ table: 't', y: 'v', series: { column: 's', top: 3 }, latestOnly: true }, r, 'zh');
  assert.deepEqual(latest.map((x) => [x.x, x.key]), [[2023, 'a'], [2023, 'b'], [2023, 'c']]);
});
