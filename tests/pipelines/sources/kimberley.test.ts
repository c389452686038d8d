import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { stageFile, type StagedFile } from '../../helpers/stageFile.ts';
import { all } from '../../../pipelines/lib/duck.ts';
import { readWorkbook } from '../../../pipelines/sources/landing.ts';
import { isKimberleyHeader, mapKimberleyHeader } from '../../../pipelines/sources/kimberley.ts';
import { StructuralError } from '../../../pipelines/sources/types.ts';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const FIX = join(ROOT, 'tests/fixtures/kimberley');
const BUNDLED = join(ROOT, 'data/raw/kimberley/KP_production_original.xlsx');
const REAL = resolve(ROOT, '../shared/data/real/kimberley-process-production');

type Row = { _line: number; country: string; year: number; half_year: number; trade_type: string; production_type: string | null; carats: number | null; value_usd: number | null };

async function staged<T>(file: string, fn: (s: StagedFile) => Promise<T> | T): Promise<T> {
  const s = await stageFile(file);
  try {
    return await fn(s);
  } finally {
    s.close();
  }
}

/** Yearly sums of what was loaded, and of what was set aside as duplicates (from their landing cells). */
async function yearTotals(s: StagedFile, year: number) {
  const [loaded] = await all<{ c: number; v: number }>(s.conn, `SELECT sum(carats) c, sum(value_usd) v FROM stg_kimberley WHERE year = ${year}`);
  const [dups] = await all<{ c: number; v: number }>(
    s.conn,
    `SELECT coalesce(sum(l.carats::DOUBLE), 0) c, coalesce(sum(l.value_usd::DOUBLE), 0) v FROM quarantine q
     JOIN landing_kimberley l ON l._file = q.file AND l._line::INTEGER = q.line
     WHERE q.rule = 'duplicate_row' AND l.year = '${year}'`,
  );
  return { carats: loaded.c, value: loaded.v, dupCarats: dups.c, dupValue: dups.v };
}

const close = (a: number, b: number, eps: number, what: string) => assert.ok(Math.abs(a - b) <= eps, `${what}: ${a} vs ${b}`);

test('header recognition: the KP export and the tidy layout; other headers are not KP', () => {
  assert.equal(isKimberleyHeader(['Country Name', 'Year', 'Quarter', 'Trade Type', 'Production Type', 'Carat', 'US Value', 'Public', 'Created', 'Last Modified']), true);
  assert.equal(isKimberleyHeader(['country', 'year', 'half_year', 'trade_type', 'production_type', 'carats', 'value_usd', 'public']), true);
  assert.equal(isKimberleyHeader(['Importers', 'Imported value in 2005']), false);
  assert.equal(isKimberleyHeader(['country', 'year', 'value']), false);
  assert.deepEqual(mapKimberleyHeader({ relPath: 'kp.csv', header: ['Country Name', 'Year', 'Quarter', 'notes'] }).names, ['country', 'year', 'half_year', '_x3']);
});

test('the bundled real KP workbook loads: rows reconcile, only rows identical in every published field are duplicates', async () => {
  await staged(BUNDLED, async (s) => {
    assert.equal(s.adapter.kind, 'kimberley');
    assert.equal(s.rowsIn, 1529);
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length, 'reconciliation');
    // India's repeated "No Production" H2 2024 rows differ only in their KP timestamps: duplicates.
    assert.deepEqual(
      s.quarantine.map((q) => [q.line, q.rule]),
      [712, 713, 714, 715].map((l) => [l, 'duplicate_row']),
    );
    assert.equal(s.quarantine[0].message, 'India 2024 H2 No Production: identical in every published field to row 710');
    // Same country, half year and type with different figures: conflicts, loaded and all counted.
    const conflicts = await all<{ l: number; r: string }>(s.conn, `SELECT _line AS l, conflict_resolution AS r FROM stg_kimberley WHERE conflict_resolution IS NOT NULL ORDER BY 1`);
    assert.deepEqual(
      conflicts.map((c) => [c.l, c.r]),
      [416, 419, 459, 460, 718, 720, 721, 722, 723, 724, 725, 726, 727].map((l) => [l, 'summed']),
    );
    const [rev] = await all<{ t: string }>(s.conn, `SELECT strftime(revised_at, '%Y-%m-%d %H:%M:%S') AS t FROM stg_kimberley WHERE _line = 419`);
    assert.equal(rev.t, '2023-09-07 07:47:07', 'the KP Created time is read');
    const rows = s.rows as Row[];
    assert.equal(new Set(rows.map((r) => r.country)).size, 56);
    assert.deepEqual(new Set(rows.map((r) => r.half_year)), new Set([1, 2]));
    const angola = rows.find((r) => r._line === 2);
    assert.deepEqual([angola?.country, angola?.year, angola?.half_year, angola?.carats, angola?.value_usd], ['Angola', 2003, 1, 2194850.08, 255516832.81]);
    const none = rows.find((r) => r.trade_type === 'No Production');
    assert.equal(none?.production_type, null);
  });
});

test('2022 world production ≈ 120.66 Mct / USD 15.96 bn: what is loaded equals the workbook read independently', async () => {
  // Independent path: sum the 2022 rows straight from the sheet, without the adapter or SQL.
  const [sheet] = await readWorkbook(BUNDLED, 'kp');
  const head = sheet.rows[0].cells;
  const [iy, ic, iv] = ['Year', 'Carat', 'US Value'].map((h) => head.indexOf(h));
  const raw = sheet.rows.slice(1).filter((r) => r.cells[iy] === '2022');
  const rawCarats = raw.reduce((a, r) => a + Number(r.cells[ic] || 0), 0);
  const rawValue = raw.reduce((a, r) => a + Number(r.cells[iv] || 0), 0);
  await staged(BUNDLED, async (s) => {
    const t = await yearTotals(s, 2022);
    close(t.carats + t.dupCarats, rawCarats, 0.01, 'carats');
    close(t.value + t.dupValue, rawValue, 0.01, 'value');
    // 2022 has no duplicates, only a conflict (the DRC's two H1 LSM rows), and both rows count.
    assert.equal(t.dupCarats, 0);
    close(t.carats, rawCarats, 0.01, 'every 2022 row counts');
    close(t.carats, 120.66e6, 0.005e6, 'carats vs 120.66 Mct');
    close(t.value, 15.96e9, 0.005e9, 'value vs USD 15.96 bn');
  });
});

test('2022 totals against the derived yearly CSV (the same workbook summed without de-duplication)', async (t) => {
  if (!existsSync(REAL)) return t.skip('../shared/data/real not present');
  const yearly = Papa.parse<Record<string, string>>(readFileSync(join(REAL, 'kp_production_by_country_year_2003_2024.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const y2022 = yearly.filter((r) => r.year === '2022');
  const carats = y2022.reduce((a, r) => a + Number(r.carats || 0), 0);
  const value = y2022.reduce((a, r) => a + Number(r.value_usd || 0), 0);
  await staged(BUNDLED, async (s) => {
    const tot = await yearTotals(s, 2022);
    // The derived CSV sums every row: it exceeds ours by exactly the true duplicates (none carry production in 2022).
    close(tot.carats, carats - tot.dupCarats, 0.01, 'carats');
    close(tot.value, value - tot.dupValue, 0.01, 'value');
  });
});

test('the tidy half-year CSV gives the same rows and yearly totals as the KP workbook', async (t) => {
  if (!existsSync(REAL)) return t.skip('../shared/data/real not present');
  const byYear = async (file: string) =>
    staged(file, async (s) => ({
      rows: s.rows.length,
      q: s.quarantine.map((q) => [q.line, q.rule]),
      totals: await all(s.conn, `SELECT year, round(sum(carats), 2) c, round(sum(value_usd), 2) v FROM stg_kimberley GROUP BY 1 ORDER BY 1`),
    }));
  const xlsx = await byYear(BUNDLED);
  const csv = await byYear(join(REAL, 'kp_production_by_country_halfyear_2003_2024.csv'));
  assert.deepEqual(csv, xlsx);
  assert.equal(xlsx.totals.length, 22);
});

test('the three layouts of the same fixture rows stage identically (XLSX export with notes, CSV export, tidy CSV)', async () => {
  const facts = (file: string) =>
    staged(file, (s) => ({
      rowsIn: s.rowsIn,
      rows: (s.rows as Row[]).map((r) => [r._line, r.country, r.year, r.half_year, r.trade_type, r.production_type, r.carats, r.value_usd]),
      q: s.quarantine.map((q) => [q.line, q.rule, q.message]),
    }));
  const xlsx = await facts(join(FIX, 'kp_export_small.xlsx'));
  assert.equal(xlsx.rowsIn, 6, 'the note-only row beside the table is not data');
  // Rows 5 and 6 share the key but not the figures: a conflict, both loaded.
  assert.deepEqual(xlsx.q, []);
  assert.equal(xlsx.rows.length, 6);
  assert.deepEqual(await facts(join(FIX, 'kp_export_small.csv')), xlsx);
  assert.deepEqual(await facts(join(FIX, 'kp_tidy_small.csv')), xlsx);
});

test('malformed: a bad year → year_unparseable at its line', async () => {
  await staged(join(FIX, 'kp_bad_year.csv'), (s) => {
    assert.deepEqual(s.quarantine.map((q) => [q.line, q.column, q.rule, q.message]), [[3, 'year', 'year_unparseable', 'Year "20X2" is not a year between 1990 and 2100']]);
    assert.equal(s.rows.length, 1);
  });
});

test('malformed: bad numbers, a third half year and a repeated row, each with its rule and line', async () => {
  await staged(join(FIX, 'kp_bad_numbers.csv'), (s) => {
    assert.deepEqual(s.quarantine.map((q) => [q.line, q.column, q.rule, q.message]), [
      [2, 'carats', 'quantity_unparseable', 'Carat "abc" is not a number'],
      [3, 'carats', 'quantity_negative', 'Carat "-5" is negative'],
      [4, 'value_usd', 'value_unparseable', 'US Value "12x" is not a number'],
      [5, 'value_usd', 'value_negative', 'US Value "-1" is negative'],
      [6, 'half_year', 'period_unparseable', 'Quarter "3" is not a half year (1 or 2)'],
      [8, null, 'duplicate_row', 'Canada 2022 H1 Production Production: identical in every published field to row 7'],
    ]);
    // Thousands separators are formatting, not errors.
    assert.deepEqual((s.rows as Row[]).map((r) => [r._line, r.carats, r.value_usd]), [[7, 8000000, 1000000000]]);
  });
});

test('malformed: a missing required column → StructuralError naming the file and the column', async () => {
  await assert.rejects(
    stageFile(join(FIX, 'kp_missing_column.csv')),
    (e: unknown) =>
      e instanceof StructuralError &&
      e.message ===
        'kp_missing_column.csv:1: missing required column "US Value" (or "value_usd"); expected a header like the Kimberley Process statistics export (Country Name, Year, Quarter, Trade Type, Production Type, Carat, US Value)',
  );
});
