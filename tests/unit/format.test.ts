import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCompact, formatDate, formatNumber, formatPercent, formatTick, formatValue, formatYear, formatYearMonth } from '../../src/lib/format.ts';

test('Chinese amounts use 亿 and 万 with about three significant digits', () => {
  assert.equal(formatValue(123_000_000, 'usd', 'zh'), '1.23亿美元');
  assert.equal(formatValue(45_600_000, 'usd', 'zh'), '4,560万美元');
  assert.equal(formatValue(1_234_500_000, 'usd', 'zh'), '12.3亿美元');
  assert.equal(formatValue(98_765_000_000, 'usd', 'zh'), '988亿美元');
  assert.equal(formatValue(123_456, 'usd', 'zh'), '12.3万美元');
  assert.equal(formatValue(8_000, 'usd', 'zh'), '8,000美元');
  assert.equal(formatValue(250_000_000, 'cny', 'zh'), '2.50亿元');
});

test('English amounts use m and bn', () => {
  assert.equal(formatValue(1_230_000_000, 'usd', 'en'), 'USD 1.23 bn');
  assert.equal(formatValue(45_600_000, 'usd', 'en'), 'USD 45.6 m');
  assert.equal(formatValue(456_000, 'usd', 'en'), 'USD 456,000');
  assert.equal(formatValue(250_000_000, 'cny', 'en'), 'CNY 250 m');
});

test('units: carats, persons, firms, USD per carat, USD thousand', () => {
  assert.equal(formatValue(12_345_678, 'carat', 'zh'), '1,235万克拉');
  assert.equal(formatValue(12_345_678, 'carat', 'en'), '12.3 m carats');
  assert.equal(formatValue(102_000, 'persons', 'zh'), '10.2万人');
  assert.equal(formatValue(102_000, 'persons', 'en'), '102,000 persons');
  assert.equal(formatValue(8_000, 'persons', 'zh'), '8,000人');
  assert.equal(formatValue(373, 'firms', 'zh'), '373家');
  assert.equal(formatValue(1_373, 'firms', 'en'), '1,373 firms');
  assert.equal(formatValue(1234.4, 'usd_per_carat', 'zh'), '1,234美元/克拉');
  assert.equal(formatValue(1234.4, 'usd_per_carat', 'en'), 'USD 1,234 per carat');
  assert.equal(formatValue(4.567, 'usd_per_carat', 'zh'), '4.57美元/克拉');
  assert.equal(formatValue(1_230_000, 'usd_thousand', 'zh'), '12.3亿美元');
});

test('percentages, missing values and negative numbers', () => {
  assert.equal(formatValue(0.3345, 'ratio', 'zh'), '33.5%');
  assert.equal(formatPercent(0.05), '5.0%');
  assert.equal(formatValue(null, 'usd', 'zh'), '–');
  assert.equal(formatValue(Number.NaN, 'usd', 'en'), '–');
  assert.equal(formatCompact(-45_600_000, 'zh'), '-4,560万');
  assert.equal(formatNumber(-0.001, 1), '0.0');
  assert.equal(formatNumber(1234567.891, 2), '1,234,567.89');
});

test('axis ticks stay short', () => {
  assert.equal(formatTick(0.25, 'ratio', 'zh'), '25%');
  assert.equal(formatTick(0.025, 'ratio', 'zh'), '2.5%');
  assert.equal(formatTick(200_000_000, 'usd', 'zh'), '2亿');
  assert.equal(formatTick(250_000_000, 'usd', 'zh'), '2.5亿');
  assert.equal(formatTick(4_500_000_000, 'usd', 'zh'), '45亿');
  assert.equal(formatTick(200_000_000, 'usd', 'en'), '200 m');
});

test('dates in 年/月 and English', () => {
  assert.equal(formatYearMonth('2013-05', 'zh'), '2013年5月');
  assert.equal(formatYearMonth('2013-05-01', 'en'), 'May 2013');
  assert.equal(formatDate('2025-12-31', 'zh'), '2025年12月31日');
  assert.equal(formatDate('2025-12-31', 'en'), '31 December 2025');
  assert.equal(formatDate(null, 'zh'), '–');
  assert.equal(formatYear(2013, 'zh'), '2013年');
  assert.equal(formatYear(2013, 'en'), '2013');
});
