import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countElements, MAX_SVG_ELEMENTS, renderChart, renderSparkline, renderStandaloneSvg, wrapText } from '../../src/lib/chart.ts';
import type { Point } from '../../src/lib/series.ts';

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
