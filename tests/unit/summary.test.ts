import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeBadge, changeOf, summarize } from '../../src/lib/summary.ts';
import type { Point } from '../../src/lib/series.ts';

const series = (key: string, label: string, values: Record<number, number | null>): Point[] =>
  Object.entries(values).map(([x, value]) => ({ x: Number(x), key, label, value }));

const share = series('total', '', { 2012: 0.3, 2013: 0.335, 2020: 0.2, 2025: 0.123, 2026: null });
const subject = { zh: '本区钻石进出口占全国的比重', en: 'the district’s share of China’s diamond trade' };

test('a ratio changes in percentage points since the reference year; missing latest values are skipped', () => {
  const c = changeOf(share, 'ratio', 2013)!;
  assert.equal(c.latestX, 2025);
  assert.equal(c.refX, 2013);
  assert.equal(c.direction, 'down');
  assert.equal(c.change, '21.2');
  assert.equal(summarize({ points: share, unit: 'ratio', subject, refYear: 2013 }, 'zh'), '2025年，本区钻石进出口占全国的比重为12.3%，比2013年（33.5%）下降21.2个百分点。');
  assert.equal(
    summarize({ points: share, unit: 'ratio', subject, refYear: 2013 }, 'en'),
    'In 2025, the district’s share of China’s diamond trade was 12.3%, down 21.2 percentage points from 33.5% in 2013.',
  );
  assert.equal(changeBadge(c, 'ratio', 'zh'), '↓ 21.2个百分点');
});

test('amounts change in percent; the synthetic marker is appended', () => {
  const value = series('total', '', { 2013: 100_000_000, 2025: 150_000_000 });
  const s = summarize({ points: value, unit: 'usd', subject: { zh: '本区钻石进出口额', en: 'the district’s diamond trade' }, refYear: 2013, synthetic: true }, 'zh');
  assert.equal(s, '2025年，本区钻石进出口额为1.50亿美元，比2013年（1.00亿美元）增长50.0%（示例数据）。');
  assert.equal(changeBadge(changeOf(value, 'usd', 2013), 'usd', 'en'), '↑ 50.0%');
});

test('without the reference year, the change is measured from the first year with data', () => {
  const c = changeOf(series('total', '', { 2016: 10, 2020: 10 }), 'firms', 2013)!;
  assert.equal(c.refX, 2016);
  assert.equal(c.direction, 'flat');
  assert.equal(summarize({ points: series('total', '', { 2016: 10, 2020: 10 }), unit: 'firms', subject: { zh: '企业数', en: 'firms' }, refYear: 2013 }, 'zh'), '2020年，企业数为10家，与2016年（10家）持平。');
});

test('several series get one clause each, named by their label', () => {
  const pts = [...series('import', '进口', { 2013: 0.4, 2025: 0.3 }), ...series('export', '出口', { 2013: 0.2, 2025: 0.25 })];
  assert.equal(
    summarize({ points: pts, unit: 'ratio', subject: { zh: '占比', en: 'share' }, refYear: 2013 }, 'zh'),
    '2025年，占比（进口）为30.0%，比2013年（40.0%）下降10.0个百分点；2025年，占比（出口）为25.0%，比2013年（20.0%）上升5.0个百分点。',
  );
});

test('rankings name the largest category and its share', () => {
  const pts: Point[] = [
    { x: 2025, key: '111', label: 'India', value: 60 },
    { x: 2025, key: '110', label: 'Hong Kong', value: 40 },
  ];
  assert.equal(
    summarize({ points: pts, unit: 'usd', subject: { zh: '出口目的地', en: 'export destination' }, refYear: 2013, ranking: true }, 'en'),
    'In 2025, the largest export destination was India (USD 60, 60.0% of the total).',
  );
});

test('no data', () => {
  assert.equal(summarize({ points: [], unit: 'usd', subject, refYear: 2013 }, 'zh'), '此指标暂无数据。');
  assert.equal(changeOf([], 'usd', 2013), null);
});
