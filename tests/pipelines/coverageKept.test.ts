// Complete periods on a build where several tables share one coverage model: its result is computed once and kept,
// and computed again once a table it reads is rebuilt (here the monthly trade mart, 2023 losing half its months).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { all, exec, openDuck } from '../../pipelines/lib/duck.ts';
import { markCompletePeriods, type PeriodsDeclaration } from '../../pipelines/completeness.ts';
import { runMart } from '../../pipelines/steps/mart.ts';

const periods: PeriodsDeclaration = { column: 'year', coverage: 'trade_months', rule: { zh: '月份', en: 'months' } };
const monthly = (lastYearMonths: number) => ({
  name: 'mart_trade_monthly',
  file: 'test',
  sql: `SELECT y AS year, m AS month, 'nation' AS region_level, 1.0 AS value_usd FROM range(2022, 2024) a(y), range(1, 13) b(m) WHERE y < 2023 OR m <= ${lastYearMonths}`,
});
const complete2023 = async (conn: Awaited<ReturnType<typeof openDuck>>['conn'], table: string) =>
  (await all<{ c: boolean }>(conn, `SELECT bool_and(period_complete) AS c FROM ${table} WHERE year = 2023`))[0].c;

test('tables judged by one coverage model share its result until a table it reads is rebuilt', async () => {
  const { instance, conn } = await openDuck();
  try {
    await exec(conn, `CREATE TABLE period_coverage (table_name VARCHAR, period VARCHAR, measure VARCHAR, value DOUBLE, tolerance DOUBLE, reference_period VARCHAR, reference_value DOUBLE, complete BOOLEAN)`);
    for (const t of ['a', 'b', 'c', 'd']) await exec(conn, `CREATE TABLE mart_${t} AS SELECT * FROM range(2022, 2024) r(year)`);
    await runMart(conn, monthly(12), undefined, new Map());
    await markCompletePeriods(conn, 'mart_a', periods);
    assert.equal(await complete2023(conn, 'mart_a'), true);
    // The mart changes behind the kept result's back (no rebuild step): the kept result is still used.
    await exec(conn, `DELETE FROM mart_trade_monthly WHERE year = 2023 AND month > 6`);
    await markCompletePeriods(conn, 'mart_b', periods);
    assert.equal(await complete2023(conn, 'mart_b'), true, 'the coverage was computed again instead of kept');
    // Rebuilt by the mart step: computed again.
    await runMart(conn, monthly(6), undefined, new Map());
    await markCompletePeriods(conn, 'mart_c', periods);
    assert.equal(await complete2023(conn, 'mart_c'), false, 'a kept coverage outlived the rebuild of the table it reads');
    await runMart(conn, monthly(12), undefined, new Map());
    await markCompletePeriods(conn, 'mart_d', periods);
    assert.equal(await complete2023(conn, 'mart_d'), true);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
});
