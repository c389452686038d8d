// Why a reader's spreadsheet could not be imported, in the reader's language. A module of its own, without
// exceljs, so the page can recognise this error without loading the spreadsheet library.
import { t, type Key, type Lang } from '../i18n.ts';

/**
 * - `legacy`: an Excel 97–2003 workbook (.xls), or a password-protected file (Excel encrypts into the same
 *   old container format); neither can be read here.
 * - `not-xlsx`: not a workbook at all (an .xlsx is a ZIP file).
 * - `damaged`: a ZIP that exceljs could not read as a workbook (cut short, corrupted).
 * - `no-sheet`: a readable file without worksheets (another ZIP-based format, or only chart sheets).
 * - `empty`: the first worksheet has no value in any cell.
 */
export type XlsxProblem = 'legacy' | 'not-xlsx' | 'damaged' | 'no-sheet' | 'empty';

const PROBLEM_TEXT: Record<XlsxProblem, Key> = {
  legacy: 'sql.xlsx_legacy',
  'not-xlsx': 'sql.xlsx_not_xlsx',
  damaged: 'sql.xlsx_damaged',
  'no-sheet': 'sql.xlsx_no_sheet',
  empty: 'sql.xlsx_empty',
};

/** The message names the file first, as the Parquet import's does, then says what is wrong and what to do. */
export class XlsxReadError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: XlsxProblem,
    /** For `damaged`, what the library said (shown after the explanation); for `empty`, the sheet's name. */
    readonly detail = '',
    lang: Lang = 'en',
  ) {
    super(`${fileName}: ${t(lang, PROBLEM_TEXT[problem], { sheet: detail })}${problem === 'damaged' && detail ? ` (${detail})` : ''}`);
    this.name = 'XlsxReadError';
  }

  /** The same error with its message in `lang`. */
  in(lang: Lang): XlsxReadError {
    return new XlsxReadError(this.fileName, this.problem, this.detail, lang);
  }
}
