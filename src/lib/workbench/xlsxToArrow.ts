// Reads the first worksheet of a reader's .xlsx file into an Arrow table that DuckDB-Wasm can insert, in the
// browser (nothing is uploaded) or in Node for tests. exceljs is passed in rather than imported: the page loads
// its browser bundle on demand (about 900 kB), tests use the Node build.
import type { Workbook } from 'exceljs';
import { Table, type Vector } from 'apache-arrow';
import { arrowColumn } from './arrowColumn.ts';
import type { ImportedTable } from './importedTable.ts';
import { sheetCell, type SheetCell } from './sheetCell.ts';
import { planSheet } from './sheetColumns.ts';
import { XlsxReadError } from './xlsxReadError.ts';

/** The part of the exceljs module this reader uses. */
export interface ExcelJsModule {
  Workbook: new () => Workbook;
}

export interface DecodedSheet extends ImportedTable {
  /** The worksheet that was imported. */
  sheet: string;
  /** The workbook's other worksheets, in order, which were not imported. */
  otherSheets: string[];
}

/** Compound-document signature: Excel 97–2003 .xls, and the container Excel encrypts an .xlsx into. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Cells of the worksheet, row by row from the first row with anything in it; merged-over cells are empty. */
function sheetRows(ws: Workbook['worksheets'][number]): SheetCell[][] {
  const rows: SheetCell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // exceljs answers a merged-over cell with the value of the range's top-left cell; the value is that
      // cell's only, or a merged header would repeat itself across every column it spans.
      cells[col - 1] = cell.isMerged && cell.master !== cell ? null : sheetCell(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? null));
  });
  return rows;
}

export async function xlsxToArrow(fileName: string, bytes: ArrayBuffer, excel: ExcelJsModule): Promise<DecodedSheet> {
  const head = new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
  if (startsWith(head, OLE2)) throw new XlsxReadError(fileName, 'legacy');
  if (!startsWith(head, [0x50, 0x4b])) throw new XlsxReadError(fileName, 'not-xlsx');
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(bytes);
  } catch (e) {
    throw new XlsxReadError(fileName, 'damaged', e instanceof Error ? e.message : String(e));
  }
  const [ws, ...others] = wb.worksheets;
  if (!ws) throw new XlsxReadError(fileName, 'no-sheet');
  const plan = planSheet(sheetRows(ws));
  if (!plan) throw new XlsxReadError(fileName, 'empty', ws.name);
  const vectors: Record<string, Vector> = {};
  plan.columns.forEach((c, j) => {
    vectors[c.name] = arrowColumn(c.kind, plan.values[j]);
  });
  return { table: new Table(vectors), columns: plan.columns, rows: plan.rows, sheet: ws.name, otherSheets: others.map((s) => s.name) };
}
