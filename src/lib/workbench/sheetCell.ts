// One spreadsheet cell as the plain value the workbench types columns by. exceljs hands back a cell's value in
// several shapes (rich text, hyperlinks, formulas with their cached result, error values); a column's type is
// decided on what the reader sees in Excel, so each shape is reduced to that.
import type { CellValue } from 'exceljs';

/**
 * A cell's value: text, a number, a boolean, a date (exceljs's convention: the Date's UTC fields are the
 * wall-clock date and time shown in Excel), or null for an empty cell.
 */
export type SheetCell = string | number | boolean | Date | null;

/**
 * The plain value of an exceljs cell value. Formulas give their cached result (the workbook is not
 * recalculated: a formula Excel never calculated is empty). Error values (#N/A, #DIV/0!) are not data and
 * become null, so a numeric column with one #N/A stays numeric; so do blank-looking texts.
 */
export function sheetCell(value: CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ('richText' in value) return sheetCell(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? null : sheetCell(value.result as CellValue);
  if ('hyperlink' in value) return sheetCell(value.text as CellValue);
  return null;
}
