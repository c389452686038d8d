// Which published tables a build must rebuild. Every table gets a key chained from what it is made of: a staged
// kind's key from its files and staging code, a mart's from its SQL, its documentation and the keys of the tables
// it reads. A table whose key matches the previous build's is taken from the previous output instead of being
// rebuilt, checked and written again, so one changed extract costs only what depends on it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './incremental.ts';

/** The build tables a model's SQL reads (staged kinds, marts, configuration and reference tables). */
export function modelDependencies(sql: string): string[] {
  const text = sql.replace(/--[^\n]*/g, ' ');
  return [...new Set([...text.matchAll(/\b((?:stg|mart|cfg|ref)_[a-z0-9_]+)\b/g)].map((m) => m[1]))].sort();
}

export interface KeyInputs {
  /** Hash of the pipeline code other than the per-model SQL and documentation. */
  codeKey: string;
  /** Hash of the cluster configuration and the reference data (the cfg_* and ref_* tables). */
  configKey: string;
  /** Key per staged kind (stg_<kind>). */
  kindKeys: Record<string, string>;
}

function baseKey(table: string, k: KeyInputs): string | null {
  if (table.startsWith('stg_')) return k.kindKeys[table.slice(4)] ?? null;
  if (table.startsWith('cfg_') || table.startsWith('ref_')) return k.configKey;
  return null;
}

/**
 * Keys of the mart models, in build order. A reference to a table that is neither built before nor a known input
 * gets no key part (the model's own SQL is in its key, and DuckDB fails the build if the table does not exist).
 */
export function martKeys(models: { name: string; sql: string; doc?: unknown }[], k: KeyInputs): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const m of models) {
    const deps = modelDependencies(m.sql).filter((d) => d !== m.name);
    const parts = deps.map((d) => `${d}=${keys[d] ?? baseKey(d, k) ?? ''}`);
    keys[m.name] = sha256([k.codeKey, m.name, m.sql, JSON.stringify(m.doc ?? null), ...parts].join('\n'));
  }
  return keys;
}

/** Key of a check over the given tables (its SQL and the keys of what it reads). */
export function checkKey(sql: string, tableKeys: Record<string, string>, k: KeyInputs): string {
  const parts = modelDependencies(sql).map((d) => `${d}=${tableKeys[d] ?? baseKey(d, k) ?? ''}`);
  return sha256([k.codeKey, sql, ...parts].join('\n'));
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
