// Not applicable is not zero: the team's real Trade Map exports (never copied into the project; read from the
// shared folder, skipped visibly without it) through the pipeline. A code in a year before it existed is NULL
// with a status, the HS column says what it holds, and the published totals agree with the source files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runPipeline } from '../../pipelines/run.ts';
import { sharedRealDir } from '../helpers/sharedData.ts';

const REAL = sharedRealDir();
const DIAMONDS = REAL && join(REAL, 'itc-trademap-diamonds-7102-7104');
const present = !!DIAMONDS && existsSync(join(DIAMONDS, 'LabGrown_7104_trademap.xlsx'));
const SKIP = 'the shared Trade Map exports (shared/data/real/itc-trademap-diamonds-7102-7104) are not present';
const tmp = mkdtempSync(join(tmpdir(), 'trademap-na-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

type Row = { hs_code: string; hs_level: number; flow: string; reporter: string; year: number; value_usd_thousand: number | null; value_status: string };
let rows: Row[] = [];
let columns: string[] = [];

before(async () => {
  if (!present) return;
  const raw = join(tmp, 'raw');
  mkdirSync(join(raw, 'trademap'), { recursive: true });
  for (const f of ['Diamonds_7102_trademap.xlsx', 'LabGrown_7104_trademap.xlsx']) cpSync(join(DIAMONDS!, f), join(raw, 'trademap', f));
  writeFileSync(
    join(raw, 'sources.json'),
    JSON.stringify({ sources: [{ id: 'itc_trademap', path: 'trademap/', title: { zh: 'ITC Trade Map', en: 'ITC Trade Map' }, publisher: 'ITC', licence: 'ITC terms (test only)', synthetic: false, asOf: '2025-06-30' }] }),
  );
  const out = join(tmp, 'out');
  await runPipeline({ rawDir: raw, outDir: out, cacheDir: null });
  const t = JSON.parse(readFileSync(join(out, 'tables/mart_global_trademap.json'), 'utf8'));
  columns = t.columns;
  rows = t.rows.map((r: unknown[]) => Object.fromEntries(t.columns.map((c: string, i: number) => [c, r[i]])));
});

const find = (hs: string, flow: string, reporter: string, year: number) => rows.find((r) => r.hs_code === hs && r.flow === flow && r.reporter === reporter && r.year === year);

test('HS 7104.21 / 7104.91 before HS 2022: NULL with a status for every reporter, never 0', (t) => {
  if (!present) return t.skip(SKIP);
  for (const hs of ['710421', '710491']) {
    for (const reporter of ['China', 'India', 'World']) {
      const r = find(hs, 'import', reporter, 2021);
      assert.ok(r, `${hs} ${reporter} 2021`);
      assert.equal(r.value_usd_thousand, null, `${hs} ${reporter} 2021 is not applicable, not 0`);
      assert.equal(r.value_status, 'code_not_in_force');
    }
  }
  const before2022 = rows.filter((r) => /^7104(21|91)$/.test(r.hs_code) && r.year < 2022);
  assert.ok(before2022.length > 0);
  assert.ok(before2022.every((r) => r.value_usd_thousand === null && r.value_status === 'code_not_in_force'));
  assert.equal(find('710421', 'import', 'India', 2022)?.value_usd_thousand, 985608);
  assert.equal(find('710421', 'import', 'India', 2022)?.value_status, 'reported');
});

test('the HS column says what it holds: hs_code with hs_level 4 for the heading total, 6 for subheadings', (t) => {
  if (!present) return t.skip(SKIP);
  assert.ok(!columns.includes('hs6'));
  assert.ok(columns.includes('hs_code') && columns.includes('hs_level'));
  for (const r of rows) assert.equal(r.hs_level, r.hs_code.length, r.hs_code);
  assert.ok(rows.some((r) => r.hs_code === '7102' && r.hs_level === 4));
});

test('published totals reconcile with the source: each in-force figure equals the tidy extract, and the HS 7102 World total equals the sum of its subheadings', (t) => {
  if (!present) return t.skip(SKIP);
  const tidy = Papa.parse<Record<string, string>>(readFileSync(join(DIAMONDS!, 'trademap_hs7102_7104_reporter_totals_2005_2024.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  let compared = 0;
  for (const c of tidy) {
    const y = Number(c.year);
    if (/^7104(21|91)$/.test(c.hs6) && y < 2022) continue;
    const r = find(c.hs6, c.flow, c.reporter, y);
    assert.ok(r, `${c.hs6} ${c.flow} ${c.reporter} ${y}`);
    assert.equal(r.value_usd_thousand, c.value_usd_thousand === '' ? null : Number(c.value_usd_thousand), `${c.hs6} ${c.flow} ${c.reporter} ${y}`);
    compared++;
  }
  assert.ok(compared > 30000, `${compared} figures compared`);
  for (const flow of ['import', 'export']) {
    for (let y = 2005; y <= 2024; y++) {
      const hs4 = find('7102', flow, 'World', y)?.value_usd_thousand;
      const hs6 = rows.filter((r) => r.reporter === 'World' && r.flow === flow && r.year === y && r.hs_level === 6 && r.hs_code.startsWith('7102'));
      assert.equal(hs6.length, 5, `${flow} ${y}: five 7102 subheadings`);
      const sum = hs6.reduce((a, r) => a + Number(r.value_usd_thousand), 0);
      assert.ok(hs4 && Math.abs(sum - hs4) / hs4 < 0.001, `${flow} ${y}: World 7102 ${hs4} vs its subheadings ${sum}`);
    }
  }
});

test('Trade Map: a figure repeated in two sheets is a duplicate; a different figure for the same key is a conflict, not a duplicate', async () => {
  const { default: ExcelJS } = await import('exceljs');
  const { stageFile } = await import('../helpers/stageFile.ts');
  const wb = new ExcelJS.Workbook();
  const put = (name: string, rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
  };
  put('710239', [['Importers', 'Imported value in 2021', 'Imported value in 2022'], ['World', 700, 800], ['India', 300, 350]]);
  // The product list repeats World 2021 (700) but gives World 2022 as 850, not 800.
  put('Diamonds(hs6)- Imports', [['Product code', 'Product label', 'imported value in 2021, US Dollar thousand', 'imported value in 2022, US Dollar thousand'], ['710239', 'Diamonds, worked', 700, 850]]);
  const file = join(tmp, 'conflict.xlsx');
  await wb.xlsx.writeFile(file);
  const s = await stageFile(file);
  try {
    assert.deepEqual(
      // Both come from line 2 of the second sheet: compared in rule order, as the quarantine keeps no order within a line.
      s.quarantine.map((q) => [q.line, q.rule, q.message]).sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
      [
        [2, 'conflicting_value', 'World import 710239 2022: 850.0 here, but 800.0 at conflict.xlsx#710239 row 2 (kept)'],
        [2, 'duplicate_row', 'World import 710239 2021 appears again (first at conflict.xlsx#710239 row 2)'],
      ],
    );
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length);
  } finally {
    s.close();
  }
});
