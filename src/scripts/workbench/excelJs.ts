// Loads exceljs (the project's one spreadsheet library) when a reader exports or imports a workbook, never with
// the page: it is about 900 kB. Vite resolves the package's browser bundle into a hashed chunk of this site, so
// it comes from the same origin and sub-path as the page, online or not.
import type * as ExcelJS from 'exceljs';

export async function loadExcelJs(): Promise<typeof ExcelJS> {
  // The browser bundle is CommonJS: depending on how it was bundled, the API is the namespace or its default.
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return mod.default ?? mod;
}
