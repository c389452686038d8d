// Every XLSX cell type gives its value or a quarantined row with a clear reason, never an object's string form.
// The workbook is written here with exceljs, so each cell type is exactly the one named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { stageFile } from '../../../helpers/stageFile.ts';
import { cellValue, readWorkbook } from '../../../../pipelines/sources/shared/workbook.ts';

test('cellValue: each exceljs value shape gives text or a problem, never "[object Object]"', () => {
  const cases: [unknown, string | RegExp][] = [
    [42.5, '42.5'],
    ['钻石', '钻石'],
    [true, 'true'],
    [new Date(Date.UTC(2019, 5, 30)), '2019-06-30'],
    [{ richText: [{ text: '广州' }, { font: { bold: true }, text: '甲公司' }] }, '广州甲公司'],
    [{ text: '广州乙公司', hyperlink: 'https://example.com' }, '广州乙公司'],
    [{ text: { richText: [{ text: '富' }, { text: '文本链接' }] }, hyperlink: 'https://example.com' }, '富文本链接'],
    [{ formula: 'A1*2', result: 84 }, '84'],
    [{ sharedFormula: 'C2', result: 7 }, '7'],
    [{ formula: 'TODAY()', result: new Date(Date.UTC(2020, 0, 2)) }, '2020-01-02'],
    [{ formula: 'SUM(A1:A3)' }, /formula =SUM\(A1:A3\) has no saved result/],
    [{ sharedFormula: 'C2' }, /formula =C2 has no saved result/],
    [{ formula: '1/0', result: { error: '#DIV/0!' } }, /formula =1\/0 gives no value: the cell holds the error value #DIV\/0!/],
    [{ error: '#N/A' }, /error value #N\/A/],
    [{ somethingElse: 1 }, /unreadable cell value/],
    [Number.NaN, /not finite/],
  ];
  for (const [v, want] of cases) {
    const r = cellValue(v);
    const got = 'text' in r ? r.text : r.problem;
    assert.ok(!got.includes('[object'), `${JSON.stringify(v)} → ${got}`);
    if (typeof want === 'string') assert.deepEqual(r, { text: want }, JSON.stringify(v));
    else assert.ok('problem' in r && want.test(r.problem), `${JSON.stringify(v)} → ${got}`);
  }
});

async function writeFirmsWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('从业人员');
  ws.addRow(['统一社会信用代码', '年度', '职工人数']);
  const put = (row: number, values: ExcelJS.CellValue[]) => values.forEach((v, i) => (ws.getCell(row, i + 1).value = v));
  put(2, ['91440113MA5A0001XM', 2018, 120]);
  put(3, [{ richText: [{ text: '91440113MA5A' }, { font: { bold: true }, text: '0002XN' }] }, '2018年度', { formula: '100+20', result: 120 } as ExcelJS.CellFormulaValue]);
  put(4, [{ text: '91440113MA5A0003XP', hyperlink: 'https://example.com/a' }, { formula: '2017+1', result: 2018, shareType: 'shared', ref: 'B4:B5' } as ExcelJS.CellFormulaValue, 10]);
  put(5, ['91440113MA5A0003XP', { sharedFormula: 'B4', result: 2019 } as ExcelJS.CellSharedFormulaValue, 11]);
  put(6, ['91440113MA5A0004XQ', 2019, { formula: 'SUM(X1:X9)' } as ExcelJS.CellFormulaValue]);
  put(7, ['91440113MA5A0005XR', 2019, { error: '#DIV/0!' } as ExcelJS.CellErrorValue]);
  put(8, ['91440113MA5A0006XS', new Date(Date.UTC(2019, 11, 31)), true]);
  await wb.xlsx.writeFile(path);
}

test('a workbook with every cell type: values load, a formula without a result and an error value are quarantined by name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cells-'));
  try {
    const path = join(dir, 'cells.xlsx');
    await writeFirmsWorkbook(path);
    const [sheet] = await readWorkbook(path, 'cells.xlsx');
    assert.ok(!JSON.stringify(sheet.rows).includes('[object'), 'no cell reads as an object');
    assert.deepEqual(sheet.rows[3].cells, ['91440113MA5A0003XP', '2018', '10'], 'hyperlink text and a shared formula master');
    assert.deepEqual(sheet.rows[4].cells, ['91440113MA5A0003XP', '2019', '11'], 'a shared formula gives its own saved result');
    const s = await stageFile(path);
    try {
      assert.equal(s.adapter.kind, 'employment_firms');
      assert.equal(s.rowsIn, s.rows.length + s.quarantine.length);
      assert.deepEqual(
        s.rows.filter((r) => (r._line as number) <= 5).map((r) => [r._line, r.uscc, r.year, r.employees]),
        [
          [2, '91440113MA5A0001XM', 2018, 120],
          [3, '91440113MA5A0002XN', 2018, 120],
          [4, '91440113MA5A0003XP', 2018, 10],
          [5, '91440113MA5A0003XP', 2019, 11],
        ],
      );
      const q = (line: number) => s.quarantine.find((x) => x.line === line);
      assert.equal(q(6)?.rule, 'cell_unreadable');
      assert.equal(q(6)?.column, 'employees');
      assert.match(q(6)!.message, /cell C6: formula =SUM\(X1:X9\) has no saved result/);
      assert.equal(q(7)?.rule, 'cell_unreadable');
      assert.match(q(7)!.message, /cell C7: the cell holds the error value #DIV\/0!/);
      // A date where a year belongs and a boolean where a headcount belongs are read as text and judged by staging.
      assert.ok(q(8) && q(8)!.rule !== 'cell_unreadable', 'row 8 is judged by the staging rules');
      assert.ok(!JSON.stringify([s.rows, s.quarantine]).includes('[object'), 'nothing anywhere reads "[object Object]"');
    } finally {
      s.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a zip that holds no worksheet is refused as "not a readable XLSX workbook", not as an empty header', async () => {
  const JSZip = (await import('jszip')).default;
  const dir = mkdtempSync(join(tmpdir(), 'junk-xlsx-'));
  try {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a workbook');
    const path = join(dir, 'junk.xlsx');
    (await import('node:fs')).writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    await assert.rejects(readWorkbook(path, 'x/junk.xlsx'), (e: Error) => {
      assert.match(e.message, /x\/junk\.xlsx/);
      assert.match(e.message, /not a readable XLSX workbook: it holds no worksheet/);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
