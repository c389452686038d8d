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

test('a partial customs year: the district total, month for month, other levels and groups left out', async () => {
  const { INDICATORS } = await import('../../src/lib/indicators.ts');
  const { cluster } = await import('../../src/lib/cluster.ts');
  const def = INDICATORS.find((d) => d.id === 'district-trade-value')!;
  const trade = def.samePeriod!;
  assert.equal(trade.sub, 'month');
  const [inTotal] = cluster.totalGroup.groups;
  const notInTotal = cluster.hsGroups.map((g) => g.id).find((g) => !cluster.totalGroup.groups.includes(g)) ?? 'no_such_group';
  const monthRows: Record<string, unknown>[] = [];
  for (const year of [2024, 2025]) {
    for (let month = 1; month <= (year === 2025 ? 6 : 12); month++) {
      monthRows.push({ year, month, region_level: 'district', region_code: '440113', hs_group: inTotal, value_usd: year === 2025 ? 3 : 2 });
      monthRows.push({ year, month, region_level: 'nation', region_code: '000000', hs_group: inTotal, value_usd: 1000 });
      monthRows.push({ year, month, region_level: 'district', region_code: '440113', hs_group: notInTotal, value_usd: 500 });
    }
  }
  const c = samePeriodComparison(monthRows, trade, 2025)!;
  assert.deepEqual(c, { period: 2025, previous: 2024, subs: [1, 2, 3, 4, 5, 6], current: 18, before: 12 });
  assert.match(samePeriodSentence(c, trade, 'usd', 'zh'), /2025年1.6月.*比2024年同期.*增长50(\.0)?%/);
  assert.match(samePeriodSentence(c, trade, 'usd', 'en'), /up 50(\.0)?% .*same part of 2024/);
});
