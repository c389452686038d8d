// The tables a model's SQL reads, and what the previous build recorded per table and check. The build plan
// (pipelines/plan/) keys each step from these: a table whose key matches the previous build's is taken from the
// previous output instead of being rebuilt, checked and written again.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The build tables a model's SQL reads (staged kinds, marts, configuration and reference tables). */
export function modelDependencies(sql: string): string[] {
  const text = sql.replace(/--[^\n]*/g, ' ');
  return [...new Set([...text.matchAll(/\b((?:stg|mart|cfg|ref)_[a-z0-9_]+)\b/g)].map((m) => m[1]))].sort();
}

/** What the previous build recorded per published table and per check (in its build.json). */
export interface PreviousBuild {
  dir: string;
  contentHash: string | null;
  /** Storage format of its warehouse.duckdb. */
  warehouseStorage: string | null;
  tables: Record<string, { key: string; parquetSha256: string }>;
  checks: Record<string, { key: string; passed: boolean; failingRows: number; table: string; name: string }>;
  catalog: { tables: { name: string }[] } | null;
}

export function readPreviousBuild(dir: string): PreviousBuild {
  const empty: PreviousBuild = { dir, contentHash: null, warehouseStorage: null, tables: {}, checks: {}, catalog: null };
  try {
    const build = JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8'));
    const catalogPath = join(dir, 'catalog.json');
    return {
      dir,
      contentHash: build.contentHash ?? null,
      warehouseStorage: build.warehouseStorage ?? null,
      tables: build.tables ?? {},
      checks: build.checks ?? {},
      catalog: existsSync(catalogPath) ? JSON.parse(readFileSync(catalogPath, 'utf8')) : null,
    };
  } catch {
    return empty;
  }
}

/** Whether a table can be taken from the previous output: same key, and its Parquet file still there. */
export function reusable(prev: PreviousBuild, table: string, key: string): boolean {
  const p = prev.tables[table];
  return !!p && p.key === key && existsSync(join(prev.dir, 'tables', `${table}.parquet`));
}
