import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pointLines, pointTitle } from '../../src/lib/pointText.ts';

test('hover text: series, year and value in the reader’s convention, then the sample-data marker', () => {
  const p = { label: '天然钻石', x: 2019, value: 123_000_000 };
  assert.deepEqual(pointLines(p, { unit: 'usd', lang: 'zh', showSeries: true, synthetic: true }), ['天然钻石', '2019年：1.23亿美元', '示例数据']);
  assert.deepEqual(pointLines({ ...p, label: 'Natural' }, { unit: 'usd', lang: 'en', showSeries: true, synthetic: true }), ['Natural', '2019: USD 123 m', 'Sample data']);
  assert.equal(pointTitle(p, { unit: 'usd', lang: 'zh', showSeries: false, synthetic: false }), '2019年：1.23亿美元');
  assert.equal(pointTitle({ label: '', x: 2020, value: 0.0312 }, { unit: 'ratio', lang: 'en', showSeries: true, synthetic: false }), '2020: 3.1%');
  assert.equal(pointTitle({ label: 'X', x: 2020, value: 45_600 }, { unit: 'persons', lang: 'zh', showSeries: true, synthetic: false }), 'X\n2020年：4.56万人');
});
