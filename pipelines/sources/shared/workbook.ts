// Reading XLSX workbooks (exceljs): every sheet's non-empty rows as text cells, each cell through cellValue, so a
// cell type the reader does not expect can never reach a landing file as "[object Object]".
import ExcelJS from 'exceljs';
import { StructuralError, type SheetRow } from '../types.ts';
import { cleanCell } from './text.ts';

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** A cell's text, or why it has none that can be trusted. */
export type CellReading = { text: string } | { problem: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The text of a cell value of any type: number, string, boolean, date (YYYY-MM-DD), rich text (its runs joined),
 * hyperlink (its text), formula or shared formula (its saved result). A formula without a saved result, an error
 * value (#N/A, #DIV/0!…) or a value of an unknown shape gives a problem instead, which quarantines the row.
 */
export function cellValue(v: unknown, formula?: string): CellReading {
  if (v == null) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') return Number.isFinite(v) ? { text: String(v) } : { problem: `the number ${v} is not finite` };
  if (typeof v === 'boolean') return { text: String(v) };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { problem: 'the cell holds an invalid date' } : { text: v.toISOString().slice(0, 10) };
  if (!isObject(v)) return { problem: `unreadable cell value of type ${typeof v}` };
  if (Array.isArray(v.richText)) return { text: v.richText.map((t) => (isObject(t) && typeof t.text === 'string' ? t.text : '')).join('') };
  if ('error' in v) return { problem: `the cell holds the error value ${String(v.error)}` };
  if ('formula' in v || 'sharedFormula' in v) {
    const f = `=${formula ?? String(v.formula ?? v.sharedFormula)}`;
    if (!('result' in v) || v.result === undefined) {
      return { problem: `formula ${f} has no saved result (the file was written by a tool that does not calculate: open and save it in Excel or WPS, or paste values)` };
    }
    const r = cellValue(v.result);
    return 'problem' in r ? { problem: `formula ${f} gives no value: ${r.problem}` } : r;
  }
  if ('hyperlink' in v || 'text' in v) return cellValue(v.text);
  return { problem: `unreadable cell value ${JSON.stringify(v).slice(0, 80)}` };
}

/** Reads every sheet of a workbook as text cells; empty rows are kept out, row numbers kept. */
export async function readWorkbook(path: string, relPath: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new StructuralError(relPath, `not a readable XLSX workbook (${(e as Error).message})`);
  }
  // A zip that is not a workbook (or a workbook saved with no sheet) opens without error but holds no worksheet:
  // say so, rather than letting detection report an empty header.
  if (wb.worksheets.length === 0) {
    throw new StructuralError(relPath, 'not a readable XLSX workbook: it holds no worksheet (a zip file of something else, or a workbook saved without sheets); save the extract from Excel/WPS as .xlsx or CSV');
  }
  return wb.worksheets.map((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      const problems: NonNullable<SheetRow['problems']> = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const r = cellValue(cell.value, typeof cell.formula === 'string' && cell.formula ? cell.formula : undefined);
        if ('problem' in r) {
          problems.push({ col: col - 1, reason: `cell ${cell.address}: ${r.problem}` });
          cells[col - 1] = '';
        } else cells[col - 1] = cleanCell(r.text);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
      rows.push({ line: rowNumber, cells, ...(problems.length ? { problems } : {}) });
    });
    return { name: ws.name, rows };
  });
}
