// Whether a workbench result comes from sample data, and the marker its exports then carry. The project marks
// every figure derived from synthetic (sample) data as 示例数据 / Sample data wherever it appears, downloads
// included; a query result is such a figure when it read a published table the catalog calls synthetic.
import type { CatalogTable } from '../catalog.ts';
import { t } from '../i18n.ts';

/** The column added to CSV and XLSX exports, named as in the site's chart CSVs (README, "Taking charts …"). */
export const SAMPLE_DATA_COLUMN = '示例数据/sample_data';

/** The visible marker, in both languages as the site's charts show it. */
export const SAMPLE_DATA_LABEL = `${t('zh', 'ind.synthetic_badge')} / ${t('en', 'ind.synthetic_badge')}`;

/** A table name as DuckDB may give it ("mart_x", "warehouse.main.mart_x", "\"Mart_X\""), in the catalog's form. */
function bareName(name: string): string {
  const last = name.split('.').pop() ?? name;
  return last.replace(/^"|"$/g, '').replace(/""/g, '"').toLowerCase();
}

/**
 * True when the query read a table that the catalog marks synthetic. `tablesRead` is what DuckDB reports for the
 * query, or null when it could not tell (several statements, a statement it cannot bind twice): the result is
 * then marked, because a missing marker on sample figures is the error this rule exists to prevent. A table of
 * the reader's own (an imported file) is not in the catalog and marks nothing; one the reader created under a
 * published table's name is taken to be that table. `derived` names the reader's tables made from sample data
 * (CREATE TABLE … AS SELECT … FROM a synthetic table), which count as synthetic too.
 */
export function readsSampleData(
  tablesRead: readonly string[] | null,
  catalog: readonly Pick<CatalogTable, 'name' | 'synthetic'>[],
  derived: Iterable<string> = [],
): boolean {
  if (tablesRead === null) return catalog.some((c) => c.synthetic);
  const synthetic = new Set([...catalog.filter((c) => c.synthetic).map((c) => c.name), ...derived].map((n) => n.toLowerCase()));
  return tablesRead.some((n) => synthetic.has(bareName(n)));
}

/**
 * Whether a statement that read sample data may have made a table of it, so the reader's tables existing after it
 * are taken as derived from sample data (over-marking a table made earlier is the safe side).
 */
export function mayCreateTable(sql: string): boolean {
  return /\b(create|insert|update|alter)\b/i.test(sql);
}

/** Columns and rows with the sample-data column added (true on every row), or unchanged when not sample data. */
export function withSampleColumn<R extends readonly unknown[]>(
  columns: readonly string[],
  rows: Iterable<R>,
  sampleData: boolean,
): { columns: string[]; rows: Iterable<readonly unknown[]> } {
  if (!sampleData) return { columns: [...columns], rows };
  return {
    columns: [...columns, SAMPLE_DATA_COLUMN],
    rows: (function* () {
      for (const r of rows) yield [...r, true];
    })(),
  };
}
