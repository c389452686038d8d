// The cluster analytics marts (RCA, partner HHI, constant-market-share) against values worked out by hand on small
// tables, including the zero and empty inputs that must give an empty value with its reason, never 0/∞/NaN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { all, exec, openDuck, type Conn } from '../../../pipelines/lib/duck.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODELS_DIR } from '../../../pipelines/stage.ts';
import { buildMart, listMartModels } from '../../../pipelines/marts.ts';

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Builds the named marts over hand-made inputs in a fresh in-memory DuckDB. */
async function withMarts(setup: string, marts: string[], fn: (conn: Conn) => Promise<void>): Promise<void> {
  const { instance, conn } = await openDuck();
  try {
    // Only the analytics macros: the others read reference tables these small fixtures do not need.
    await exec(conn, readFileSync(join(MODELS_DIR, 'macros', '40_analytics.sql'), 'utf8'));
    await exec(
      conn,
      `CREATE TABLE cfg_hs_group AS SELECT * FROM (VALUES ('7102a', 'rough', 0, '毛坯', 'Rough', true), ('7102b', 'polished', 1, '成品', 'Polished', true))
         t(hs6, group_id, group_order, name_zh, name_en, is_diamond);
       CREATE TABLE cfg_group_name AS SELECT * FROM (VALUES ('diamonds', '钻石合计', 'All diamonds', 0), ('rough', '毛坯', 'Rough', 1), ('polished', '成品', 'Polished', 2))
         t(group_id, name_zh, name_en, group_order);`,
    );
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

// Trade share rows: (year, group, flow, district, province, nation).
function shareTable(rows: [number, string, string, number | null, number | null, number | null][]): string {
  const values = rows.map(([y, g, f, d, p, n]) => `(${y}, '${g}', '${f}', ${d ?? 'NULL'}, ${p ?? 'NULL'}, ${n ?? 'NULL'}, true)`).join(',');
  return `CREATE TABLE mart_trade_share AS SELECT * FROM (VALUES ${values}) t(year, group_id, flow, district_value_usd, province_value_usd, nation_value_usd, synthetic);`;
}

test('RCA: (20/100) / (300/1000) = 0.6667 and (80/100) / (700/1000) = 1.1429 against the nation', async () => {
  const setup = shareTable([
    [2020, 'rough', 'export', 20, 60, 300],
    [2020, 'polished', 'export', 80, 140, 700],
    [2020, 'diamonds', 'export', 100, 200, 1000],
  ]);
  await withMarts(setup, ['mart_rca'], async (conn) => {
    const rows = await all<Row>(conn, `SELECT group_id, reference_level, rca, rca_note FROM mart_rca ORDER BY group_id, reference_level`);
    const get = (g: string, r: string) => rows.find((x) => x.group_id === g && x.reference_level === r)!;
    assert.equal(rows.length, 4, 'the aggregate group is not in the basket');
    assert.ok(Math.abs(num(get('rough', 'nation').rca)! - 0.2 / 0.3) < 1e-12);
    assert.ok(Math.abs(num(get('polished', 'nation').rca)! - 0.8 / 0.7) < 1e-12);
    // Against the province: (20/100) / (60/200) = 0.6667, (80/100) / (140/200) = 1.1429.
    assert.ok(Math.abs(num(get('rough', 'province').rca)! - 0.2 / 0.3) < 1e-12);
    assert.ok(Math.abs(num(get('polished', 'province').rca)! - 0.8 / 0.7) < 1e-12);
    assert.ok(rows.every((r) => r.rca_note === null));
  });
});

test('RCA: no district trade, no reference trade, and a group the district did not trade', async () => {
  const setup = shareTable([
    // 2020: the district trades only polished; rough is a true zero (RCA 0), not empty.
    [2020, 'rough', 'export', null, 50, 300],
    [2020, 'polished', 'export', 80, 150, 700],
    // 2021: no district trade at all.
    [2021, 'rough', 'export', null, 50, 300],
    [2021, 'polished', 'export', null, 150, 700],
    // 2022: the reference did not trade rough; no province data at all.
    [2022, 'rough', 'export', 10, null, 0],
    [2022, 'polished', 'export', 90, null, 500],
  ]);
  await withMarts(setup, ['mart_rca'], async (conn) => {
    const rows = await all<Row>(conn, `SELECT year, group_id, reference_level, rca, rca_note FROM mart_rca`);
    const get = (y: number, g: string, r: string) => rows.find((x) => x.year === y && x.group_id === g && x.reference_level === r)!;
    assert.equal(num(get(2020, 'rough', 'nation').rca), 0);
    assert.equal(get(2020, 'rough', 'nation').rca_note, null);
    for (const g of ['rough', 'polished']) {
      assert.equal(get(2021, g, 'nation').rca, null);
      assert.equal(get(2021, g, 'nation').rca_note, 'no_district_trade');
      assert.equal(get(2022, g, 'province').rca, null);
      assert.equal(get(2022, g, 'province').rca_note, 'no_reference_trade');
    }
    assert.equal(get(2022, 'rough', 'nation').rca, null);
    assert.equal(get(2022, 'rough', 'nation').rca_note, 'no_reference_trade_in_group');
    // (90/100) / (500/500) = 0.9
    assert.ok(Math.abs(num(get(2022, 'polished', 'nation').rca)! - 0.9) < 1e-12);
    for (const r of rows) assert.ok(r.rca === null || Number.isFinite(num(r.rca)), `finite or empty: ${JSON.stringify(r)}`);
  });
});

// Partner rows: (year, level, group, flow, partner, value).
function partnerTable(rows: [number, string, string, string, string, number][]): string {
  const values = rows.map(([y, l, g, f, p, v]) => `(${y}, '${l}', '${g}', '${f}', '${p}', 'zh${p}', 'en${p}', ${v}, true)`).join(',');
  return `CREATE TABLE mart_trade_partner_year AS SELECT * FROM (VALUES ${values})
    t(year, region_level, group_id, flow, partner_code, partner_name_zh, partner_name_en, value_usd, synthetic);`;
}

test('HHI: shares 0.5/0.3/0.2 give 3800 (high); 4 equal partners 2500 (moderate); 10 equal 1000; no trade is empty', async () => {
  const rows: [number, string, string, string, string, number][] = [
    [2020, 'district', 'rough', 'export', '111', 50],
    [2020, 'district', 'rough', 'export', '110', 30],
    [2020, 'district', 'rough', 'export', '301', 20],
    ...['1', '2', '3', '4'].map((p): [number, string, string, string, string, number] => [2020, 'nation', 'rough', 'export', p, 25]),
    ...Array.from({ length: 10 }, (_, i): [number, string, string, string, string, number] => [2020, 'nation', 'polished', 'export', String(i), 7]),
  ];
  const setup =
    partnerTable(rows) +
    shareTable([
      [2020, 'rough', 'export', 100, null, 100],
      [2020, 'polished', 'export', null, null, 70],
    ]);
  await withMarts(setup, ['mart_partner_concentration'], async (conn) => {
    const out = await all<Row>(conn, `SELECT region_level, group_id, partners, hhi, hhi_band, top_partner_code, top_partner_share, hhi_note FROM mart_partner_concentration`);
    const get = (l: string, g: string) => out.find((x) => x.region_level === l && x.group_id === g)!;
    assert.equal(num(get('district', 'rough').hhi), 3800);
    assert.equal(get('district', 'rough').hhi_band, 'high');
    assert.equal(get('district', 'rough').top_partner_code, '111');
    assert.equal(num(get('district', 'rough').top_partner_share), 0.5);
    assert.equal(num(get('nation', 'rough').hhi), 2500);
    assert.equal(get('nation', 'rough').hhi_band, 'moderate');
    assert.equal(num(get('nation', 'polished').hhi), 1000);
    assert.equal(get('nation', 'polished').hhi_band, 'unconcentrated');
    const none = get('district', 'polished');
    assert.equal(none.hhi, null);
    assert.equal(none.hhi_band, null);
    assert.equal(none.hhi_note, 'no_trade');
    assert.equal(num(none.partners), 0);
  });
});

test('CMS: scale, commodity, market and competitiveness effects add up to the change, as worked by hand', async () => {
  // Nation: rough→A 100→150, rough→B 100→100, polished→A 200→220. r = (470-400)/400 = 0.175.
  // r_rough = 50/200 = 0.25; r_polished = 20/200 = 0.1. r_rough,A = 0.5, r_rough,B = 0, r_polished,A = 0.1.
  // District: rough→A 10→20, rough→B 30→30, polished→A 60→50. V0 = 100, V1 = 100, change 0.
  // scale = 0.175 × 100 = 17.5
  // commodity = (0.25 − 0.175) × 40 + (0.1 − 0.175) × 60 = 3 − 4.5 = −1.5
  // market = (0.5 − 0.25) × 10 + (0 − 0.25) × 30 + (0.1 − 0.1) × 60 = 2.5 − 7.5 = −5
  // competitiveness = 0 − 17.5 + 1.5 + 5 = −11
  const setup =
    partnerTable([
      [2020, 'nation', 'rough', 'export', 'A', 100],
      [2020, 'nation', 'rough', 'export', 'B', 100],
      [2020, 'nation', 'polished', 'export', 'A', 200],
      [2021, 'nation', 'rough', 'export', 'A', 150],
      [2021, 'nation', 'rough', 'export', 'B', 100],
      [2021, 'nation', 'polished', 'export', 'A', 220],
      [2020, 'district', 'rough', 'export', 'A', 10],
      [2020, 'district', 'rough', 'export', 'B', 30],
      [2020, 'district', 'polished', 'export', 'A', 60],
      [2021, 'district', 'rough', 'export', 'A', 20],
      [2021, 'district', 'rough', 'export', 'B', 30],
      [2021, 'district', 'polished', 'export', 'A', 50],
      // 2022: the nation has data, the district's records do not (missing, not zero).
      [2022, 'nation', 'rough', 'export', 'A', 10],
    ]) +
    shareTable([
      [2020, 'rough', 'export', 40, null, 200],
      [2020, 'polished', 'export', 60, null, 200],
      [2021, 'rough', 'export', 50, null, 250],
      [2021, 'polished', 'export', 50, null, 220],
      [2022, 'rough', 'export', null, null, 10],
    ]);
  await withMarts(setup, ['mart_export_cms'], async (conn) => {
    const out = await all<Row>(conn, `SELECT * FROM mart_export_cms ORDER BY year`);
    assert.equal(out.length, 2);
    const y = out[0];
    assert.equal(y.year, 2021);
    assert.equal(y.base_year, 2020);
    assert.ok(Math.abs(num(y.reference_growth)! - 0.175) < 1e-12);
    assert.equal(num(y.change_usd), 0);
    assert.equal(num(y.scale_effect_usd), 17.5);
    assert.equal(num(y.commodity_effect_usd), -1.5);
    assert.equal(num(y.market_effect_usd), -5);
    assert.equal(num(y.competitiveness_effect_usd), -11);
    assert.equal(y.note, null);
    const missing = out[1];
    assert.equal(missing.year, 2022);
    assert.equal(missing.note, 'no_district_data');
    assert.equal(missing.change_usd, null);
    assert.equal(missing.scale_effect_usd, null);
  });
});
