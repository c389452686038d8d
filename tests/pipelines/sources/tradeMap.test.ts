import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { stageFile, type StagedFile } from '../../helpers/stageFile.ts';
import { tablesOf } from '../../../pipelines/discover.ts';
import { adapter, hsFromSheetName, parseBlockHeader, parseProductTitle } from '../../../pipelines/sources/tradeMap.ts';
import { StructuralError } from '../../../pipelines/sources/types.ts';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const FIX = join(ROOT, 'tests/fixtures/trademap');
const REAL = resolve(ROOT, '../shared/data/real');
const DIAMONDS = join(REAL, 'itc-trademap-diamonds-7102-7104');
const JEWELRY = join(REAL, 'itc-trademap-jewelry-7113');

type Row = { _file: string; _line: number; hs6: string; product_label: string | null; flow: string; reporter: string; year: number; value_usd_thousand: number | null };

async function staged<T>(file: string, fn: (s: StagedFile) => Promise<T> | T): Promise<T> {
  const s = await stageFile(file);
  try {
    return await fn(s);
  } finally {
    s.close();
  }
}

const key = (r: Record<string, unknown>) => `${r.hs6}|${r.flow}|${r.reporter}|${r.year}`;

test('block headers: reporter and product layouts, flow from the header text, year per column', () => {
  const h = parseBlockHeader(['Exporters', 'Exported value in 2005', 'Exported value in 2006']);
  assert.deepEqual(h, {
    layout: 'reporter',
    flow: 'export',
    years: [
      { col: 1, year: '2005', header: 'Exported value in 2005' },
      { col: 2, year: '2006', header: 'Exported value in 2006' },
    ],
  });
  assert.equal(parseBlockHeader(['Product code', 'Product label', 'imported value in 2005, US Dollar thousand'])?.layout, 'product');
  assert.equal(parseBlockHeader(['Product code', 'Product label', 'imported value in 2005, US Dollar thousand'])?.flow, 'import');
  assert.equal(parseBlockHeader(['World', '85963952', '81539466']), null);
  assert.equal(parseBlockHeader(['Importers', 'Imported quantity in 2005']), null);
});

test('product titles and sheet names give the HS code', () => {
  assert.deepEqual(parseProductTitle('Product: 710210 Diamonds, unsorted'), { hs: '710210', label: 'Diamonds, unsorted' });
  assert.equal(parseProductTitle('IMPORTS'), null);
  assert.equal(hsFromSheetName('710210 '), '710210');
  assert.equal(hsFromSheetName('Imports (7102)'), '7102');
  assert.equal(hsFromSheetName('710491-WORKED'), '710491');
  assert.equal(hsFromSheetName('Diamonds(hs6)- Imports'), null);
});

test('a real-shaped workbook: every sheet block unpivoted, mapping sheet skipped, blanks are NULL', async () => {
  await staged(join(FIX, 'trademap_diamonds_small.xlsx'), async (s) => {
    assert.equal(s.adapter.kind, 'trademap');
    // 3 reporters × 3 years (Imports (7102)) + 4 × 3 (710239) + 1 × 3 (product list) = 24 landing rows.
    assert.equal(s.rowsIn, 24);
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length);
    const rows = s.rows as Row[];
    const get = (k: string) => rows.find((r) => key(r) === k);
    assert.equal(get('7102|import|World|2020')?.value_usd_thousand, 1000);
    assert.equal(get('7102|import|World|2020')?.product_label, null);
    assert.equal(get('7102|import|World|2020')?._line, 2);
    const blank = get('7102|import|India|2021');
    assert.ok(blank, 'a blank cell still gives a row');
    assert.equal(blank.value_usd_thousand, null);
    const exp = get('710239|export|Belgium|2022');
    assert.equal(exp?.value_usd_thousand, 250);
    assert.equal(exp?.product_label, 'Diamonds, worked, but not mounted or set (excl. industrial diamonds)');
    assert.equal(exp?._file, 'trademap_diamonds_small.xlsx#710239');
    assert.equal(exp?._line, 10);
    // The product list repeats the 710239 sheet's World imports: the later sheet's copies are duplicates.
    assert.deepEqual(
      s.quarantine.map((q) => [q.file, q.line, q.rule]),
      [2020, 2021, 2022].map(() => ['trademap_diamonds_small.xlsx#Diamonds(hs6)- Imports', 2, 'duplicate_row']),
    );
    assert.deepEqual(
      s.quarantine.map((q) => [q.message, q.raw]).sort(),
      [2020, 2021, 2022].map((y, i) => [
        `World import 710239 ${y} appears again (first at trademap_diamonds_small.xlsx#710239 row 4)`,
        `710239,Diamonds, worked, but not mounted or set (excl. industrial diamonds),import,World,${y},${700 + 100 * i}`,
      ]),
    );
  });
});

test('sheets that are not Trade Map blocks are not matched; a workbook of only such sheets is not Trade Map', async () => {
  const tables = await tablesOf(join(FIX, 'trademap_not_trademap.xlsx'), 'trademap_not_trademap.xlsx');
  assert.equal(tables.length, 2);
  for (const t of tables) assert.equal(adapter.matches(t), false, t.relPath);
  await assert.rejects(stageFile(join(FIX, 'trademap_not_trademap.xlsx')), /no adapter recognises/);
  const mixed = await tablesOf(join(FIX, 'trademap_diamonds_small.xlsx'), 'x.xlsx');
  assert.deepEqual(
    mixed.map((t) => [t.sheet, adapter.matches(t)]),
    [
      ['Diamonds(7102)', false],
      ['Imports (7102)', true],
      ['710239', true],
      ['Diamonds(hs6)- Imports', true],
    ],
  );
});

test('malformed: text in a value cell → value_unparseable at its sheet row', async () => {
  await staged(join(FIX, 'trademap_text_value.xlsx'), (s) => {
    assert.deepEqual(s.quarantine.map((q) => [q.file, q.line, q.column, q.rule, q.message]), [
      ['trademap_text_value.xlsx#710210', 2, 'value_usd_thousand', 'value_unparseable', 'value "n/a" is not a number'],
    ]);
    assert.equal(s.rows.length, 5);
  });
});

test('malformed: a negative value → value_negative', async () => {
  await staged(join(FIX, 'trademap_negative_value.xlsx'), (s) => {
    assert.deepEqual(s.quarantine.map((q) => [q.line, q.column, q.rule, q.message]), [[3, 'value_usd_thousand', 'value_negative', 'value "-5" is negative']]);
    assert.equal((s.rows as Row[]).every((r) => r.flow === 'export' && r.hs6 === '7102'), true);
  });
});

test('malformed: a value column whose header names no year → year_unparseable for each of its cells', async () => {
  await staged(join(FIX, 'trademap_missing_year.xlsx'), (s) => {
    assert.deepEqual(s.quarantine.map((q) => [q.line, q.column, q.rule, q.message]), [
      [2, 'year', 'year_unparseable', 'column header "Imported value in" names no year'],
      [3, 'year', 'year_unparseable', 'column header "Imported value in" names no year'],
    ]);
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length);
  });
});

test('malformed: the same reporter twice in a block → duplicate_row on the second', async () => {
  await staged(join(FIX, 'trademap_duplicate_reporter.xlsx'), (s) => {
    assert.deepEqual(
      s.quarantine.map((q) => [q.line, q.rule]),
      [[5, 'duplicate_row'], [5, 'duplicate_row'], [5, 'duplicate_row']],
    );
    assert.deepEqual(
      s.quarantine.map((q) => q.message).sort(),
      [2020, 2021, 2022].map((y) => `India import 710231 ${y} appears again (first at trademap_duplicate_reporter.xlsx#710231 row 3)`),
    );
  });
});

test('malformed: no product title and no HS code in the sheet name → StructuralError naming file and sheet', async () => {
  await assert.rejects(
    stageFile(join(FIX, 'trademap_no_product.xlsx')),
    (e: unknown) =>
      e instanceof StructuralError &&
      e.message ===
        'trademap_no_product.xlsx#Sheet1: cannot tell which product the block starting at row 1 is for: expected a "Product: <HS code> …" title row above it or an HS code in the sheet name',
  );
});

test('malformed: values in US Dollar instead of thousand → StructuralError (a factor of 1000 off)', async () => {
  await assert.rejects(
    stageFile(join(FIX, 'trademap_unit_dollar.xlsx')),
    (e: unknown) =>
      e instanceof StructuralError &&
      e.message === 'trademap_unit_dollar.xlsx#Diamonds(hs6)- Imports:1: values are in "US Dollar": expected Trade Map\'s "US Dollar thousand" (re-export the table in thousand USD)',
  );
});

/** Stages a real workbook and compares every staged figure with the tidy CSV the team made from it. */
async function compareWithTidy(workbook: string, tidyCsv: string): Promise<StagedFile['quarantine']> {
  const tidy = Papa.parse<Record<string, string>>(readFileSync(tidyCsv, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return staged(workbook, (s) => {
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length, 'reconciliation');
    const ours = new Map((s.rows as Row[]).map((r) => [key(r), r]));
    assert.equal(ours.size, s.rows.length, 'no key twice among loaded rows');
    assert.equal(s.rows.length, tidy.length);
    for (const t of tidy) {
      const o = ours.get(key(t));
      assert.ok(o, `missing ${key(t)}`);
      assert.equal(o.value_usd_thousand, t.value_usd_thousand === '' ? null : Number(t.value_usd_thousand), key(t));
      if (o.product_label !== null) assert.equal(o.product_label, t.product_label, key(t));
    }
    return s.quarantine;
  });
}

test('real Diamonds workbook: World HS 7102 imports 2005 and every figure match the tidy CSV', async (t) => {
  if (!existsSync(DIAMONDS)) return t.skip('../shared/data/real not present');
  await staged(join(DIAMONDS, 'Diamonds_7102_trademap.xlsx'), (s) => {
    const world = (s.rows as Row[]).find((r) => key(r) === '7102|import|World|2005');
    assert.equal(world?.value_usd_thousand, 85963952);
    const china = (s.rows as Row[]).find((r) => key(r) === '710239|export|China|2013');
    assert.ok(china && china.value_usd_thousand !== null && china.value_usd_thousand > 0);
  });
  const tidy = join(DIAMONDS, 'trademap_hs7102_7104_reporter_totals_2005_2024.csv');
  const tidyRows = Papa.parse<Record<string, string>>(readFileSync(tidy, 'utf8'), { header: true, skipEmptyLines: true }).data;
  // The tidy CSV covers both workbooks; compare each against its own rows.
  const split = (file: string) => tidyRows.filter((r) => r.source_file === file);
  const dir = mkdtempSync(join(tmpdir(), 'tidy-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'diamonds.csv'), Papa.unparse(split('Diamonds(7102).xlsx')));
  writeFileSync(join(dir, 'labgrown.csv'), Papa.unparse(split('Lab Grown Diamonds-7104.xlsx')));
  const q = await compareWithTidy(join(DIAMONDS, 'Diamonds_7102_trademap.xlsx'), join(dir, 'diamonds.csv'));
  // The two product-list sheets repeat the per-product sheets' World rows: 5 products × 20 years × 2 flows.
  assert.equal(q.length, 200);
  assert.ok(q.every((x) => x.rule === 'duplicate_row' && x.file.includes('#Diamonds(hs6)-')));
  assert.deepEqual(await compareWithTidy(join(DIAMONDS, 'LabGrown_7104_trademap.xlsx'), join(dir, 'labgrown.csv')), []);
});

test('real jewelry workbook (711319/711320): code-list sheet skipped, every figure matches the tidy CSV', async (t) => {
  if (!existsSync(JEWELRY)) return t.skip('../shared/data/real not present');
  const q = await compareWithTidy(join(JEWELRY, 'GoldJewellery_7113_trademap.xlsx'), join(JEWELRY, 'trademap_hs711319_711320_reporter_totals_2005_2024.csv'));
  assert.deepEqual(q, []);
});
