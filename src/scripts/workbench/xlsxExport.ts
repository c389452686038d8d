// XLSX export of a result with exceljs, loaded only when asked for. Numbers stay numbers; text is written as
// text cells, so nothing in it can run as a formula (unlike CSV, no apostrophe is needed).
import type { ResultGrid } from '../../lib/workbench/resultGrid.ts';
import { withSampleColumn } from '../../lib/workbench/sampleMarker.ts';
import { loadExcelJs } from './excelJs.ts';

/** With `sampleData`, a last column 示例数据/sample_data holds TRUE on every row, as in the CSV export. */
export async function resultToXlsx(grid: ResultGrid, sheetName: string, sampleData = false): Promise<Blob> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  const { columns, rows } = withSampleColumn(grid.columns.map((c) => c.name), grid.rows(), sampleData);
  ws.addRow(columns).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) ws.addRow(row as unknown[]);
  const buf = await wb.xlsx.writeBuffer();
  return new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
