// The contract between the pipeline runner and the source adapters (one adapter per extract format).
//
// An adapter does the part that needs JavaScript: recognising the format by its header, decoding GBK,
// reading XLSX, unpivoting Trade Map blocks. It hands the runner a UTF-8 "landing" CSV whose columns are
// the adapter's canonical names, all text, uncleaned. Cleaning, typing and the row rules live in the
// staging SQL (pipelines/models/staging/stg_<kind>.sql) so that large extracts are validated by DuckDB.
import type { ClusterConfig } from '../config.ts';
import type { Encoding, LineBreak } from './shared/text.ts';

/** The extract formats the pipeline understands. */
export type SourceKind =
  /** China Customs statistics online-query export (public aggregates by partner / trade mode / 注册地). */
  | 'customs_stats'
  /** Enterprise-level import/export records for the district's firms (local customs / commerce bureau). */
  | 'enterprise_customs'
  /** ITC Trade Map Excel export, reporter totals (partner World), USD thousand. */
  | 'trademap'
  /** Kimberley Process rough-diamond production statistics. */
  | 'kimberley'
  /** Enterprise registry extract: official licence fields or the common aggregator layout. */
  | 'registry'
  /** Statistical-yearbook style employment table (year × industry × persons). */
  | 'employment_yearbook'
  /** Per-firm headcount (USCC, year, employees). */
  | 'employment_firms'
  /** UN Comtrade data export (comtradeplus CSV): bilateral trade as each reporter declares it, USD. */
  | 'comtrade';

/** The detection order: a table is the first kind (in this order) whose adapter's matches() accepts it. */
export const SOURCE_KINDS: SourceKind[] = [
  'customs_stats',
  'enterprise_customs',
  'trademap',
  'kimberley',
  'registry',
  'employment_yearbook',
  'employment_firms',
  'comtrade',
];

/** One table found in an input file: a CSV, or one sheet of a workbook. */
export interface InputTable {
  /** Path of the file as given to the pipeline. */
  path: string;
  /** Path relative to the raw folder, used in messages, quarantine rows and the catalog. */
  relPath: string;
  format: 'csv' | 'xlsx';
  /** Sheet name for workbooks. */
  sheet?: string;
  /** Encoding detected for CSV files. */
  encoding?: Encoding;
  /** Line-break convention detected for CSV files ("lf" when absent). */
  lineBreak?: LineBreak;
  /** Cell delimiter of a CSV file: TAB for Excel's "Unicode text" (UTF-16), comma otherwise. */
  delimiter?: ',' | '\t';
  /** 1-based line (CSV) or row (sheet) of the last header row (data rows follow it). */
  headerLine: number;
  /** Header cells, trimmed of whitespace, tabs and BOM. */
  header: string[];
  /** For a sheet: all its non-empty rows, already read, so adapters need not open the workbook again. */
  sheetRows?: SheetRow[];
  /** For a CSV: its first non-blank lines (header included), read by the same reader as its rows. */
  headRows?: SheetRow[];
}

/** A row of a sheet (or of a CSV's head): its 1-based row number and its cells as text. */
export interface SheetRow {
  line: number;
  cells: string[];
  /** Cells (0-based column) that hold no readable value: a formula without a saved result, an error value. */
  problems?: { col: number; reason: string }[];
}

/** Metadata an extract carries beside its rows, declared in data/raw/sources.json (schema and reading there). */
export type { SourceDeclaration } from '../sourceDeclarations.ts';
import type { SourceDeclaration } from '../sourceDeclarations.ts';

export interface LandContext {
  config: ClusterConfig;
  /** Folder for temporary files; deleted after the run. */
  workDir: string;
  /** Where to write this table's landing CSV. */
  landingPath: string;
  declaration: SourceDeclaration;
  /** False forces line-by-line landing (after DuckDB's direct reading of the file was found not to match it). */
  direct?: boolean;
}

/** A landing CSV ready for DuckDB. */
export interface Landed {
  /** UTF-8 CSV (may be the original file when it already is UTF-8 and needs no reshaping). */
  csvPath: string;
  /** Canonical column names in file order; "_line" when the adapter writes source line numbers itself. */
  columns: string[];
  /** Lines before the first data row: without a "_line" column, source line = record number + headerLines. */
  headerLines: number;
  /** Data records in the input, counted independently of DuckDB, for reconciliation. */
  rowsIn: number;
  /** Constant columns added to every row, e.g. { currency: 'USD', flow: 'import' }. */
  constants: Record<string, string>;
  /** Rows the adapter itself could not turn into landing rows (e.g. a Trade Map cell outside any block). */
  quarantined?: QuarantineRow[];
  /**
   * Set when csvPath is the extract itself (or its UTF-8 transcoding) for DuckDB to parse: every column in file
   * order ("_x<i>" for the unused), and how to count its lines (the loader does it while DuckDB parses, and sets
   * rowsIn). The loader falls back to line-by-line landing when DuckDB's reading does not yield one record per
   * line (see sources/directCsv.ts).
   */
  direct?: {
    fileColumns: string[];
    /** Header label of each file column: a row repeating the header makes the loader fall back to line-by-line. */
    labels: string[];
    countLines: () => { lines: number; blankLines: number };
  };
}

export interface Adapter {
  kind: SourceKind;
  label: { zh: string; en: string };
  /** Whether a table's header identifies this format. Checked in SOURCE_KINDS order; first match wins. */
  matches(table: InputTable): boolean;
  /** Every canonical landing column this kind can have (files missing optional ones get NULL). */
  landingColumns: string[];
  /** Columns a file must have; a missing one stops the run with a StructuralError. */
  requiredColumns: string[];
  land(table: InputTable, ctx: LandContext): Promise<Landed>;
}

/** A row set aside with the reason. Every input row is either loaded or quarantined. */
export interface QuarantineRow {
  sourceId: string;
  file: string;
  /** 1-based line (CSV) or sheet row. */
  line: number;
  /** Canonical column name, or null for a row-level rule. */
  column: string | null;
  /** Stable rule id, e.g. "period_unparseable", "duplicate_row", "csv_malformed". */
  rule: string;
  message: string;
  raw: string;
}

/**
 * A problem with a whole file (undecodable bytes, missing required column, wrong sheet): the run stops.
 * The message names the file and what was expected.
 */
export class StructuralError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'StructuralError';
  }
}
