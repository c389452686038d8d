// Types of the files the pipeline publishes into public/data (see pipelines/publish/publish.ts), and pure helpers
// over them. Reading the files is in publishedData.ts (build time only).
import type { Text } from './i18n.ts';

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
  files: { parquet: string; csv: string; json: string | null };
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

export type Row = Record<string, unknown>;

/** Rows as objects keyed by column name. */
export function rowObjects(t: PublishedTable): Row[] {
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

export function findTable(catalog: Catalog, name: string): CatalogTable | undefined {
  return catalog.tables.find((t) => t.name === name);
}

/** An empty catalog, so the site still builds (showing "no data yet") before the pipeline has run. */
export const EMPTY_CATALOG: Catalog = {
  cluster: { id: '', name: { zh: '', en: '' } },
  asOf: null,
  anySynthetic: false,
  sources: [],
  tables: [],
};

export const EMPTY_QUALITY: Quality = { asOf: null, files: [], totals: { rowsIn: 0, loaded: 0, quarantined: 0 }, checks: [] };
