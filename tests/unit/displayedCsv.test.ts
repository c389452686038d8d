import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { DISPLAYED_CSV_COLUMNS, displayedCsv, formulaSafe } from '../../src/lib/displayedCsv.ts';

const points = [
  { x: 2023, key: 'natural', label: '天然钻石', value: 1.5 },
  { x: 2024, key: 'evil', label: '=HYPERLINK("http://x","y")', value: null },
  { x: 2024, key: 'total', label: '', value: -3 },
];

test('the chart CSV has a BOM, bilingual headers, the sample-data column and one row per point', () => {
  const csv = displayedCsv(points, { lang: 'zh', indicatorId: 'demo', unit: '美元', synthetic: true, sourceLine: '数据来源：示例，含逗号, 和"引号"。' });
  assert.ok(csv.startsWith('\uFEFF'));
  const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { header: false });
  assert.deepEqual(parsed.errors, []);
  const [head, ...rows] = parsed.data;
  assert.deepEqual(head, DISPLAYED_CSV_COLUMNS);
  assert.ok(head.includes('示例数据/sample_data'));
  assert.equal(rows.length, points.length);
  assert.deepEqual(rows[0], ['demo', '2023', 'natural', '天然钻石', '1.5', '美元', 'true', '数据来源：示例，含逗号, 和"引号"。', 'true']);
  assert.equal(rows[1][3], `'=HYPERLINK("http://x","y")`, 'a formula in a label is neutralised');
  assert.equal(rows[1][4], '', 'a missing value is an empty cell');
  assert.equal(rows[2][3], 'total');
  assert.equal(rows[2][4], '-3', 'numbers are written as numbers, negative ones included');
});

test('a value from an incomplete period says so in its row', () => {
  const csv = displayedCsv([{ x: 2023, key: 'total', label: '', value: 1 }, { x: 2024, key: 'total', label: '', value: 0.5, partial: true }], { lang: 'en', indicatorId: 'kp', unit: 'carats', synthetic: false, sourceLine: 'KP' });
  const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
  assert.deepEqual(rows.map((r) => [r['年份/year'], r['完整期间/period_complete']]), [['2023', 'true'], ['2024', 'false']]);
});

test('formulaSafe prefixes every formula start and leaves other text alone', () => {
  for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(formulaSafe(s), `'${s}`);
  for (const s of ['天然钻石', 'a=b', '']) assert.equal(formulaSafe(s), s);
});
