// A reader's own file, by its kind, into a table of the in-memory catalog: CSV is read by DuckDB itself; Parquet
// and XLSX, which DuckDB-Wasm could read only with extensions downloaded from the internet, are decoded in
// JavaScript and inserted as Arrow. Each decoder is loaded only when its kind of file arrives, so none of them
// costs the first result anything. Nothing leaves the browser.
import type { DuckDbSession } from './DuckDbSession.ts';

/** Which reader a file goes to, by its name: what a file manager and the file picker go by too. */
export type ImportKind = 'csv' | 'parquet' | 'xlsx';

export function importKind(fileName: string): ImportKind {
  if (/\.parquet$/i.test(fileName)) return 'parquet';
  // .xls goes to the XLSX reader too, which recognises the old format and says what to do with it.
  if (/\.(xlsx|xlsm|xltx|xltm|xls)$/i.test(fileName)) return 'xlsx';
  return 'csv';
}

export interface ImportResult {
  table: string;
  /** For a workbook: the sheet that was imported and the ones that were not. */
  sheet?: { name: string; others: string[] };
}

/** Whether reading the file takes long enough to say so (the decoders are loaded first). */
export const announcesReading = (fileName: string) => importKind(fileName) !== 'csv';

export async function importFile(session: DuckDbSession, file: File): Promise<ImportResult> {
  switch (importKind(file.name)) {
    case 'parquet': {
      const { parquetToArrow } = await import('../../lib/workbench/parquetToArrow.ts');
      return { table: await session.importArrow(file.name, await parquetToArrow(file.name, await file.arrayBuffer())) };
    }
    case 'xlsx': {
      const [{ xlsxToArrow }, { loadExcelJs }] = await Promise.all([import('../../lib/workbench/xlsxToArrow.ts'), import('./excelJs.ts')]);
      const decoded = await xlsxToArrow(file.name, await file.arrayBuffer(), await loadExcelJs());
      return { table: await session.importArrow(file.name, decoded), sheet: { name: decoded.sheet, others: decoded.otherSheets } };
    }
    case 'csv':
      return { table: await session.importCsv(file.name, await file.text()) };
  }
}
