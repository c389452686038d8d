import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countElements, MAX_SVG_ELEMENTS, renderChart, renderSparkline, renderStandaloneSvg, wrapText } from '../../src/lib/chart.ts';
import type { Point } from '../../src/lib/series.ts';
import { pointTitle } from '../../src/lib/pointText.ts';

const points: Point[] = [2010, 2011, 2012, 2013, 2014].flatMap((x, i) => [
  { x, key: 'natural', label: '天然钻石', value: 100 + i },
  { x, key: 'lab_grown', label: '培育钻石', value: i === 4 ? null : 10 * i },
]);

test('charts are SVG without inline styles (CSP) and well under the element budget', () => {
  for (const kind of ['line', 'barStacked', 'barLatest'] as const) {
    const svg = renderChart(kind === 'barLatest' ? points.filter((p) => p.x === 2014) : points, { kind, unit: 'usd', lang: 'zh', refYear: 2013 });
    assert.match(svg, /^<svg /);
    assert.doesNotMatch(svg, /<style|style="/);
    assert.doesNotMatch(svg.slice(5), /aria-label=/, 'no ARIA names inside the role="img" svg (axe: aria-prohibited-attr)');
    assert.ok(countElements(svg) < MAX_SVG_ELEMENTS);
  }
  assert.match(renderSparkline(points.filter((p) => p.key === 'natural')), /aria-hidden="true"/);
});

test('the standalone file has its title, legend, source line and the sample-data marker', () => {
  const svg = renderStandaloneSvg(points, { kind: 'line', unit: 'usd', lang: 'zh', title: '天然钻石与培育钻石', sourceLine: '数据来源：示例。', synthetic: true });
  assert.match(svg, /^<\?xml/);
  assert.match(svg, /<title>天然钻石与培育钻石<\/title>/);
  assert.match(svg, /示例数据 \/ Sample data/);
  assert.match(svg, />培育钻石</);
  assert.match(svg, /数据来源：示例。/);
  const real = renderStandaloneSvg(points, { kind: 'line', unit: 'usd', lang: 'en', title: 'T', sourceLine: 'S', synthetic: false });
  assert.doesNotMatch(real, /Sample data/);
});

test('long source lines wrap', () => {
  const lines = wrapText('数据来源：'.repeat(40), 11, 300);
  assert.ok(lines.length > 1);
  assert.ok(lines.every((l) => l.length <= 28));
  assert.deepEqual(wrapText('short line', 11, 300), ['short line']);
  for (const width of [100, 150, 200, 250]) {
    for (const l of wrapText('数据来源：全国钻石及首饰进口，按贸易伙伴和贸易方式（示例数据）；广东省钻石及首饰出口。', 11, width)) {
      assert.doesNotMatch(l, /^[，。；：）]/, `no line starts with closing punctuation (${width} px)`);
    }
  }
});

test('every value is a mark with its data and a <title> in the reader’s formatting, in every chart kind', () => {
  const cases = [
    { kind: 'line' as const, pts: points },
    { kind: 'barStacked' as const, pts: points },
    { kind: 'barLatest' as const, pts: points.filter((p) => p.x === 2013) },
  ];
  for (const { kind, pts } of cases) {
    for (const lang of ['zh', 'en'] as const) {
      const svg = renderChart(pts, { kind, unit: 'usd', lang, synthetic: true });
      const marks = [...svg.matchAll(/<(?:circle|rect) data-v="([^"]*)" data-s="(\d+)" data-x="(\d+)"[^>]*><title>([^<]*)<\/title>/g)];
      const valued = pts.filter((p) => p.value !== null);
      assert.equal(marks.length, valued.length, `${kind} ${lang}: one mark per value`);
      const keys = JSON.parse(/data-keys="([^"]*)"/.exec(svg)![1].replace(/&quot;/g, '"')) as string[];
      for (const [, v, s, x, title] of marks) {
        const p = valued.find((q) => q.x === Number(x) && q.key === keys[Number(s)]);
        assert.ok(p, `${kind}: a mark for ${keys[Number(s)]} ${x}`);
        assert.equal(Number(v), p.value, 'data-v keeps the exact value');
        assert.equal(title, pointTitle(p, { unit: 'usd', lang, showSeries: true, synthetic: true }));
      }
      assert.match(svg, /data-synthetic="true"/);
    }
  }
  // Exact values survive the rounding of coordinates.
  const exact = renderChart([{ x: 2020, key: 'total', label: '', value: 0.0123456789 }], { kind: 'line', unit: 'ratio', lang: 'zh' });
  assert.match(exact, /data-v="0.0123456789"/);
  assert.match(exact, /<title>2020年：1.2%<\/title>/);
  assert.doesNotMatch(exact, /data-synthetic/);
});

test('line charts tag each series’ line and end dot, so one series can be brought forward', () => {
  const svg = renderChart(points, { kind: 'line', unit: 'usd', lang: 'zh' });
  assert.equal((svg.match(/<g data-s="0"/g) ?? []).length, 2);
  assert.equal((svg.match(/<g data-s="1"/g) ?? []).length, 2);
  assert.match(svg, /data-frame="[\d.]+,[\d.]+,[\d.]+,[\d.]+"/);
});
