// Writes the published data folder: per-table Parquet (ZSTD, sorted), CSV (BOM, formula-safe) and JSON (small
// tables), the DuckDB database for the in-browser SQL console, the catalog and the quality report.
// Everything is deterministic: same inputs, same bytes (the DuckDB file is reused when its content is unchanged,
// because DuckDB's own file layout is not byte-reproducible).
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { all, exec, ident, lit, type Conn } from '../lib/duck.ts';
import { sha256 } from '../incremental.ts';
import { writeCsv } from './csvFile.ts';
import type { Schema, TableSchema, CheckResult } from '../checks.ts';
import type { SourceDeclaration } from '../sources/types.ts';
import { scanPublishedTables, type TableFinding } from './scanTables.ts';
import { findPersonalData } from './personalData.ts';
import { totalOrder } from '../marts.ts';
import type { PreviousBuild } from '../plan.ts';
import type { Catalog, CatalogTable, Quality, QualityFile, UsdBasisCount, UsdConversion } from '../../src/lib/contract/published.ts';
export type { UsdBasisCount, UsdConversion };
import { tablePeriods } from '../completeness.ts';
import type { UnmatchedName } from '../nameMatches.ts';

/**
 * Storage format of the published DuckDB file. Pinned so that a newer writer cannot produce a file the pinned
 * duckdb-wasm (DuckDB 1.4) cannot open. v1.2.0 rather than v1.0.0: its metadata is compact (here one 256 KiB
 * metadata block instead of three), and the browser reads every metadata block when it attaches the file, so
 * this cuts what any first query downloads.
 */
export const WAREHOUSE_STORAGE_VERSION = 'v1.2.0';

/** Tables above this many rows get no JSON copy: pages use aggregated marts, and the SQL console the database. */
export const JSON_MAX_ROWS = 50_000;

/**
 * Tables above this many rows get no CSV: Excel and WPS open at most 1,048,576 rows per sheet (header included),
 * so a bigger CSV would be cut silently on opening. Parquet and the SQL workbench serve those tables whole.
 */
export const CSV_MAX_ROWS = 1_048_575;

export interface PublishTable {
  name: string;
  doc: TableSchema;
  /** "mart", "reference" or "quality". */
  layer: string;
  /** What the table is made of (plan.ts); recorded so the next build can tell whether it changed. */
  key: string;
  /** Already stored in its published order (marts are built sorted), so it is written without sorting again. */
  sorted?: boolean;
  /** Unchanged since the previous build: its files are taken from the previous output. */
  reuse?: boolean;
  /** How the table's USD values were obtained, when they were converted from other currencies (usdConversion.ts). */
  usdConversion?: UsdConversion[];
}

/** A file's counts as quality.json publishes them, plus what the build needs to say how its dollars were found. */
export interface FileReconciliation extends QualityFile {
  /** Loaded rows per USD basis (staging's usd_basis), for kinds that convert currencies. */
  usdBasis?: Record<string, UsdBasisCount>;
}

export interface PublishInput {
  conn: Conn;
  dir: string;
  previous: PreviousBuild;
  tables: PublishTable[];
  declarations: SourceDeclaration[];
  /** Files (relPath) per source id, from discovery. */
  filesBySource: Record<string, string[]>;
  reconciliation: FileReconciliation[];
  checks: CheckResult[];
  /** Key of each check (plan.ts), so the next build can reuse the results of checks whose inputs did not change. */
  checkKeys: Record<string, string>;
  cluster: { id: string; name: { zh: string; en: string } };
  buildKey: string;
  /** Tables declared as sections of quality.json (schema.json qualitySection), with their rows. */
  qualitySections?: Record<string, { table: string; title: unknown; rows: Record<string, unknown>[] }[]>;
  /** Names the marts could not give in Chinese or English (nameMatches.ts), for the quality report. */
  unmatchedNames?: UnmatchedName[];
}

export class PersonalDataError extends Error {
  constructor(readonly findings: TableFinding[]) {
    super(
      `Personal data found in the output; nothing was published:\n` +
        findings.slice(0, 20).map((f) => `  ${f.table}.${f.column}: ${f.kind} ${f.masked}`).join('\n') +
        (findings.length > 20 ? `\n  … and ${findings.length - 20} more` : ''),
    );
    this.name = 'PersonalDataError';
  }
}

async function columnsOf(conn: Conn, table: string): Promise<{ name: string; type: string }[]> {
  const rows = await all<{ column_name: string; data_type: string }>(
    conn,
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${lit(table)} AND table_schema = 'main' ORDER BY ordinal_position`,
  );
  return rows.map((r) => ({ name: r.column_name, type: r.data_type }));
}

function jsonValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/** A previous output's file into the new one: a hard link (files are never changed in place), else a copy. */
function carryOver(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export const checkId = (c: { table: string; name: string }) => `${c.table}:${c.name}`;

/** Writes one table's Parquet, CSV and JSON files and returns its catalog entry and the Parquet file's hash. */
export async function writeTable(
  conn: Conn,
  t: Pick<PublishTable, 'name' | 'doc' | 'layer' | 'sorted' | 'usdConversion'>,
  dir: string,
  limits = { csvMaxRows: CSV_MAX_ROWS, jsonMaxRows: JSON_MAX_ROWS },
): Promise<{ entry: CatalogTable; parquetSha256: string }> {
  const tablesDir = join(dir, 'tables');
  const cols = await columnsOf(conn, t.name);
  const order = totalOrder(cols.map((c) => c.name), t.doc.order);
  const orderBy = t.sorted ? '' : ` ORDER BY ${order.map(ident).join(', ')}`;
  const parquet = join(tablesDir, `${t.name}.parquet`);
  await exec(conn, `COPY (SELECT * FROM ${ident(t.name)}${orderBy}) TO ${lit(parquet)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
  const parquetSha256 = sha256(readFileSync(parquet));
  const has = (c: string) => cols.some((x) => x.name === c);
  const [stats] = await all<{ n: number; s: boolean | null; sources: string[] | null }>(
    conn,
    `SELECT count(*) AS n, ${has('synthetic') ? 'bool_or(synthetic)' : 'FALSE'} AS s,
       ${has('source_id') ? 'list_sort(list(DISTINCT source_id) FILTER (WHERE source_id IS NOT NULL))' : 'NULL::VARCHAR[]'} AS sources
     FROM ${ident(t.name)}`,
  );
  const n = Number(stats.n);
  let csv: string | null = null;
  if (n <= limits.csvMaxRows) {
    csv = `tables/${t.name}.csv`;
    await writeCsv(conn, t.name, cols, t.sorted ? [] : order, join(dir, csv));
  }
  const synthetic = stats.s ?? false;
  let json: string | null = null;
  if (n <= limits.jsonMaxRows) {
    const rows = await all(conn, `SELECT * FROM ${ident(t.name)}${orderBy}`);
    const body = { table: t.name, synthetic, columns: cols.map((c) => c.name), rows: rows.map((r) => cols.map((c) => jsonValue(r[c.name]))) };
    json = `tables/${t.name}.json`;
    writeFileSync(join(dir, json), JSON.stringify(body));
  }
  const entry: CatalogTable = {
    name: t.name,
    layer: t.layer,
    title: t.doc.title,
    description: t.doc.description,
    rows: n,
    synthetic,
    sources: [...(stats.sources ?? [])],
    columns: cols.map((c) => ({ name: c.name, type: c.type, zh: t.doc.columns[c.name]?.zh ?? null, en: t.doc.columns[c.name]?.en ?? null, unit: t.doc.columns[c.name]?.unit ?? null })),
    files: { parquet: `tables/${t.name}.parquet`, csv, json },
  };
  if (t.doc.periods) entry.periods = await tablePeriods(conn, t.name, t.doc.periods);
  if (t.usdConversion?.length) entry.usdConversion = t.usdConversion;
  if (!csv) entry.csvOmitted = `${n.toLocaleString('en')} rows: more than a spreadsheet (Excel, WPS) can open; use the Parquet file or the SQL workbench`;
  return { entry, parquetSha256 };
}

/**
 * The browser console's database: the previous one when no published content changed (DuckDB files are not
 * byte-reproducible, so this keeps rebuilds byte-identical); the previous one with only the changed tables
 * replaced when some did; otherwise a new one.
 */
async function writeWarehouse(p: PublishInput, contentHash: string, rowsOf: (table: string) => number): Promise<void> {
  const { conn, dir, previous } = p;
  const target = join(dir, 'warehouse.duckdb');
  const prevDb = join(previous.dir, 'warehouse.duckdb');
  // A previous file in another storage format is never kept or updated: it is written anew in the pinned one.
  const havePrev = existsSync(prevDb) && previous.contentHash !== null && previous.warehouseStorage === WAREHOUSE_STORAGE_VERSION;
  if (havePrev && previous.contentHash === contentHash) {
    copyFileSync(prevDb, target);
    return;
  }
  // Replacing a table inside a copy of the previous file costs more than writing it into a new one (old blocks
  // are freed, the copy is written first): worth it only when most rows are unchanged.
  const rows = (reuse: boolean) => p.tables.filter((t) => !!t.reuse === reuse).reduce((a, t) => a + rowsOf(t.name), 0);
  const update = havePrev && p.tables.some((t) => t.reuse) && rows(true) >= rows(false);
  if (update) copyFileSync(prevDb, target);
  // An updated file keeps the format it was created with (the pinned one, checked above).
  await exec(conn, `ATTACH ${lit(target)} AS pub${update ? '' : ` (STORAGE_VERSION ${lit(WAREHOUSE_STORAGE_VERSION)})`}`);
  try {
    if (update) {
      const names = new Set(p.tables.map((t) => t.name));
      const existing = await all<{ t: string }>(conn, `SELECT table_name AS t FROM information_schema.tables WHERE table_catalog = 'pub'`);
      for (const { t } of existing) if (!names.has(t)) await exec(conn, `DROP TABLE pub.${ident(t)}`);
    }
    for (const t of p.tables) {
      if (update && t.reuse) continue;
      const order = (t.doc.order ?? []).map(ident).join(', ');
      await exec(conn, `CREATE OR REPLACE TABLE pub.${ident(t.name)} AS SELECT * FROM ${ident(t.name)}${order && !t.sorted ? ` ORDER BY ${order}` : ''}`);
    }
  } finally {
    await exec(conn, `DETACH pub`);
  }
}

export async function publish(p: PublishInput): Promise<{ contentHash: string }> {
  const { conn, dir, previous } = p;
  mkdirSync(join(dir, 'tables'), { recursive: true });

  // The gate runs before anything is written, over every text cell of every table that will be written; a table
  // taken from the previous output passed it when it was written.
  const findings = await scanPublishedTables(conn, p.tables.filter((t) => !t.reuse).map((t) => t.name));
  if (findings.length) throw new PersonalDataError(findings);

  const prevEntries = new Map((previous.catalog?.tables ?? []).map((t) => [t.name, t as CatalogTable]));
  const catalogTables: CatalogTable[] = [];
  const recorded: Record<string, { key: string; parquetSha256: string }> = {};
  for (const t of p.tables) {
    const prev = prevEntries.get(t.name);
    if (t.reuse && prev) {
      for (const f of [prev.files.parquet, prev.files.csv, prev.files.json]) if (f) carryOver(join(previous.dir, f), join(dir, f));
      catalogTables.push(prev);
      recorded[t.name] = { key: t.key, parquetSha256: previous.tables[t.name].parquetSha256 };
    } else {
      t.reuse = false;
      const { entry, parquetSha256 } = await writeTable(conn, t, dir);
      catalogTables.push(entry);
      recorded[t.name] = { key: t.key, parquetSha256 };
    }
  }
  const contentHash = sha256(p.tables.map((t) => recorded[t.name].parquetSha256).join('\n'));
  const rowCount = new Map(catalogTables.map((t) => [t.name, t.rows]));
  await writeWarehouse(p, contentHash, (t) => rowCount.get(t) ?? 0);
  const used = new Set(p.reconciliation.map((r) => r.sourceId));
  const sources = p.declarations
    .filter((d) => used.has(d.id))
    .map((d) => ({ ...d, files: p.filesBySource[d.id] ?? [] }));
  const asOf = sources.map((s) => s.asOf ?? '').filter(Boolean).sort().at(-1) ?? null;
  const catalog: Catalog = { cluster: p.cluster, asOf, anySynthetic: sources.some((s) => s.synthetic), sources, tables: catalogTables };
  const quality: Quality = {
    asOf,
    files: p.reconciliation,
    totals: {
      rowsIn: p.reconciliation.reduce((a, r) => a + r.rowsIn, 0),
      loaded: p.reconciliation.reduce((a, r) => a + r.loaded, 0),
      quarantined: p.reconciliation.reduce((a, r) => a + r.quarantined, 0),
    },
    checks: p.checks.map((c) => ({ name: c.name, table: c.table, passed: c.passed, failingRows: c.failingRows })),
    periods: catalogTables.filter((t) => t.periods).map((t) => ({ table: t.name, completeThrough: t.periods!.completeThrough, incomplete: t.periods!.incomplete })),
    ...Object.fromEntries(
      Object.entries(p.qualitySections ?? {}).map(([k, list]) => [k, list.map((x) => ({ ...x, rows: x.rows.map((r) => Object.fromEntries(Object.entries(r).map(([c, v]) => [c, jsonValue(v)]))) }))]),
    ),
    unmatchedNames: p.unmatchedNames ?? [],
  };
  for (const [name, obj] of [['catalog.json', catalog], ['quality.json', quality]] as const) {
    const text = JSON.stringify(obj, null, 1);
    const f = findPersonalData(text);
    if (f.length) throw new PersonalDataError(f.map((x) => ({ table: name, column: '', kind: x.kind, masked: x.masked })));
    writeFileSync(join(dir, name), text + '\n');
  }
  const checks: PreviousBuild['checks'] = {};
  for (const c of p.checks) checks[checkId(c)] = { key: p.checkKeys[checkId(c)] ?? '', passed: c.passed, failingRows: c.failingRows, table: c.table, name: c.name };
  writeFileSync(join(dir, 'build.json'), JSON.stringify({ buildKey: p.buildKey, contentHash, warehouseStorage: WAREHOUSE_STORAGE_VERSION, tables: recorded, checks }, null, 1) + '\n');
  return { contentHash };
}
