// Location quotient and shift-share (Dunn 1960) marts against values worked out by hand on small tables, including
// the zero and missing inputs that must give an empty value with its reason, never 0/∞/NaN. Real DuckDB running the
// mart SQL over fixture tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { all, exec, openDuck, type Conn } from '../../../pipelines/lib/duck.ts';
import { MODELS_DIR } from '../../../pipelines/stage.ts';
import { buildMart, listMartModels } from '../../../pipelines/marts.ts';

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

// Yearbook rows: (year, region, industry code or null for 合计, persons).
type E = [number, string | null, string | null, number];

async function withEmployment(rows: E[], fn: (conn: Conn) => Promise<void>, referenceYear = 2020): Promise<void> {
  const { instance, conn } = await openDuck();
  try {
    await exec(conn, readFileSync(join(MODELS_DIR, 'macros', '40_analytics.sql'), 'utf8'));
    const values = rows.map(([y, r, i, p]) => `(${y}, ${r ? `'${r}'` : 'NULL'}, ${i ? `'${i}'` : 'NULL'}, '${i ? 'x' : '合计'}', ${i === '2438' ? "'core'" : i ? "'related'" : "'total'"}, ${p}, 't', true)`);
    await exec(
      conn,
      `CREATE TABLE mart_employment_industry AS SELECT * FROM (VALUES ${values.join(',')}) t(year, region_code, industry_code, industry_name, industry_role, persons, source_id, synthetic);
       CREATE TABLE cfg_cluster AS SELECT 'x' AS id, ${referenceYear} AS reference_year, 2010 AS first_year, '440113' AS district_code, 'other' AS other_park_id, 'all' AS total_group_id;
       CREATE TABLE cfg_industry AS SELECT * FROM (VALUES ('2438', 'core', '珠宝首饰', 'Jewelry'), ('5146', 'related', '批发', 'Wholesale')) t(code, role, name_zh, name_en);
       CREATE TABLE cfg_region AS SELECT * FROM (VALUES ('nation', '000000', '全国', 'China', NULL), ('province', '440000', '广东省', 'Guangdong', '44'),
         ('city', '440100', '广州市', 'Guangzhou', '4401'), ('district', '440113', '番禺区', 'Panyu', NULL)) t(level, code, name_zh, name_en, place_prefix);`,
    );
    const models = listMartModels();
    for (const name of ['mart_employment_lq', 'mart_employment_shift_share']) await buildMart(conn, models.find((m) => m.name === name)!);
    await fn(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

test('LQ: (100/1000) / (200/10000) = 5 against the city; empty with its reason where a figure is missing or zero', async () => {
  const rows: E[] = [
    // The district (one table names it, one names no region: both are the district's).
    [2020, '440113', null, 1000],
    [2020, null, '2438', 100],
    // City: 2438 200 of 10,000.
    [2020, '440100', null, 10000],
    [2020, '440100', '2438', 200],
    [2020, '440100', '5146', 50],
    // Province: the industry employs nobody there.
    [2020, '440000', null, 50000],
    [2020, '440000', '2438', 0],
    // Nation: no 合计 row.
    [2020, '000000', '2438', 900],
  ];
  await withEmployment(rows, async (conn) => {
    const out = await all<Row>(conn, `SELECT industry_code, reference_level, lq, lq_note, district_persons FROM mart_employment_lq WHERE year = 2020`);
    const get = (i: string, r: string) => out.find((x) => x.industry_code === i && x.reference_level === r)!;
    assert.equal(out.length, 6, 'two industries × three reference regions');
    assert.ok(Math.abs(num(get('2438', 'city').lq)! - 5) < 1e-12);
    assert.equal(get('2438', 'city').lq_note, null);
    assert.equal(get('2438', 'province').lq, null);
    assert.equal(get('2438', 'province').lq_note, 'no_reference_employment_in_industry');
    assert.equal(get('2438', 'nation').lq, null);
    assert.equal(get('2438', 'nation').lq_note, 'no_reference_total');
    // 5146: the district's table does not report it: missing, not zero.
    assert.equal(get('5146', 'city').district_persons, null);
    assert.equal(get('5146', 'city').lq, null);
    assert.equal(get('5146', 'city').lq_note, 'no_district_figure');
    for (const r of out) assert.ok(r.lq === null || Number.isFinite(num(r.lq)), JSON.stringify(r));
  });
});

test('LQ: a district without its 合计 row has no quotient; a reported 0 is a true 0', async () => {
  await withEmployment(
    [
      [2020, '440113', '2438', 100],
      [2020, '440100', null, 10000],
      [2020, '440100', '2438', 200],
      [2021, '440113', null, 1000],
      [2021, '440113', '2438', 0],
      [2021, '440100', null, 10000],
      [2021, '440100', '2438', 200],
    ],
    async (conn) => {
      const out = await all<Row>(conn, `SELECT year, lq, lq_note FROM mart_employment_lq WHERE industry_code = '2438' AND reference_level = 'city' ORDER BY year`);
      assert.deepEqual(out.map((r) => [r.year, num(r.lq), r.lq_note]), [
        [2020, null, 'no_district_total'],
        [2021, 0, null],
      ]);
    },
  );
});

test('shift-share: growth 10 + mix 20 + local shift 0 = change 30, as worked by hand; e0 = 0 leaves all change to the local shift', async () => {
  // Base 2020 → 2021. City: all industries 10,000 → 11,000 (G = 0.1); 2438 200 → 260 (G_i = 0.3); 5146 40 → 40 (G_i = 0).
  // District 2438: 100 → 130. growth = 100 × 0.1 = 10; mix = 100 × (0.3 − 0.1) = 20; shift = 130 − 100 × 1.3 = 0.
  // District 5146: 0 → 5. growth = 0, mix = 0, shift = 5 − 0 × 1 = 5.
  // Nation: its 2020 合计 is 0 (a broken table): no growth rate, empty with the reason.
  const rows: E[] = [
    [2020, '440113', null, 1000],
    [2020, '440113', '2438', 100],
    [2020, '440113', '5146', 0],
    [2021, '440113', null, 1100],
    [2021, '440113', '2438', 130],
    [2021, '440113', '5146', 5],
    [2020, '440100', null, 10000],
    [2020, '440100', '2438', 200],
    [2020, '440100', '5146', 40],
    [2021, '440100', null, 11000],
    [2021, '440100', '2438', 260],
    [2021, '440100', '5146', 40],
    [2020, '000000', null, 0],
    [2020, '000000', '2438', 900],
    [2021, '000000', null, 70000],
    [2021, '000000', '2438', 950],
    // 2022: the district's table leaves 2438 out.
    [2022, '440113', null, 1200],
    [2022, '440100', null, 12000],
    [2022, '440100', '2438', 300],
  ];
  await withEmployment(rows, async (conn) => {
    const out = await all<Row>(conn, `SELECT * FROM mart_employment_shift_share`);
    const get = (y: number, i: string, r: string) => out.find((x) => x.year === y && x.industry_code === i && x.reference_level === r)!;
    const c = get(2021, '2438', 'city');
    assert.equal(c.base_year, 2020);
    assert.equal(num(c.change_persons), 30);
    assert.ok(Math.abs(num(c.reference_growth)! - 0.1) < 1e-12);
    assert.ok(Math.abs(num(c.reference_growth_effect)! - 10) < 1e-9);
    assert.ok(Math.abs(num(c.industry_mix_effect)! - 20) < 1e-9);
    assert.ok(Math.abs(num(c.local_shift_effect)!) < 1e-9);
    assert.equal(c.note, null);
    const w = get(2021, '5146', 'city');
    assert.equal(num(w.reference_growth_effect), 0);
    assert.equal(num(w.industry_mix_effect), 0);
    assert.equal(num(w.local_shift_effect), 5);
    const n = get(2021, '2438', 'nation');
    assert.equal(n.note, 'no_reference_base');
    assert.equal(n.reference_growth_effect, null);
    assert.equal(n.change_persons, null);
    const missing = get(2022, '2438', 'city');
    assert.equal(missing.note, 'no_district_figure');
    assert.equal(missing.local_shift_effect, null);
    assert.equal(get(2021, '2438', 'province').note, 'no_reference_figures');
    // Every computed row adds up.
    for (const r of out.filter((x) => x.note === null)) {
      const sum = num(r.reference_growth_effect)! + num(r.industry_mix_effect)! + num(r.local_shift_effect)!;
      assert.ok(Math.abs(sum - num(r.change_persons)!) < 1e-9, JSON.stringify(r));
    }
  });
});

test('shift-share: no figure in the base year gives an empty decomposition with its reason', async () => {
  await withEmployment(
    [
      [2021, '440113', null, 1100],
      [2021, '440113', '2438', 130],
      [2020, '440100', null, 10000],
      [2020, '440100', '2438', 200],
      [2021, '440100', null, 11000],
      [2021, '440100', '2438', 260],
    ],
    async (conn) => {
      const out = await all<Row>(conn, `SELECT year, note, local_shift_effect FROM mart_employment_shift_share WHERE industry_code = '2438' AND reference_level = 'city'`);
      assert.deepEqual(out.map((r) => [r.year, r.note, r.local_shift_effect]), [[2021, 'no_base_year_figure', null]]);
    },
  );
});
