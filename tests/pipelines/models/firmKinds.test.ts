// Processing and supporting-service firms (cluster.json firmKinds) against counts worked out by hand on a handful
// of firms: identification by industry code plus scope keyword, active/births/closures, the largest firm and the top
// five by headcount, services by kind and park, and a year without headcounts (empty with the reason, never 0).
// Real DuckDB running the mart SQL over fixture tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { all, exec, openDuck, type Conn } from '../../../pipelines/lib/duck.ts';
import { buildMart, listMartModels } from '../../../pipelines/marts.ts';

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const MARTS = ['mart_firm_kinds', 'mart_processing_firms_year', 'mart_processing_firm_top', 'mart_service_firms_year'];

async function withFirms(processingKeywords: string[], fn: (conn: Conn) => Promise<void>): Promise<void> {
  const { instance, conn } = await openDuck();
  try {
    await exec(conn, `CREATE MACRO safe_ratio(a, b) AS CASE WHEN a IS NULL OR b IS NULL OR b = 0 THEN NULL ELSE a / b END;`);
    await exec(
      conn,
      `CREATE TABLE cfg_firm_kind AS SELECT * FROM (VALUES ('processing', 'processing', '加工', 'Processing', 0), ('design', 'service', '设计', 'Design', 1),
         ('laser', 'service', '激光切割', 'Laser', 2), ('trading', 'service', '贸易', 'Trading', 3)) t(kind_id, kind_group, name_zh, name_en, kind_order);
       CREATE TABLE cfg_firm_kind_code AS SELECT * FROM (VALUES ('processing', '2438'), ('processing', '3099'), ('trading', '5146')) t(kind_id, code);
       CREATE TABLE cfg_firm_kind_keyword (kind_id VARCHAR, keyword VARCHAR);
       INSERT INTO cfg_firm_kind_keyword VALUES ('design', '珠宝首饰设计'), ('laser', '激光切割'), ('trading', '钻石批发')
         ${processingKeywords.map((k) => `, ('processing', '${k}')`).join('')};
       CREATE TABLE cfg_park_name AS SELECT * FROM (VALUES ('shawan', '沙湾', 'Shawan', 0), ('daluotang', '大罗塘', 'Daluotang', 1), ('other', '其他', 'Elsewhere', 2))
         t(park_id, name_zh, name_en, park_order);
       CREATE TABLE mart_enterprises AS SELECT * FROM (VALUES
         ('A', '甲', 'shawan', '2438', 'active', 2010, NULL, '珠宝首饰制造；钻石加工', true),
         ('B', '乙', 'daluotang', NULL, 'deregistered', 2020, 2021, '钻石切割、打磨', true),
         ('C', '丙', 'shawan', '5245', 'active', 2012, NULL, '钻石加工', true),
         ('D', '丁', 'shawan', '7491', 'active', 2015, NULL, '珠宝首饰设计；激光切割', true),
         ('E', '戊', 'other', '5146', 'active', 2019, NULL, '钻石批发', true),
         ('F', '己', 'other', '5245', 'active', 2019, NULL, '钻石批发', true),
         ('G', '庚', 'shawan', '2438', 'active', 2011, NULL, NULL, true)
       ) t(uscc, name, park_id, industry_code, status, established_year, closed_year, scope, synthetic);
       CREATE TABLE mart_enterprise_events AS SELECT * FROM (VALUES (2019), (2020), (2021)) t(year);
       CREATE TABLE mart_employment_firms AS SELECT * FROM (VALUES
         ('A', '甲', 2019, 500, 'shawan', true), ('A', '甲', 2020, 300, 'shawan', true), ('B', '乙', 2020, 50, 'daluotang', true),
         ('C', '丙', 2020, 900, 'shawan', true), ('G', '庚', 2020, 800, 'shawan', true)
       ) t(uscc, name, year, employees, park_id, synthetic);`,
    );
    const models = listMartModels();
    for (const name of MARTS) await buildMart(conn, models.find((m) => m.name === name)!);
    await fn(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

test('processing firms: code and keyword both needed (a firm with no recorded industry by scope alone); counts, largest and top five by hand', async () => {
  await withFirms(['钻石加工', '钻石切割'], async (conn) => {
    const kinds = await all<Row>(conn, `SELECT uscc, kind_id FROM mart_firm_kinds ORDER BY kind_id, uscc`);
    // A (2438 + 钻石加工), B (no industry recorded + 钻石切割); not C (retail), not G (no scope), not F for trading (5245).
    assert.deepEqual(kinds.map((k) => `${k.kind_id}:${k.uscc}`), ['design:D', 'laser:D', 'processing:A', 'processing:B', 'trading:E']);
    const years = await all<Row>(conn, `SELECT * FROM mart_processing_firms_year ORDER BY year`);
    const y = (n: number) => years.find((r) => r.year === n)!;
    assert.deepEqual([2019, 2020, 2021].map((n) => [num(y(n).active_firms), num(y(n).births), num(y(n).closures)]), [
      [1, 0, 0],
      [2, 1, 0],
      [1, 0, 1],
    ]);
    assert.equal(num(y(2019).largest_firm_employees), 500);
    assert.equal(num(y(2020).employees), 350);
    assert.equal(num(y(2020).largest_firm_employees), 300, 'C (900) and G (800) are not processing firms');
    assert.equal(y(2020).largest_firm_name, '甲');
    assert.equal(num(y(2020).top5_employees), 350);
    assert.equal(num(y(2020).top5_share), 1);
    // 2021: nobody reported: empty with the reason, not 0.
    assert.equal(num(y(2021).firms_with_headcount), 0);
    assert.equal(y(2021).employees, null);
    assert.equal(y(2021).largest_firm_employees, null);
    assert.equal(y(2021).top5_share, null);
    assert.equal(y(2021).headcount_note, 'no_headcounts');
    assert.equal(y(2020).headcount_note, null);
    const top = await all<Row>(conn, `SELECT year, size_rank, uscc, employees, share_of_employees FROM mart_processing_firm_top ORDER BY year, size_rank`);
    assert.deepEqual(top.map((r) => [r.year, num(r.size_rank), r.uscc, num(r.employees)]), [
      [2019, 1, 'A', 500],
      [2020, 1, 'A', 300],
      [2020, 2, 'B', 50],
    ]);
    assert.ok(Math.abs(num(top[1].share_of_employees)! - 300 / 350) < 1e-12);
  });
});

test('service firms: by kind and park, every combination listed, 0 where none', async () => {
  await withFirms(['钻石加工'], async (conn) => {
    const rows = await all<Row>(conn, `SELECT year, kind_id, park_id, births, active_firms FROM mart_service_firms_year`);
    assert.equal(rows.length, 3 * 3 * 3, 'three years × three kinds × three parks');
    const get = (y: number, k: string, p: string) => rows.find((r) => r.year === y && r.kind_id === k && r.park_id === p)!;
    assert.equal(num(get(2020, 'design', 'shawan').active_firms), 1);
    assert.equal(num(get(2020, 'laser', 'shawan').active_firms), 1, 'a firm of two kinds counts in both');
    assert.equal(num(get(2019, 'trading', 'other').births), 1);
    assert.equal(num(get(2019, 'trading', 'other').active_firms), 1, 'F (retail, 5245) is not a trading firm');
    assert.equal(num(get(2020, 'design', 'daluotang').active_firms), 0);
  });
});

test('no processing firm at all: counts are a true 0 and the headcount figures empty with the reason', async () => {
  await withFirms(['培育钻石'], async (conn) => {
    const years = await all<Row>(conn, `SELECT * FROM mart_processing_firms_year ORDER BY year`);
    assert.equal(years.length, 3);
    for (const y of years) {
      assert.equal(num(y.active_firms), 0);
      assert.equal(y.largest_firm_employees, null);
      assert.equal(y.headcount_note, 'no_headcounts');
    }
    assert.equal((await all(conn, `SELECT * FROM mart_processing_firm_top`)).length, 0);
  });
});
