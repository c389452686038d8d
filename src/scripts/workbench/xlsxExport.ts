// XLSX export of a result with exceljs (the project's one spreadsheet library), loaded only when asked for:
// it is about 900 kB. Numbers stay numbers; text is written as text cells, so nothing in it can run as a
// formula (unlike CSV, no apostrophe is needed).
import type { ResultGrid } from '../../lib/workbench/resultGrid.ts';

export async function resultToXlsx(grid: ResultGrid, sheetName: string): Promise<Blob> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(grid.columns.map((c) => c.name)).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of grid.rows()) ws.addRow(row);
  const buf = await wb.xlsx.writeBuffer();
  return new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
