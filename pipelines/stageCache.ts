// What a staged kind keeps once it is staged, and the stage cache: its staged rows kept between builds
// (.cache/pipeline/<kind>-<key>.*), so that a mart rebuilt because another kind changed reads this kind from the
// cache instead of landing and staging it again.
// Only the columns the marts reading the kind use are kept, in memory and in the cache: on a multi-million-row
// extract the audit columns (raw quantities, units, names the marts never read) cost as much to write to the cache
// as the rest, and take memory the marts' aggregates need. So an entry's key covers the SQL of those marts too: when
// one of them changes, the kind is staged again rather than read from an entry that may lack a column it now uses.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { all, exec, ident, lit, type Conn } from './lib/duck.ts';
import { sha256 } from './incremental.ts';
import { modelDependencies } from './plan.ts';
import type { FileReconciliation } from './publish/publish.ts';

export interface StageCacheEntry {
  /** The columns kept, in the staged table's order. */
  columns: string[];
  reconciliation: FileReconciliation[];
}

export interface StageCacheFiles {
  base: string;
  rows: string;
  quarantine: string;
  entry: string;
}

/** The models that read a kind's staged table. */
export function consumersOf<M extends { sql: string }>(kind: string, models: M[]): M[] {
  return models.filter((m) => modelDependencies(m.sql).includes(`stg_${kind}`));
}

/** Where a kind's entry lives: keyed by the kind's own key and the SQL of the models that read it. */
export function stageCacheFiles(dir: string, kind: string, kindKey: string, consumers: { sql: string }[]): StageCacheFiles {
  const base = join(dir, `${kind}-${sha256([kindKey, ...consumers.map((m) => m.sql)].join('\n')).slice(0, 16)}`);
  return { base, rows: base + '.stg.parquet', quarantine: base + '.quarantine.parquet', entry: base + '.json' };
}

/**
 * The staged columns a set of model SQL texts may read: those whose name appears in the SQL (comments aside).
 * A name that appears for another reason only keeps a column too many; a column read without being named (a star
 * over the staged table) is caught by `narrowingKeepsModels`.
 */
export function namedColumns(columns: string[], sqls: string[]): string[] {
  const words = new Set(sqls.flatMap((sql) => sql.replace(/--[^\n]*/g, ' ').toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []));
  return columns.filter((c) => words.has(c.toLowerCase()));
}

/**
 * Whether every model binds to the same columns and types when the staged table holds only `keep`: DuckDB binds
 * each model twice (DESCRIBE, no rows read), over the table and over the narrowed table.
 */
export async function narrowingKeepsModels(conn: Conn, kind: string, keep: string[], sqls: string[]): Promise<boolean> {
  const table = `stg_${kind}`;
  const narrowed = `(SELECT ${keep.map(ident).join(', ')} FROM ${ident(table)})`;
  const shape = async (sql: string) => JSON.stringify(await all(conn, `DESCRIBE (${sql.trim().replace(/;\s*$/, '')})`));
  for (const sql of sqls) {
    try {
      const narrowSql = sql.replace(new RegExp(`\\b${table}\\b`, 'g'), narrowed);
      if ((await shape(sql)) !== (await shape(narrowSql))) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export function readStageCache(files: StageCacheFiles): StageCacheEntry | null {
  if (!existsSync(files.entry) || !existsSync(files.rows) || !existsSync(files.quarantine)) return null;
  try {
    const entry = JSON.parse(readFileSync(files.entry, 'utf8')) as StageCacheEntry;
    return Array.isArray(entry.columns) && Array.isArray(entry.reconciliation) ? entry : null;
  } catch {
    return null;
  }
}

/**
 * The staged columns to keep once a kind is staged: those the models reading it name, if every one of those
 * models binds the same over the narrowed table; otherwise all (also when a model cannot be bound yet, e.g.
 * because it reads a mart that is not built).
 */
export async function columnsToKeep(conn: Conn, kind: string, consumerSqls: string[]): Promise<string[]> {
  const columns = (await all<{ column_name: string }>(conn, `DESCRIBE ${ident('stg_' + kind)}`)).map((c) => c.column_name);
  const named = namedColumns(columns, consumerSqls);
  return named.length > 0 && (await narrowingKeepsModels(conn, kind, named, consumerSqls)) ? named : columns;
}

/**
 * Writes a kind's entry from its staged table (stg_<kind>, the `columns` kept) and its quarantine rows, and removes
 * the kind's older entries (a multi-million-row extract's entry is tens of MB).
 */
export async function writeStageCache(conn: Conn, kind: string, files: StageCacheFiles, columns: string[], reconciliation: FileReconciliation[]): Promise<void> {
  const dir = join(files.base, '..');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (name.startsWith(`${kind}-`) && !join(dir, name).startsWith(files.base + '.') && /^[a-z_]+-[0-9a-f]{16}\.(json|stg\.parquet|quarantine\.parquet)$/.test(name)) {
      rmSync(join(dir, name), { force: true });
    }
  }
  // LZ4, not ZSTD: a local cache, written on every build of the kind, where writing fast matters more than size
  // (writing the 5M-row benchmark's entry side by side: LZ4 5.9 s of CPU, Snappy 7.5 s, uncompressed 5.7 s).
  await exec(conn, `COPY (SELECT ${columns.map(ident).join(', ')} FROM ${ident('stg_' + kind)}) TO ${lit(files.rows)} (FORMAT parquet, COMPRESSION lz4_raw)`);
  await exec(conn, `COPY (SELECT * FROM quarantine WHERE kind = ${lit(kind)}) TO ${lit(files.quarantine)} (FORMAT parquet, COMPRESSION zstd)`);
  // The entry file last: an entry without it is never read.
  writeFileSync(files.entry, JSON.stringify({ columns, reconciliation } satisfies StageCacheEntry));
}
