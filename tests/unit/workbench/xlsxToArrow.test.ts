// The in-browser XLSX import, run in Node with exceljs's Node build: workbooks written by exceljs (formulas,
// merged cells, rich text, dates, several sheets) decode to the expected columns, types and values, and files
// that are not workbooks fail with an error that names the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { xlsxToArrow } from '../../../src/lib/workbench/xlsxToArrow.ts';
import { XlsxReadError } from '../../../src/lib/workbench/xlsxReadError.ts';

const toArrayBuffer = (b: ArrayBuffer | Uint8Array): ArrayBuffer => {
  const u = b instanceof Uint8Array ? b : new Uint8Array(b);
  return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
};

async function bytesOf(wb: ExcelJS.Workbook): Promise<ArrayBuffer> {
  return toArrayBuffer((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Rows of the decoded Arrow table as plain values (DATE as ISO day, TIMESTAMP as ISO time). */
function rowsOf(decoded: Awaited<ReturnType<typeof xlsxToArrow>>): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < decoded.table.numRows; i++) {
    out.push(
      decoded.columns.map((c, j) => {
        const v = decoded.table.getChildAt(j)!.get(i);
        if (v === null) return null;
        if (c.kind === 'date' || c.kind === 'timestamp') return new Date(Number(v)).toISOString();
        return v;
      }),
    );
  }
  return out;
}

test('a workbook’s first sheet: header, types, formulas, merged and empty cells', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('贸易');
  wb.addWorksheet('说明').getCell('A1').value = 'notes';
  wb.addWorksheet('Sheet3');
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  ws.getCell('B2').value = '年份';
  ws.getCell('C2').value = { richText: [{ text: '出口' }, { text: '额' }] };
  ws.getCell('D2').value = '截至';
  ws.getCell('E2').value = '备注';
  ws.getCell('F2').value = '备注';
  ws.addRow([]);
  ws.getRow(3).values = [null, 2023, 10.5, day(2023, 12, 31), 'a', true];
  ws.getRow(4).values = [null, 2024, { formula: 'C3*2', result: 21 }, day(2024, 12, 31), { text: 'link', hyperlink: 'https://example.org' }, null];
  ws.getRow(5).values = [null, 2025, { formula: 'NA()', result: { error: '#N/A' } }, null, 'merged', 'over'];
  ws.mergeCells('E5:F5');
  const decoded = await xlsxToArrow('trade.xlsx', await bytesOf(wb), ExcelJS);
  assert.equal(decoded.sheet, '贸易');
  assert.deepEqual(decoded.otherSheets, ['说明', 'Sheet3']);
  assert.deepEqual(
    decoded.columns.map((c) => [c.name, c.sqlType]),
    [['年份', 'DOUBLE'], ['出口额', 'DOUBLE'], ['截至', 'DATE'], ['备注', 'VARCHAR'], ['备注_6', 'BOOLEAN']],
  );
  assert.equal(decoded.rows, 3);
  assert.deepEqual(rowsOf(decoded), [
    [2023, 10.5, day(2023, 12, 31).toISOString(), 'a', true],
    [2024, 21, day(2024, 12, 31).toISOString(), 'link', null],
    [2025, null, null, 'merged', null],
  ]);
});

test('times of day make a TIMESTAMP column', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('log');
  const times = [new Date(Date.UTC(2024, 2, 1, 8, 15, 30)), new Date(Date.UTC(2024, 2, 2))];
  ws.addRows([['at'], [times[0]], [times[1]]]);
  const decoded = await xlsxToArrow('log.xlsx', await bytesOf(wb), ExcelJS);
  assert.deepEqual(decoded.columns.map((c) => c.sqlType), ['TIMESTAMP']);
  assert.deepEqual(rowsOf(decoded), times.map((t) => [t.toISOString()]));
});

test('old .xls, password-protected, damaged, non-workbook and empty files fail with an error naming the file', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('data').addRows([['a', 'b'], [1, 2]]);
  const good = new Uint8Array(await bytesOf(wb));
  const ole2 = new Uint8Array(4096);
  ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('空表');
  const cases: [string, ArrayBuffer, string][] = [
    ['report.xls', toArrayBuffer(ole2), 'legacy'],
    ['notes.xlsx', toArrayBuffer(new TextEncoder().encode('year,value\n2020,1\n')), 'not-xlsx'],
    ['cut.xlsx', toArrayBuffer(good.slice(0, Math.floor(good.length / 2))), 'damaged'],
    ['zero.xlsx', new ArrayBuffer(0), 'not-xlsx'],
    ['blank.xlsx', await bytesOf(empty), 'empty'],
  ];
  for (const [name, bytes, problem] of cases) {
    await assert.rejects(
      xlsxToArrow(name, bytes, ExcelJS),
      (e: unknown) => e instanceof XlsxReadError && e.problem === problem && e.message.startsWith(`${name}: `) && e.message.length > name.length + 10,
      name,
    );
  }
});

test('the error reads in the page’s language', () => {
  const e = new XlsxReadError('旧表.xls', 'legacy');
  assert.match(e.message, /^旧表\.xls: .*\.xlsx/);
  assert.match(e.in('zh').message, /^旧表\.xls: .*另存为/);
  assert.equal(e.in('zh').name, 'XlsxReadError');
});
