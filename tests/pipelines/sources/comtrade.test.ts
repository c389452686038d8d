// The UN Comtrade export adapter: header detection (comtradeplus and legacy layouts), every row loaded or
// quarantined with the rule, line and column, and the committed synthetic sample through landing and staging.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { stageFile, type StagedFile } from '../../helpers/stageFile.ts';
import { all } from '../../../pipelines/lib/duck.ts';
import { isComtradeHeader } from '../../../pipelines/sources/comtrade.ts';
import { detectAdapter } from '../../../pipelines/sources/index.ts';
import { COMTRADE_HEADER } from '../../../pipelines/generate/comtrade.ts';
import { StructuralError } from '../../../pipelines/sources/types.ts';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const FIX = join(ROOT, 'tests/fixtures/comtrade');
const SAMPLE = join(ROOT, 'data/raw/comtrade/TradeData_7102_7104_CHN_IND_2018-2025.csv');

async function staged<T>(file: string, fn: (s: StagedFile) => Promise<T> | T): Promise<T> {
  const s = await stageFile(file, { asOf: '2025-12-31' });
  try {
    return await fn(s);
  } finally {
    s.close();
  }
}

const table = (header: string[]) => ({ path: 'x.csv', relPath: 'x.csv', format: 'csv' as const, headerLine: 1, header });

test('header detection: the comtradeplus export and the legacy layout are Comtrade; Trade Map, customs and KP headers are not', () => {
  assert.equal(isComtradeHeader(COMTRADE_HEADER), true);
  assert.equal(detectAdapter(table(COMTRADE_HEADER))?.kind, 'comtrade');
  assert.equal(isComtradeHeader(['Classification', 'Year', 'Trade Flow Code', 'Reporter Code', 'Partner Code', 'Commodity Code', 'Trade Value (US$)']), true);
  assert.equal(isComtradeHeader(['Importers', 'Imported value in 2022']), false);
  assert.equal(isComtradeHeader(['数据年月', '商品编码', '贸易伙伴编码', '美元']), false);
  assert.equal(isComtradeHeader(['Country Name', 'Year', 'Quarter', 'Trade Type', 'Carat', 'US Value']), false);
  // A reporter/partner/flow trio without a commodity or value column is not enough.
  assert.equal(isComtradeHeader(['reporterCode', 'partnerCode', 'flowCode']), false);
  assert.notEqual(detectAdapter(table(['Importers', 'Imported value in 2022']))?.kind, 'comtrade');
});

test('a Comtrade file without primaryValue stops with a StructuralError naming the file and the column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'comtrade-'));
  try {
    const file = join(dir, 'no_value.csv');
    const header = COMTRADE_HEADER.filter((h) => h !== 'primaryValue');
    writeFileSync(file, '\uFEFF' + header.join(',') + '\r\n' + header.map((h) => (h === 'refYear' ? '2022' : '1')).join(',') + '\r\n');
    await assert.rejects(stageFile(file), (e: unknown) => e instanceof StructuralError && /no_value\.csv/.test(e.message) && /primaryValue/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad rows are quarantined with the rule, the line and the column; the rest load and counts reconcile', async () => {
  await staged(join(FIX, 'comtrade_bad_rows.csv'), async (s) => {
    assert.equal(s.adapter.kind, 'comtrade');
    assert.equal(s.rowsIn, 18);
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length, 'every row is loaded or quarantined');
    assert.deepEqual(
      s.quarantine.map((q) => [q.line, q.rule, q.column]),
      [
        [9, 'value_unparseable', 'primary_value'],
        [10, 'flow_unknown', 'flow_code'],
        [11, 'year_unparseable', 'ref_year'],
        [12, 'hs_code_invalid', 'cmd_code'],
        [13, 'duplicate_row', null],
        [14, 'value_negative', 'primary_value'],
        [15, 'quantity_negative', 'qty'],
        [16, 'csv_malformed', null],
        [17, 'header_repeated', null],
        [18, 'period_unparseable', 'ref_month'],
        [19, 'required_value_missing', 'primary_value'],
      ],
    );
    assert.match(s.quarantine[0].message, /primaryValue "12,5" is not a number: thousands separators/);
    assert.match(s.quarantine[4].message, /identical in every published field to line 2/);
    assert.equal(s.quarantine[0].file, 'comtrade_bad_rows.csv');
    const byLine = new Map(s.rows.map((r) => [Number(r._line), r]));
    const india = byLine.get(2)!;
    assert.deepEqual(
      [india.year, india.freq, india.month, india.reporter_code, india.reporter_iso, india.flow, india.partner_iso, india.hs6, india.hs_group, india.value_usd, india.cif_value_usd, india.fob_value_usd, india.quantity_carats],
      [2022, 'A', null, '699', 'IND', 'import', 'CHN', '710421', 'lab_grown_rough', 1000000, 1000000, null, 1000],
    );
    assert.equal(byLine.get(3)!.flow, 'export');
    assert.equal(byLine.get(5)!.value_usd, 0, 'a zero figure is a figure');
    assert.equal(byLine.get(7)!.flow, 're_export');
    assert.equal(byLine.get(8)!.partner_code, '0');
  });
});

test('the legacy comtrade.un.org layout maps onto the same columns (flow codes 1 and 2)', async () => {
  await staged(join(FIX, 'comtrade_legacy_layout.csv'), async (s) => {
    assert.equal(s.adapter.kind, 'comtrade');
    assert.equal(s.quarantine.length, 0, JSON.stringify(s.quarantine));
    assert.deepEqual(
      s.rows.map((r) => [r.reporter_iso, r.flow, r.partner_iso, r.hs_group, r.value_usd, r.quantity_carats]),
      [
        ['IND', 'import', 'CHN', 'natural_polished', 5000000, 1200],
        ['CHN', 'export', 'IND', 'natural_polished', 4800000, 1150],
      ],
    );
  });
});

test('the committed synthetic sample: UTF-8 with BOM, every row loads, both reporters and the HS 2017 → 2022 lab-grown codes', async () => {
  await staged(SAMPLE, async (s) => {
    assert.equal(s.adapter.kind, 'comtrade');
    assert.ok(s.rowsIn > 200 && s.rowsIn < 600, `a few hundred rows (${s.rowsIn})`);
    assert.equal(s.quarantine.length, 0, JSON.stringify(s.quarantine.slice(0, 3)));
    const [r] = await all<{ reporters: string; years: string; first: number; last: number }>(
      s.conn,
      `SELECT string_agg(DISTINCT reporter_iso, ',' ORDER BY reporter_iso) AS reporters, count(DISTINCT year)::INTEGER AS years,
         min(year) FILTER (WHERE hs6 = '710421') AS first, max(year) FILTER (WHERE hs6 = '710420') AS last FROM stg_comtrade`,
    );
    assert.equal(r.reporters, 'CHN,IND');
    assert.equal(r.years, 8);
    assert.deepEqual([r.first, r.last], [2022, 2021]);
    const [g] = await all<{ n: number }>(s.conn, `SELECT count(*)::INTEGER AS n FROM stg_comtrade WHERE hs_group IS NULL`);
    assert.equal(g.n, 0, 'every sample code belongs to a commodity group of the cluster');
  });
});

test('a refYear after the declared as-of date is quarantined as date_after_as_of, naming the column', async () => {
  const s = await stageFile(join(FIX, 'comtrade_small.csv'), { asOf: '2022-12-31' });
  try {
    assert.deepEqual(
      s.quarantine.map((q) => [q.line, q.rule, q.column]),
      [[6, 'date_after_as_of', 'ref_year']],
    );
    assert.match(s.quarantine[0].message, /refYear "2023" is after the extract's as-of date 2022-12-31/);
    assert.equal(s.rowsIn, s.rows.length + 1);
  } finally {
    s.close();
  }
});
