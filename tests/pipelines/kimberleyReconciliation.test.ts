// The shipped Kimberley Process export through the whole pipeline: true duplicates only, conflicts summed and
// reported (quality.json, catalog), and each year's world total reconciled with what KP published.
// Real file, real DuckDB, temporary folders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../pipelines/run.ts';
import { readWorkbook } from '../../pipelines/sources/landing.ts';

const BUNDLED = 'data/raw/kimberley/KP_production_original.xlsx';
const tmp = mkdtempSync(join(tmpdir(), 'kp-recon-'));
const out = join(tmp, 'out');
after(() => rmSync(tmp, { recursive: true, force: true }));

type Table = { columns: string[]; rows: unknown[][] };
const table = (name: string): Record<string, unknown>[] => {
  const t = JSON.parse(readFileSync(join(out, 'tables', `${name}.json`), 'utf8')) as Table;
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
};

before(async () => {
  const raw = join(tmp, 'raw');
  mkdirSync(join(raw, 'kimberley'), { recursive: true });
  cpSync(BUNDLED, join(raw, 'kimberley/KP_production_original.xlsx'));
  cpSync('data/raw/sources.json', join(raw, 'sources.json'));
  await runPipeline({ rawDir: raw, outDir: out, cacheDir: null });
});

test('same key, different figures: not quarantined as duplicates, summed, and reported with their effect', () => {
  const quality = JSON.parse(readFileSync(join(out, 'quality.json'), 'utf8'));
  const kp = quality.files.find((f: { kind: string }) => f.kind === 'kimberley');
  assert.deepEqual(kp.byRule, { duplicate_row: 4 }, 'only India\'s four identical rows are duplicates');
  const conflicts = quality.conflicts.find((c: { table: string }) => c.table === 'mart_global_kp_conflicts').rows;
  assert.deepEqual(
    conflicts.map((c: Record<string, unknown>) => [c.country, c.year, c.half_year, c.rows, c.resolution]),
    [
      ['Indonesia', 2007, 1, 2, 'summed'],
      ['Indonesia', 2007, 2, 2, 'summed'],
      ['Indonesia', 2008, 1, 3, 'summed'],
      ['Indonesia', 2008, 2, 2, 'summed'],
      ['Congo, Democratic Republic of', 2022, 1, 2, 'summed'],
      ['Congo, Republic of', 2023, 1, 2, 'summed'],
    ],
  );
  const drc = conflicts.find((c: Record<string, unknown>) => c.year === 2022);
  assert.equal(drc.carats_added, 871287.39, 'the second LSM row, which quarantining as a duplicate left out');
  const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
  assert.ok(catalog.tables.some((t: { name: string; rows: number }) => t.name === 'mart_global_kp_conflicts' && t.rows === 6));
  // Why summing is right: KP's own 2022 table gives the DRC 10,780 thousand carats and USD 77 m
  // (naturaldiamonds.com, "World Diamond Production in Carats and Value 2022"), which only the sum of both rows gives.
  const drc2022 = table('mart_global_kp').find((r) => r.country === 'Congo, Democratic Republic of' && r.year === 2022)!;
  assert.equal(Math.round(Number(drc2022.carats) / 1000), 10780);
  assert.equal(Math.round(Number(drc2022.value_usd) / 1e6), 77);
});

test('each complete year\'s world total reconciles with KP\'s published total, or the difference is stated', async () => {
  // Independent path: the workbook summed in JavaScript, rows identical in every published field counted once.
  const [sheet] = await readWorkbook(BUNDLED, 'kp');
  const head = sheet.rows[0].cells;
  const idx = ['Country Name', 'Year', 'Quarter', 'Trade Type', 'Production Type', 'Carat', 'US Value'].map((h) => head.indexOf(h));
  const seen = new Set<string>();
  const byYear = new Map<number, { c: number; v: number }>();
  for (const r of sheet.rows.slice(1)) {
    const cells = idx.map((i) => r.cells[i] ?? '');
    if (!cells[0] || seen.has(cells.join('|'))) continue;
    seen.add(cells.join('|'));
    const y = Number(cells[1]);
    const t = byYear.get(y) ?? { c: 0, v: 0 };
    t.c += Number(cells[5] || 0);
    t.v += Number(cells[6] || 0);
    byYear.set(y, t);
  }
  const rows = table('mart_global_kp_reconciliation');
  const published = readFileSync('data/reference/kimberley-totals/kp_world_production_annual.csv', 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
  assert.ok(published.length >= 8);
  for (const r of rows) {
    const y = Number(r.year);
    assert.ok(Math.abs(Number(r.file_carats) - byYear.get(y)!.c) < 0.01, `${y}: the reconciled total is what the workbook holds`);
    assert.ok(Math.abs(Number(r.file_value_usd) - byYear.get(y)!.v) < 0.01, `${y}: value`);
    if (y === 2024) {
      assert.equal(r.status, 'incomplete_year', '2024: most producers reported H1 only');
      continue;
    }
    if (!published.includes(y)) {
      assert.equal(r.status, 'not_published');
      continue;
    }
    assert.equal(r.complete_year, true, `${y}`);
    const share = Math.abs(Number(r.carats_difference_share));
    if (r.status === 'reconciles') assert.ok(share <= 0.01, `${y} reconciles within 1 % (${share})`);
    else {
      assert.equal(r.status, 'differs', `${y}`);
      assert.ok(String(r.note_en).length > 40 && String(r.note_zh).length > 20, `${y}: the difference is explained`);
    }
  }
  // The years whose published totals match the export within 1 % (carats and value).
  assert.deepEqual(rows.filter((r) => r.status === 'reconciles').map((r) => r.year), [2006, 2018, 2019, 2020]);
  // Where the export differs, the stated cause accounts for the difference: Lesotho in 2023.
  const y2023 = rows.find((r) => r.year === 2023)!;
  assert.match(String(y2023.note_en), /^Lesotho/);
  const lesotho = table('mart_global_kp').find((r) => r.country === 'Lesotho' && r.year === 2023)!;
  // KP's 2023 table: Lesotho 472 thousand carats; the rest of the world agrees with the export.
  assert.ok(Math.abs(Number(y2023.carats_difference) - (Number(lesotho.carats) - 472_000)) < 5_000, 'Lesotho explains the 2023 difference');
  const quality = JSON.parse(readFileSync(join(out, 'quality.json'), 'utf8'));
  assert.equal(quality.reconciliations[0].table, 'mart_global_kp_reconciliation');
});
