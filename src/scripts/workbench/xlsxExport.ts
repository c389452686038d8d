// XLSX export of a result with exceljs, loaded only when asked for. Numbers stay numbers; text is written as
// text cells, so nothing in it can run as a formula (unlike CSV, no apostrophe is needed).
import type { ResultGrid } from '../../lib/workbench/resultGrid.ts';
import { loadExcelJs } from './excelJs.ts';

export async function resultToXlsx(grid: ResultGrid, sheetName: string): Promise<Blob> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(grid.columns.map((c) => c.name)).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of grid.rows()) ws.addRow(row);
  const buf = await wb.xlsx.writeBuffer();
  return new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
