// A partial year is compared like for like: its half-years against the same half-years of the year before, over the
// countries that reported in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { samePeriodComparison, samePeriodSentence, type SamePeriodSpec } from '../../src/lib/samePeriod.ts';

const spec: SamePeriodSpec = { table: 'kp_half', period: 'year', sub: 'half_year', unit: 'country', y: 'carats' };
const rows = [
  { country: 'Russia', year: 2023, half_year: 1, carats: 20 },
  { country: 'Russia', year: 2023, half_year: 2, carats: 17 },
  { country: 'Botswana', year: 2023, half_year: 1, carats: 12 },
  { country: 'Botswana', year: 2023, half_year: 2, carats: 13 },
  { country: 'Lesotho', year: 2023, half_year: 1, carats: 5 },
  { country: 'Russia', year: 2024, half_year: 1, carats: 16 },
  { country: 'Botswana', year: 2024, half_year: 1, carats: 10 },
];

test('H1 against H1 of the year before, same countries only', () => {
  const c = samePeriodComparison(rows, spec, 2024)!;
  assert.deepEqual(c, { period: 2024, previous: 2023, subs: [1], current: 26, before: 32 });
  assert.equal(samePeriodSentence(c, spec, 'carat', 'zh'), '2024年上半年为26克拉，比2023年同期（32克拉，同一批报告方）下降18.8%。');
  assert.match(samePeriodSentence(c, spec, 'carat', 'en'), /In 2024 H1, it was 26 carats, down 18\.8% from 32 carats in the same part of 2023/);
});

test('no comparison without the previous year', () => {
  assert.equal(samePeriodComparison(rows.filter((r) => r.year === 2024), spec, 2024), null);
  assert.equal(samePeriodSentence(null, spec, 'carat', 'zh'), '');
});
