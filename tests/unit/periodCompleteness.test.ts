// A partial last period (e.g. Kimberley 2024, first half-year only for the largest producers) is drawn distinctly
// and left out of changes, summaries and rankings, which use the latest complete period.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSeries, type Point } from '../../src/lib/series.ts';
import { changeOf, summarize } from '../../src/lib/summary.ts';
import { renderChart } from '../../src/lib/chart.ts';
import { latestCompleteX, partialMarks, trailingPartialXs } from '../../src/lib/periodCompleteness.ts';

// World production, Mct: 2013 129.8, 2023 112.1, 2024 partial 56.3 (the complete-countries-only sum was 11.2).
const kpRows = [
  { country: 'Russia', year: 2013, carats: 38, period_complete: true },
  { country: 'Botswana', year: 2013, carats: 23, period_complete: true },
  { country: 'Canada', year: 2013, carats: 10, period_complete: true },
  { country: 'Russia', year: 2023, carats: 37, period_complete: true },
  { country: 'Botswana', year: 2023, carats: 25, period_complete: true },
  { country: 'Canada', year: 2023, carats: 14, period_complete: true },
  { country: 'Russia', year: 2024, carats: 16, period_complete: false },
  { country: 'Botswana', year: 2024, carats: 10, period_complete: false },
  { country: 'Canada', year: 2024, carats: 1, period_complete: false },
];
const subject = { zh: '全球天然毛坯钻石产量', en: 'world rough diamond production' };

test('series mark points of incomplete periods; tables without the column have none', () => {
  const pts = buildSeries({ table: 'kp', y: 'carats' }, kpRows, 'zh');
  assert.deepEqual(pts.map((p) => [p.x, p.value, !!p.partial]), [[2013, 71, false], [2023, 76, false], [2024, 27, true]]);
  const plain = buildSeries({ table: 'kp', y: 'carats' }, kpRows.map(({ period_complete: _, ...r }) => r), 'zh');
  assert.ok(plain.every((p) => !p.partial));
});

test('the summary and the change use the latest complete year and say the partial one is left out', () => {
  const pts = buildSeries({ table: 'kp', y: 'carats' }, kpRows, 'zh');
  const c = changeOf(pts, 'carat', 2013)!;
  assert.equal(c.latestX, 2023);
  assert.equal(c.direction, 'up');
  const zh = summarize({ points: pts, unit: 'carat', subject, refYear: 2013 }, 'zh');
  assert.match(zh, /^2023年/);
  assert.doesNotMatch(zh, /下降/);
  assert.match(zh, /2024年数据不完整/);
  const en = summarize({ points: pts, unit: 'carat', subject, refYear: 2013 }, 'en');
  assert.match(en, /^In 2023,/);
  assert.match(en, /Data for 2024 are incomplete/);
});

test('rankings of the latest year use the latest complete year, with every producer', () => {
  const pts = buildSeries({ table: 'kp', y: 'carats', series: { column: 'country', top: 8 }, latestOnly: true }, kpRows, 'en');
  assert.deepEqual(pts.map((p) => [p.x, p.key]), [[2023, 'Russia'], [2023, 'Botswana'], [2023, 'Canada']]);
  const s = summarize({ points: buildSeries({ table: 'kp', y: 'carats', series: { column: 'country' } }, kpRows, 'en'), unit: 'carat', subject, refYear: 2013, ranking: true }, 'en');
  assert.match(s, /2023/);
  assert.doesNotMatch(s, /In 2024/);
});

test('line charts draw partial periods dashed and hollow, labelled, with the mark tagged', () => {
  const pts = buildSeries({ table: 'kp', y: 'carats' }, kpRows, 'zh');
  const svg = renderChart(pts, { kind: 'line', unit: 'carat', lang: 'zh' });
  assert.match(svg, /stroke-dasharray="5,4"/);
  assert.match(svg, /fill="#fff"/);
  assert.match(svg, />不完整</);
  assert.equal((svg.match(/data-partial="true"/g) ?? []).length, 1);
  assert.match(/<circle[^>]*data-partial="true"[^>]*>/.exec(svg)![0], /data-x="2024"/);
  const whole = renderChart(pts.filter((p) => !p.partial), { kind: 'line', unit: 'carat', lang: 'zh' });
  assert.doesNotMatch(whole, /stroke-dasharray="5,4"|不完整|data-partial/);
});

test('stacked bars of a partial period are faint and labelled', () => {
  const pts: Point[] = [
    { x: 2023, key: 'a', label: 'A', value: 5 },
    { x: 2024, key: 'a', label: 'A', value: 2, partial: true },
  ];
  const svg = renderChart(pts, { kind: 'barStacked', unit: 'usd', lang: 'en' });
  assert.match(svg, /fill-opacity="0.4"/);
  assert.match(svg, />partial</);
});

test('helpers: latest complete x, trailing partial periods, segments to dash', () => {
  const pts = [
    { x: 2021, value: 1 },
    { x: 2022, value: 1, partial: true },
    { x: 2023, value: 1 },
    { x: 2024, value: 1, partial: true },
  ];
  assert.equal(latestCompleteX(pts), 2023);
  assert.deepEqual(trailingPartialXs(pts), [2024]);
  const m = partialMarks(pts);
  assert.deepEqual(m.solid.map((p) => p.value), [1, null, 1, null]);
  assert.equal(m.dashed.length, 6, 'three segments touch a partial period');
  assert.deepEqual(m.hollow.map((p) => p.x), [2022, 2024]);
});

test('a headline sparkline ends on the latest complete value, as its card does', async () => {
  const { renderSparkline } = await import('../../src/lib/chart.ts');
  const pts: Point[] = [
    { x: 2022, key: 'total', label: '', value: 10 },
    { x: 2023, key: 'total', label: '', value: 20 },
    { x: 2024, key: 'total', label: '', value: 1, partial: true },
  ];
  const withPartial = renderSparkline(pts);
  const completeOnly = renderSparkline(pts.slice(0, 2));
  assert.equal(withPartial, completeOnly);
});
