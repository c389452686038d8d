// Pure helpers over the files the pipeline publishes into public/data; their types are the shared contract in
// contract/published.ts. Reading the files is in publishedData.ts (build time only).
import type { Catalog, CatalogTable, PublishedTable, Quality } from './contract/published.ts';

export type * from './contract/published.ts';

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

export interface DownloadLink {
  format: 'csv' | 'parquet' | 'json';
  /** Path under the site root (data/...). */
  path: string;
}

/** The files of a table that were written, in the order they are offered; a file the catalog gives as null has no link. */
export function tableDownloads(t: Pick<CatalogTable, 'files'>): DownloadLink[] {
  const out: DownloadLink[] = [];
  for (const format of ['csv', 'parquet', 'json'] as const) {
    const f = t.files[format];
    if (typeof f === 'string' && f) out.push({ format, path: `data/${f}` });
  }
  return out;
}
