// Writes the published data folder: per-table Parquet (ZSTD, sorted), CSV (BOM, formula-safe) and JSON (small
// tables), the DuckDB database for the in-browser SQL console, the catalog and the quality report.
// Everything is deterministic: same inputs, same bytes (the DuckDB file is reused when its content is unchanged,
// because DuckDB's own file layout is not byte-reproducible).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { all, exec, ident, lit, type Conn } from '../lib/duck.ts';
import { sha256 } from '../incremental.ts';
import { writeCsv } from './csvFile.ts';
import type { Schema, TableSchema, CheckResult } from '../checks.ts';
import type { SourceDeclaration } from '../sources/types.ts';
import { scanPublishedTables, type TableFinding } from './scanTables.ts';
import { findPersonalData } from './personalData.ts';

/**
 * Storage format of the published DuckDB file. Pinned so that a newer writer cannot produce a file the pinned
 * duckdb-wasm (DuckDB 1.4) cannot open. v1.2.0 rather than v1.0.0: its metadata is compact (here one 256 KiB
 * metadata block instead of three), and the browser reads every metadata block when it attaches the file, so
 * this cuts what any first query downloads.
 */
export const WAREHOUSE_STORAGE_VERSION = 'v1.2.0';

/** Tables above this many rows get no JSON copy: pages use aggregated marts, and the SQL console the database. */
export const JSON_MAX_ROWS = 50_000;

export interface PublishTable {
  name: string;
  doc: TableSchema;
  /** "mart", "reference" or "quality". */
  layer: string;
}

export interface FileReconciliation {
  sourceId: string;
  kind: string;
  file: string;
  rowsIn: number;
  loaded: number;
  quarantined: number;
  byRule: Record<string, number>;
  warnings: Record<string, number>;
}

export interface PublishInput {
  conn: Conn;
  dir: string;
  previousDir: string;
  tables: PublishTable[];
  declarations: SourceDeclaration[];
  /** Files (relPath) per source id, from discovery. */
  filesBySource: Record<string, string[]>;
  reconciliation: FileReconciliation[];
  checks: CheckResult[];
  cluster: { id: string; name: { zh: string; en: string } };
  buildKey: string;
}

export class PersonalDataError extends Error {
  constructor(readonly findings: TableFinding[]) {
    super(
      `Personal data found in the output; nothing was published:\n` +
        findings.slice(0, 20).map((f) => `  ${f.table}.${f.column}: ${f.kind} ${f.masked}`).join('\n'),
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

export async function publish(p: PublishInput): Promise<{ contentHash: string }> {
  const { conn, dir } = p;
  const tablesDir = join(dir, 'tables');
  mkdirSync(tablesDir, { recursive: true });

  // The gate runs before anything is written, over every text cell of every table that will be published.
  const findings = await scanPublishedTables(conn, p.tables.map((t) => t.name));
  if (findings.length) throw new PersonalDataError(findings);

  const catalogTables = [];
  const contentHashes: string[] = [];
  for (const t of p.tables) {
    const cols = await columnsOf(conn, t.name);
    // The declared order first, then every other column, so ties cannot come out in a different order.
    const declared = (t.doc.order ?? []).filter((c) => cols.some((x) => x.name === c));
    const order = [...declared, ...cols.map((c) => c.name).filter((c) => !declared.includes(c))];
    const orderBy = `ORDER BY ${order.map(ident).join(', ')}`;
    const parquet = join(tablesDir, `${t.name}.parquet`);
    await exec(conn, `COPY (SELECT * FROM ${ident(t.name)} ${orderBy}) TO ${lit(parquet)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
    contentHashes.push(sha256(readFileSync(parquet)));
    await writeCsv(conn, t.name, cols, order, join(tablesDir, `${t.name}.csv`));
    const [{ n }] = await all<{ n: number }>(conn, `SELECT count(*) AS n FROM ${ident(t.name)}`);
    const hasSynthetic = cols.some((c) => c.name === 'synthetic');
    const synthetic = hasSynthetic ? (await all<{ s: boolean | null }>(conn, `SELECT bool_or(synthetic) AS s FROM ${ident(t.name)}`))[0].s ?? false : false;
    const hasSource = cols.some((c) => c.name === 'source_id');
    const sources = hasSource
      ? (await all<{ s: string }>(conn, `SELECT DISTINCT source_id AS s FROM ${ident(t.name)} WHERE source_id IS NOT NULL ORDER BY 1`)).map((r) => r.s)
      : [];
    let json: string | null = null;
    if (Number(n) <= JSON_MAX_ROWS) {
      const rows = await all(conn, `SELECT * FROM ${ident(t.name)} ${orderBy}`);
      const body = {
        table: t.name,
        synthetic,
        columns: cols.map((c) => c.name),
        rows: rows.map((r) => cols.map((c) => jsonValue(r[c.name]))),
      };
      json = `tables/${t.name}.json`;
      writeFileSync(join(dir, json), JSON.stringify(body));
    }
    catalogTables.push({
      name: t.name,
      layer: t.layer,
      title: t.doc.title,
      description: t.doc.description,
      rows: Number(n),
      synthetic,
      sources,
      columns: cols.map((c) => ({ name: c.name, type: c.type, zh: t.doc.columns[c.name]?.zh ?? null, en: t.doc.columns[c.name]?.en ?? null, unit: t.doc.columns[c.name]?.unit ?? null })),
      files: { parquet: `tables/${t.name}.parquet`, csv: `tables/${t.name}.csv`, json },
    });
  }
  const contentHash = sha256(contentHashes.join('\n'));

  // The browser console's database. Reused byte for byte when the published content has not changed.
  const prevBuild = join(p.previousDir, 'build.json');
  const prevDb = join(p.previousDir, 'warehouse.duckdb');
  let reused = false;
  if (existsSync(prevBuild) && existsSync(prevDb)) {
    try {
      const prev = JSON.parse(readFileSync(prevBuild, 'utf8'));
      // A file in another storage format is rewritten even when its content is the same.
      reused = prev.contentHash === contentHash && prev.warehouseStorage === WAREHOUSE_STORAGE_VERSION;
    } catch {
      reused = false;
    }
  }
  if (reused) copyFileSync(prevDb, join(dir, 'warehouse.duckdb'));
  else {
    await exec(conn, `ATTACH ${lit(join(dir, 'warehouse.duckdb'))} AS pub (STORAGE_VERSION ${lit(WAREHOUSE_STORAGE_VERSION)})`);
    for (const t of p.tables) {
      const order = (t.doc.order ?? []).map(ident).join(', ');
      await exec(conn, `CREATE TABLE pub.${ident(t.name)} AS SELECT * FROM ${ident(t.name)}${order ? ` ORDER BY ${order}` : ''}`);
    }
    await exec(conn, `DETACH pub`);
  }

  const used = new Set(p.reconciliation.map((r) => r.sourceId));
  const sources = p.declarations
    .filter((d) => used.has(d.id))
    .map((d) => ({ ...d, files: p.filesBySource[d.id] ?? [] }));
  const asOf = sources.map((s) => s.asOf ?? '').filter(Boolean).sort().at(-1) ?? null;
  const catalog = { cluster: p.cluster, asOf, anySynthetic: sources.some((s) => s.synthetic), sources, tables: catalogTables };
  const quality = {
    asOf,
    files: p.reconciliation,
    totals: {
      rowsIn: p.reconciliation.reduce((a, r) => a + r.rowsIn, 0),
      loaded: p.reconciliation.reduce((a, r) => a + r.loaded, 0),
      quarantined: p.reconciliation.reduce((a, r) => a + r.quarantined, 0),
    },
    checks: p.checks.map((c) => ({ name: c.name, table: c.table, passed: c.passed, failingRows: c.failingRows })),
  };
  for (const [name, obj] of [['catalog.json', catalog], ['quality.json', quality]] as const) {
    const text = JSON.stringify(obj, null, 1);
    const f = findPersonalData(text);
    if (f.length) throw new PersonalDataError(f.map((x) => ({ table: name, column: '', kind: x.kind, masked: x.masked })));
    writeFileSync(join(dir, name), text + '\n');
  }
  writeFileSync(join(dir, 'build.json'), JSON.stringify({ buildKey: p.buildKey, contentHash, warehouseStorage: WAREHOUSE_STORAGE_VERSION }, null, 1) + '\n');
  return { contentHash };
}
