// The contract between the pipeline and the site: the shape of catalog.json, quality.json and tables/<name>.json
// as the pipeline writes them (pipelines/publish/publish.ts) and the site reads them (src/lib/catalog.ts). Both
// sides import these types from here, so a change to one side that the other does not expect fails type-checking
// instead of producing a link to "data/null".
import type { Text } from '../i18n.ts';

export interface CatalogSource {
  id: string;
  title: Text;
  publisher: string;
  licence: string;
  /** True when the rows were made up by the sample generator: every figure from them is marked 示例数据. */
  synthetic: boolean;
  asOf?: string | null;
  url?: string;
  notes?: string;
  files: string[];
}

export interface CatalogColumn {
  name: string;
  type: string;
  zh: string | null;
  en: string | null;
  unit: string | null;
}

/** One period's coverage against its reference, per measure (see pipelines/README.md, "Complete periods"). */
export interface PeriodCoverage {
  /** The period's value as published in the period column (a year, for every table so far). */
  period: number | string;
  complete: boolean;
  measures: {
    measure: string;
    value: number;
    /** The latest earlier complete period, whose coverage this one is compared with (null for the first period). */
    referencePeriod: number | string | null;
    referenceValue: number | null;
    /** Coverage may fall this fraction below the reference and still count as complete. */
    tolerance: number;
  }[];
}

/** How a table with a period column tells complete periods from partial ones. */
export interface TablePeriods {
  /** The period column; rows also carry `period_complete`. */
  column: string;
  /** What coverage is measured (from pipelines/models/schema.json). */
  rule: Text;
  /** The last complete period, or null when none is complete. */
  completeThrough: number | string | null;
  /** Periods that are not complete, with their coverage against the reference (empty when all are complete). */
  incomplete: PeriodCoverage[];
}

export interface CatalogTable {
  name: string;
  /** "mart", "reference" or "quality". */
  layer: string;
  title: Text;
  description: Text;
  rows: number;
  synthetic: boolean;
  /** Source ids, only for tables with a source_id column; others are traced through their SQL (lineage.ts). */
  sources: string[];
  columns: CatalogColumn[];
  /**
   * Paths relative to the data folder. `csv` is null when no CSV was written (a table above the spreadsheet row
   * limit, with the reason in `csvOmitted`); `json` is null above the JSON row limit. Never link a null file.
   */
  files: { parquet: string; csv: string | null; json: string | null };
  csvOmitted?: string;
  /** Present for tables that declare a period column. */
  periods?: TablePeriods;
  /** How the table's USD values were obtained, when some were converted from another currency. */
  usdConversion?: UsdConversion[];
}

/** Rows of one file whose USD value came from one basis, and the years they cover. */
export interface UsdBasisCount {
  rows: number;
  fromYear: number | null;
  toYear: number | null;
}

/** One basis of a table's USD values: the extract's own USD column, a monthly or an annual rate, or none found. */
export interface UsdConversion {
  basis: 'source' | 'monthly' | 'annual' | 'none';
  /** Where the rate came from (null for values the extract gave in USD). */
  rateTable: string | null;
  rows: number;
  fromYear: number | null;
  toYear: number | null;
}

/** A section of the quality report that a mart feeds (schema.json qualitySection): conflicts, reconciliations. */
export interface QualitySection {
  table: string;
  title: unknown;
  rows: Record<string, unknown>[];
}

export interface Catalog {
  cluster: { id: string; name: Text };
  asOf: string | null;
  anySynthetic: boolean;
  sources: CatalogSource[];
  tables: CatalogTable[];
}

export interface QualityFile {
  sourceId: string;
  kind: string;
  file: string;
  rowsIn: number;
  loaded: number;
  quarantined: number;
  byRule: Record<string, number>;
  warnings: Record<string, number>;
}

export interface Quality {
  asOf: string | null;
  files: QualityFile[];
  totals: { rowsIn: number; loaded: number; quarantined: number };
  checks: { name: string; table: string; passed: boolean; failingRows: number }[];
  /** Each table with a period column: its complete-through period and the periods left incomplete. */
  periods?: { table: string; completeThrough: number | string | null; incomplete: PeriodCoverage[] }[];
  conflicts?: QualitySection[];
  reconciliations?: QualitySection[];
  /**
   * Names in the marts with no Chinese or English form (rule `name_unmatched`, pipelines/nameMatches.ts): the raw
   * name appears only here; pages label those rows as not recognised.
   */
  unmatchedNames?: { rule: string; table: string; column: string; name: string; missing: 'zh' | 'en' | 'both'; rows: number }[];
}

/** tables/<name>.json: column names and row arrays (dates as YYYY-MM-DD strings). */
export interface PublishedTable {
  table: string;
  synthetic: boolean;
  columns: string[];
  rows: unknown[][];
}
