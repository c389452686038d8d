// The processing-trade, value-added, rival-orders and peer-place marts against values worked out by hand on small
// tables: real DuckDB running the mart SQL. Zero and empty inputs must give an empty value with its reason, never
// 0, Infinity or NaN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { all, exec, openDuck, type Conn } from '../../../pipelines/lib/duck.ts';
import { MODELS_DIR } from '../../../pipelines/stage.ts';
import { buildMart, listMartModels } from '../../../pipelines/marts.ts';

type Row = Record<string, unknown>;
type Cell = string | number | boolean | null;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const sql = (v: Cell) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v));
const close = (a: unknown, b: number) => assert.ok(Math.abs(num(a)! - b) < 1e-9, `${a} ≈ ${b}`);

/** A table from typed rows; an empty list gives an empty table of the same columns. */
function table(name: string, columns: string, types: string, rows: Cell[][]): string {
  const cols = columns.split(',').map((c) => c.trim());
  const tys = types.split(',').map((t) => t.trim());
  if (!rows.length) return `CREATE TABLE ${name} (${cols.map((c, i) => `${c} ${tys[i]}`).join(', ')});`;
  const values = rows.map((r) => `(${r.map((v, i) => `${sql(v)}::${tys[i]}`).join(', ')})`).join(', ');
  return `CREATE TABLE ${name} AS SELECT * FROM (VALUES ${values}) t(${cols.join(', ')});`;
}

/** One cutting chain: rough group lr cut into polished group lp; the rival partner is 111. */
const CONFIG = `
  CREATE TABLE cfg_processing_chain AS SELECT * FROM (VALUES ('lgd', 0, '培育', 'Lab-grown', 'lr', 'lp', true)) t(chain_id, chain_order, name_zh, name_en, rough_group, polished_group, is_focus);
  CREATE TABLE cfg_rival_partner AS SELECT * FROM (VALUES ('111', '印度', 'India')) t(partner_code, name_zh, name_en);
  CREATE TABLE cfg_hs_group AS SELECT * FROM (VALUES ('710421', 'lr', 0, true), ('710491', 'lp', 1, true)) t(hs6, group_id, group_order, in_total);
  CREATE TABLE cfg_group_name AS SELECT * FROM (VALUES ('all', '合计', 'All', 0), ('lr', '毛坯', 'Rough', 1), ('lp', '成品', 'Polished', 2)) t(group_id, name_zh, name_en, group_order);
  CREATE TABLE cfg_cluster AS SELECT 'all' AS total_group_id;
  CREATE TABLE cfg_region AS SELECT * FROM (VALUES ('nation', NULL), ('province', '44')) t(level, place_prefix);
  CREATE TABLE cfg_customs_place AS SELECT * FROM (VALUES ('44011', '番区', 'Our district', true)) t(place_code, name_zh, name_en, is_district);`;

async function withMarts(setup: string, marts: string[], fn: (conn: Conn) => Promise<void>, config = CONFIG): Promise<void> {
  const { instance, conn } = await openDuck();
  try {
    await exec(conn, readFileSync(join(MODELS_DIR, 'macros', '40_analytics.sql'), 'utf8'));
    await exec(conn, config);
    await exec(conn, setup);
    const models = listMartModels();
    for (const name of marts) {
      const m = models.find((x) => x.name === name);
      assert.ok(m, `mart ${name} exists`);
      await buildMart(conn, m);
    }
    await fn(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

// Monthly trade rows: (year, level, group, flow, trade-mode class, USD, carats).
const monthly = (rows: Cell[][]) =>
  table('mart_trade_monthly', 'year, region_level, hs_group, flow, trade_mode_class, value_usd, quantity_carats, synthetic', 'INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, DOUBLE, DOUBLE, BOOLEAN', rows.map((r) => [...r, true]));

const TRADE = monthly([
  // 2024: district processing 30 USD / 3 ct rough in, 50 USD / 2 ct polished out; general trade does not count.
  [2024, 'district', 'lr', 'import', 'processing', 30, 3],
  [2024, 'district', 'lr', 'import', 'general', 100, 10],
  [2024, 'district', 'lp', 'export', 'processing', 50, 2],
  [2024, 'nation', 'lr', 'import', 'processing', 120, 12],
  [2024, 'nation', 'lp', 'export', 'processing', 200, 10],
  // 2023: the district trades only in general trade (a true zero); the nation has no rough under processing.
  [2023, 'district', 'lp', 'export', 'general', 7, 1],
  [2023, 'nation', 'lp', 'export', 'processing', 100, 5],
  // 2022: no district records at all; the nation only imports.
  [2022, 'nation', 'lr', 'import', 'processing', 40, 4],
  // 2021: quantities without carats.
  [2021, 'district', 'lp', 'export', 'processing', 8, null],
  [2021, 'nation', 'lp', 'export', 'processing', 80, null],
  // 2020: the district imported more material than it exported: a negative value added, kept.
  [2020, 'district', 'lr', 'import', 'processing', 30, 3],
  [2020, 'district', 'lp', 'export', 'processing', 10, 1],
  // Rows whose trade mode is unknown (a file without the column) tell nothing about processing trade.
  [2019, 'district', 'lp', 'export', null, 10, 1],
]);

test('processing trade: district 30 of 120 rough in (0.25) and 50 of 200 polished out (0.25; carats 2 of 10 = 0.2)', async () => {
  await withMarts(TRADE, ['mart_processing_trade'], async (conn) => {
    const rows = await all<Row>(conn, `SELECT * FROM mart_processing_trade`);
    const get = (y: number, s: string) => rows.find((r) => r.year === y && r.stage === s)!;
    const r24 = get(2024, 'rough_import');
    assert.deepEqual([num(r24.district_value_usd), num(r24.district_carats), num(r24.nation_value_usd), num(r24.nation_carats)], [30, 3, 120, 12]);
    close(r24.share_of_nation, 0.25);
    close(r24.carat_share_of_nation, 0.25);
    const p24 = get(2024, 'polished_export');
    close(p24.share_of_nation, 0.25);
    close(p24.carat_share_of_nation, 0.2);
    assert.equal(p24.note, null);
    assert.equal(p24.group_id, 'lp');
    // 2023: the district's zero is a zero; no national rough under processing leaves that share empty.
    assert.equal(num(get(2023, 'polished_export').district_value_usd), 0);
    assert.equal(num(get(2023, 'polished_export').share_of_nation), 0);
    assert.equal(get(2023, 'rough_import').share_of_nation, null);
    assert.equal(get(2023, 'rough_import').note, 'no_national_trade');
    // 2022: no district records: missing, not zero.
    assert.equal(get(2022, 'rough_import').district_value_usd, null);
    assert.equal(get(2022, 'rough_import').note, 'no_district_data');
    // 2021: a value share but no carat share.
    close(get(2021, 'polished_export').share_of_nation, 0.1);
    assert.equal(get(2021, 'polished_export').carat_share_of_nation, null);
    assert.equal(get(2021, 'polished_export').note, 'no_national_carats');
    // 2019 has no row with a known trade mode, so no row at all.
    assert.equal(rows.filter((r) => r.year === 2019).length, 0);
    for (const r of rows) for (const c of ['share_of_nation', 'carat_share_of_nation']) assert.ok(r[c] === null || Number.isFinite(num(r[c])), `${c} finite or empty`);
  });
});

test('value added per carat: (50 − 30) ÷ 2 = 10 in the district, (200 − 120) ÷ 10 = 8 in China; empty with reasons', async () => {
  await withMarts(TRADE, ['mart_processing_value_added'], async (conn) => {
    const rows = await all<Row>(conn, `SELECT * FROM mart_processing_value_added`);
    const get = (y: number, l: string) => rows.find((r) => r.year === y && r.region_level === l)!;
    assert.equal(num(get(2024, 'district').value_added_usd_per_carat), 10);
    assert.equal(num(get(2024, 'district').value_added_usd), 20);
    assert.equal(num(get(2024, 'nation').value_added_usd_per_carat), 8);
    assert.equal(num(get(2023, 'nation').value_added_usd_per_carat), 20);
    assert.equal(get(2023, 'district').value_added_usd_per_carat, null);
    assert.equal(get(2023, 'district').note, 'no_processing_exports');
    assert.equal(get(2022, 'district').note, 'no_trade_mode_data');
    assert.equal(get(2022, 'district').processing_exports_usd, null);
    assert.equal(get(2022, 'nation').note, 'no_processing_exports');
    assert.equal(num(get(2022, 'nation').value_added_usd), -40);
    assert.equal(get(2021, 'district').value_added_usd_per_carat, null);
    assert.equal(get(2021, 'district').note, 'no_exported_carats');
    assert.equal(num(get(2020, 'district').value_added_usd_per_carat), -20);
    assert.equal(get(2020, 'district').note, null);
    assert.equal(get(2019, 'district').note, 'no_trade_mode_data');
    for (const r of rows) assert.ok(r.value_added_usd_per_carat === null || Number.isFinite(num(r.value_added_usd_per_carat)), 'finite or empty');
  });
});

test('no trade and no chains give empty marts, not errors', async () => {
  await withMarts(monthly([]), ['mart_processing_trade', 'mart_processing_value_added'], async (conn) => {
    assert.equal((await all<Row>(conn, `SELECT * FROM mart_processing_trade`)).length, 0);
    assert.equal((await all<Row>(conn, `SELECT * FROM mart_processing_value_added`)).length, 0);
  });
  const noChains = CONFIG.replace(/CREATE TABLE cfg_processing_chain AS [^;]+;/, 'CREATE TABLE cfg_processing_chain (chain_id VARCHAR, chain_order INTEGER, name_zh VARCHAR, name_en VARCHAR, rough_group VARCHAR, polished_group VARCHAR, is_focus BOOLEAN);');
  await withMarts(TRADE, ['mart_processing_trade', 'mart_processing_value_added'], async (conn) => {
    assert.equal((await all<Row>(conn, `SELECT * FROM mart_processing_trade`)).length, 0);
    assert.equal((await all<Row>(conn, `SELECT * FROM mart_processing_value_added`)).length, 0);
  }, noChains);
});

// Trade share rows: (year, group, flow, district USD, district ct, nation USD, nation ct).
const share = (rows: Cell[][]) =>
  table('mart_trade_share', 'year, group_id, flow, district_value_usd, district_carats, nation_value_usd, nation_carats, synthetic', 'INTEGER, VARCHAR, VARCHAR, DOUBLE, DOUBLE, DOUBLE, DOUBLE, BOOLEAN', rows.map((r) => [...r, true]));
// Partner rows: (year, level, group, flow, partner, USD, ct).
const partners = (rows: Cell[][]) =>
  table('mart_trade_partner_year', 'year, region_level, group_id, flow, partner_code, value_usd, quantity_carats', 'INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, DOUBLE, DOUBLE', rows);

const RIVAL =
  share([
    [2024, 'lr', 'export', null, null, 100, 40],
    [2024, 'lp', 'export', 5, 2, 60, 10],
    [2023, 'lr', 'import', null, null, 50, 5],
    [2022, 'lr', 'export', null, null, 10, 5],
    [2022, 'lp', 'export', null, null, 30, null],
  ]) +
  partners([
    [2024, 'nation', 'lr', 'export', '111', 70, 30],
    [2024, 'nation', 'lr', 'export', '110', 30, 10],
    [2024, 'nation', 'lp', 'import', '111', 25, 1],
    [2024, 'nation', 'lp', 'export', '110', 60, 10],
    [2024, 'district', 'lp', 'export', '110', 5, 2],
    [2023, 'nation', 'lr', 'import', '110', 50, 5],
  ]);

test('rival orders: 70 of 100 rough to the rival (0.7), 25 polished back; home-cut share 10 ÷ (10 + 40) = 0.2', async () => {
  await withMarts(RIVAL, ['mart_rival_orders'], async (conn) => {
    const rows = await all<Row>(conn, `SELECT * FROM mart_rival_orders`);
    const get = (y: number, l: string) => rows.find((r) => r.year === y && r.region_level === l)!;
    const n = get(2024, 'nation');
    assert.deepEqual([num(n.rough_exports_to_rival_usd), num(n.rough_exports_to_rival_carats), num(n.polished_imports_from_rival_usd), num(n.polished_imports_from_rival_carats)], [70, 30, 25, 1]);
    close(n.rival_share_of_rough_exports, 0.7);
    close(n.home_cut_share, 0.2);
    assert.equal(n.rival_name_en, 'India');
    assert.equal(n.home_cut_note, null);
    // The district exports only polished: everything it exports is cut at home; it sends no rough to the rival.
    const d = get(2024, 'district');
    assert.equal(num(d.home_cut_share), 1);
    assert.equal(num(d.rough_exports_to_rival_usd), 0);
    assert.equal(d.rival_share_of_rough_exports, null);
    assert.equal(d.rival_note, 'no_rough_exports');
    // 2023: the nation only imports: no exports to divide; the district has nothing at all.
    assert.equal(get(2023, 'nation').home_cut_share, null);
    assert.equal(get(2023, 'nation').home_cut_note, 'no_exports');
    assert.equal(get(2023, 'district').home_cut_note, 'no_trade');
    assert.equal(get(2023, 'district').rival_note, 'no_partner_data');
    assert.equal(get(2023, 'district').rough_exports_to_rival_usd, null);
    // 2022: polished exports without carats.
    assert.equal(get(2022, 'nation').home_cut_share, null);
    assert.equal(get(2022, 'nation').home_cut_note, 'no_carats');
  });
});

test('rival orders without a configured rival say so', async () => {
  const noRival = CONFIG.replace(/CREATE TABLE cfg_rival_partner AS [^;]+;/, 'CREATE TABLE cfg_rival_partner (partner_code VARCHAR, name_zh VARCHAR, name_en VARCHAR);');
  await withMarts(RIVAL, ['mart_rival_orders'], async (conn) => {
    const n = (await all<Row>(conn, `SELECT * FROM mart_rival_orders WHERE year = 2024 AND region_level = 'nation'`))[0];
    assert.equal(n.rough_exports_to_rival_usd, null);
    assert.equal(n.rival_note, 'no_rival_partner');
    close(n.home_cut_share, 0.2);
  }, noRival);
});

// Customs statistics rows by 注册地: (period, place, name, code, group, flow, mode class, currency, USD, ct, file).
const stats = (rows: Cell[][]) =>
  table(
    'stg_customs_stats',
    'period, year, place_code, place_name, hs_code, hs_group, flow, partner_code, trade_mode_name, trade_mode_class, currency, value_usd, quantity_carats, _file, _synthetic',
    'DATE, INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, DOUBLE, DOUBLE, VARCHAR, BOOLEAN',
    rows.map(([period, place, name, code, group, flow, cls, cur, usd, ct, file]) => [
      period, Number(String(period).slice(0, 4)), place, name, code, group, flow, null, cls === null ? null : `mode ${cls}`, cls, cur, usd, ct, file, true,
    ]),
  );

const PEERS =
  stats([
    // File a has trade modes; file b (CNY, no modes) repeats the district's place for the same month and code.
    ['2024-01-01', '44011', '番区', '71049100', 'lp', 'export', 'processing', 'USD', 60, 2, 'a.csv'],
    ['2024-01-01', '44011', '番区', '71049100', 'lp', 'export', 'general', 'USD', 20, 2, 'a.csv'],
    ['2024-01-01', '44031', '深圳', '71049100', 'lp', 'export', 'processing', 'USD', 30, 1, 'a.csv'],
    ['2024-01-01', '44191', '东莞', '71049100', 'lp', 'export', 'general', 'USD', 90, null, 'a.csv'],
    ['2024-01-01', '45001', '外省', '71049100', 'lp', 'export', 'general', 'USD', 1000, 10, 'a.csv'],
    ['2024-01-01', '44011', '番区', '71049100', 'lp', 'export', null, 'CNY', 80, 4, 'b.csv'],
    // 2023: only the file without trade modes.
    ['2023-01-01', '44011', '番区', '71049100', 'lp', 'export', null, 'CNY', 50, 5, 'b.csv'],
  ]);

test('peer places: shares 80/30/90 of 200, ranks, unit values and processing shares by hand', async () => {
  await withMarts(PEERS, ['mart_peer_places'], async (conn) => {
    const rows = await all<Row>(conn, `SELECT * FROM mart_peer_places`);
    const get = (y: number, p: string, g = 'lp', f = 'export') => rows.find((r) => r.year === y && r.place_code === p && r.group_id === g && r.flow === f)!;
    assert.equal(rows.filter((r) => r.place_code === '45001').length, 0, 'a place outside the province is no peer');
    const d = get(2024, '44011');
    assert.equal(num(d.value_usd), 80, 'the overlapping file without trade modes is not added');
    assert.equal(num(d.province_value_usd), 200);
    close(d.share_of_province, 0.4);
    assert.equal(num(d.rank_in_province), 2);
    assert.equal(num(d.usd_per_carat), 20);
    close(d.processing_share, 0.75);
    assert.equal(d.is_district, true);
    assert.equal(d.place_name_en, 'Our district');
    const sz = get(2024, '44031');
    close(sz.share_of_province, 0.15);
    assert.equal(num(sz.rank_in_province), 3);
    assert.equal(num(sz.processing_share), 1);
    assert.equal(sz.is_district, false);
    assert.equal(sz.place_name_en, 'Place 44031');
    const dg = get(2024, '44191');
    assert.equal(num(dg.rank_in_province), 1);
    assert.equal(num(dg.processing_share), 0);
    assert.equal(dg.usd_per_carat, null);
    assert.equal(dg.unit_value_note, 'no_carats');
    // The total group and the total flow add up the same rows.
    assert.equal(num(get(2024, '44011', 'all', 'total').value_usd), 80);
    // 2023: the source has no trade modes, so no processing share (not 0).
    const y23 = get(2023, '44011');
    assert.equal(y23.processing_share, null);
    assert.equal(y23.processing_share_note, 'no_trade_mode_in_source');
    assert.equal(num(y23.share_of_province), 1);
    for (const r of rows) for (const c of ['share_of_province', 'usd_per_carat', 'processing_share']) assert.ok(r[c] === null || Number.isFinite(num(r[c])), `${c} finite or empty`);
  });
});

test('peer places over no customs rows is an empty table', async () => {
  await withMarts(stats([]), ['mart_peer_places'], async (conn) => {
    assert.equal((await all<Row>(conn, `SELECT * FROM mart_peer_places`)).length, 0);
  });
});
