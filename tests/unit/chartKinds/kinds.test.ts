import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHART_KINDS, chartKind, type ChartKind } from '../../../src/lib/chartKinds/index.ts';
import { chartHeight, renderChart, renderStandaloneSvg } from '../../../src/lib/chart.ts';
import { embedHeight } from '../../../src/lib/embed.ts';
import { allIndicators } from '../../../src/lib/indicators.ts';
import type { Point } from '../../../src/lib/series.ts';

const years: Point[] = [2019, 2020, 2021, 2022].flatMap((x, i) => [
  { x, key: 'natural', label: '天然钻石', value: 100 + i },
  { x, key: 'lab_grown', label: '培育钻石', value: x === 2022 ? null : 10 * (i + 1) },
]);
const ranking = (n: number): Point[] => Array.from({ length: n }, (_, i) => ({ x: 2022, key: `p${i}`, label: `伙伴${i}`, value: 1000 - 100 * i }));

/** Attributes of the outer <svg>. */
const svgHeight = (svg: string) => Number(/^<svg[^>]* height="([\d.]+)"/.exec(svg)![1]);
const hits = (svg: string) => (svg.match(/<(?:circle|rect) data-v=/g) ?? []).length;

test('every kind an indicator names is in the record, and every kind in the record is complete', () => {
  for (const d of allIndicators()) assert.ok(d.chart in CHART_KINDS, `${d.id}: unknown chart kind ${d.chart}`);
  for (const [name, k] of Object.entries(CHART_KINDS)) {
    for (const f of ['height', 'draw', 'table'] as const) assert.equal(typeof k[f], 'function', `${name}.${f}`);
    for (const f of ['namesSeries', 'legend', 'ranking'] as const) assert.equal(typeof k[f], 'boolean', `${name}.${f}`);
  }
  assert.throws(() => chartKind('pie' as ChartKind), /unknown chart kind "pie"/);
});

test('line: one hover mark per value, one line group per series, the default height', () => {
  const svg = renderChart(years, { kind: 'line', unit: 'usd', lang: 'zh', refYear: 2020 });
  assert.equal(hits(svg), 7, 'seven values, the missing one has no mark');
  assert.match(svg, /data-chart="line"/);
  assert.ok((svg.match(/<path/g) ?? []).length >= 2, 'a path per series');
  assert.match(svg, /stroke-dasharray="4,3"[^>]*><line [^>]*x2="276"/, 'the reference year is marked with a dashed rule');
  assert.equal(svgHeight(svg), 340);
  assert.equal(chartHeight('line', years), 340);
  assert.equal(svgHeight(renderChart(years, { kind: 'line', unit: 'usd', lang: 'zh', height: 200 })), 200);
  const table = CHART_KINDS.line.table({ title: 'T', unit: 'usd', lang: 'en', points: years });
  assert.deepEqual(table.rows.map((r) => r.head), ['2019', '2020', '2021', '2022']);
  assert.deepEqual(table.columns.map((c) => c.key), [undefined, 'natural', 'lab_grown']);
  assert.equal(table.rows[3].cells[1].value, '', 'a missing value is an empty data-value');
  assert.equal(CHART_KINDS.line.legend, true);
  assert.equal(CHART_KINDS.line.ranking, false);
});

test('barStacked: one bar per value, stacked by series, the default height', () => {
  const svg = renderChart(years, { kind: 'barStacked', unit: 'usd', lang: 'zh' });
  assert.equal((svg.match(/<rect data-v=/g) ?? []).length, 7);
  assert.equal(svgHeight(svg), 340);
  assert.equal(CHART_KINDS.barStacked.table({ title: 'T', unit: 'usd', lang: 'zh', points: years }).rows.length, 4);
});

test('barLatest: one bar and one value label per point, growing with the number of bars, a ranking table with shares', () => {
  for (const n of [1, 3, 8, 12]) {
    const pts = ranking(n);
    const svg = renderChart(pts, { kind: 'barLatest', unit: 'usd', lang: 'zh' });
    assert.equal((svg.match(/<rect data-v=/g) ?? []).length, n);
    assert.equal(svgHeight(svg), Math.max(120, 28 * n + 40));
    assert.equal(chartHeight('barLatest', pts), svgHeight(svg), 'chartHeight says what renderChart draws');
  }
  const table = CHART_KINDS.barLatest.table({ title: 'T', unit: 'usd', lang: 'en', points: ranking(2) });
  assert.deepEqual(table.rows.map((r) => r.cells[1].text), ['52.6%', '47.4%']);
  assert.match(table.caption, /2022/);
  assert.equal(CHART_KINDS.barLatest.legend, false);
  assert.equal(CHART_KINDS.barLatest.ranking, true);
  // Every hover text names the series, even a single one.
  assert.match(renderChart(ranking(1), { kind: 'barLatest', unit: 'usd', lang: 'zh' }), /<title>伙伴0/);
});

test('the embed frame holds the chart at the height the kind draws it, for every kind', () => {
  for (const kind of Object.keys(CHART_KINDS) as ChartKind[]) {
    for (const pts of [years.filter((p) => p.x === 2021), ranking(10)]) {
      const drawn = svgHeight(renderChart(pts, { kind, unit: 'usd', lang: 'zh' }));
      const frame = embedHeight(chartHeight(kind, pts));
      assert.ok(frame >= drawn + 140 && frame < drawn + 150, `${kind}: frame ${frame} for a ${drawn} px chart`);
    }
  }
});

test('the standalone file has a legend only for kinds that have one', () => {
  for (const kind of Object.keys(CHART_KINDS) as ChartKind[]) {
    const svg = renderStandaloneSvg(years.filter((p) => p.x === 2021), { kind, unit: 'usd', lang: 'zh', title: 'T', sourceLine: 'S', synthetic: false });
    const legendRects = (svg.match(/<rect x="[\d.]+" y="[\d.]+" width="12" height="12"/g) ?? []).length;
    assert.equal(legendRects, CHART_KINDS[kind].legend ? 2 : 0, kind);
  }
});
