// DuckDbSession: one DuckDB-Wasm database in a Web Worker with the published warehouse attached read-only.
// Lifecycle: start() picks the bundle (eh, or mvp for browsers without WebAssembly exceptions), instantiates it,
// opens an in-memory database with HTTP range reads, attaches data/warehouse.duckdb and puts it on the search
// path so every published table answers to its bare name, while CREATE TABLE still works in the writable
// in-memory catalog. run() streams a query's batches and can be cancelled; when DuckDB does not stop, restart()
// throws the worker away and starts over (the attached file is re-read by range, so this is cheap).
//
// This module is imported only by the workbench page: it is the one that pulls the 30+ MB wasm files.
/// <reference types="vite/client" />
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { RecordBatch } from 'apache-arrow';
import type { ImportedTable } from '../../lib/workbench/importedTable.ts';
import { ExtensionsDisabledError, extensionStatement } from '../../lib/workbench/extensionStatement.ts';
import { MAX_RESULT_ROWS } from '../../lib/workbench/resultGrid.ts';
export { MAX_RESULT_ROWS };

/** Virtual folder for files the reader imports; the only path DuckDB may read once external access is off. */
const UPLOAD_DIR = 'upload/';

export interface QueryResult {
  columns: { name: string; type: string }[];
  batches: RecordBatch[];
  rowCount: number;
  /** True when the result had more than MAX_RESULT_ROWS rows and was cut. */
  truncated: boolean;
  elapsedMs: number;
  /** The tables the query read, as DuckDB names them, or null when it could not tell (see tablesRead). */
  tables: string[] | null;
}

const absolute = (u: string) => new URL(u, location.href).href;

export class DuckDbSession {
  private db: duckdb.AsyncDuckDB | null = null;
  private worker: Worker | null = null;
  private conn: duckdb.AsyncDuckDBConnection | null = null;
  private running = false;
  private cancelled = false;
  private abandon: ((e: Error) => void) | null = null;
  /** Tables made from the reader's files (they stay in the in-memory catalog until a restart). */
  private readonly imported = new Set<string>();

  /** @param warehouseUrl The published database, e.g. `${BASE_URL}data/warehouse.duckdb`. */
  constructor(private readonly warehouseUrl: string) {}

  async start(): Promise<void> {
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: absolute(mvpWasm), mainWorker: absolute(mvpWorker) },
      eh: { mainModule: absolute(ehWasm), mainWorker: absolute(ehWorker) },
    });
    // A blob: worker inherits this page's Content-Security-Policy (a worker loaded from its own URL would get
    // only the policy of its HTTP response, which a plain static server does not send), so connect-src 'self'
    // also binds the HTTP reads DuckDB makes from inside the worker.
    const boot = URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(bundle.mainWorker)});`], { type: 'text/javascript' }));
    this.worker = new Worker(boot);
    URL.revokeObjectURL(boot);
    this.db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), this.worker);
    await this.db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await this.db.open({
      filesystem: { reliableHeadRequests: true, allowFullHTTPReads: false, forceFullHTTPReads: false },
      query: { castDecimalToDouble: true },
    });
    // Direct I/O: DuckDB reads whole 256 KiB blocks and caches them itself. Through duckdb-wasm's 16 KiB page
    // buffer instead, a block (not aligned to those pages) arrives as 16 + 64 + 256 KiB reads: ~30 % more bytes.
    await this.db.registerFileURL('warehouse.duckdb', absolute(this.warehouseUrl), duckdb.DuckDBDataProtocol.HTTP, true);
    this.conn = await this.db.connect();
    await this.conn.query(`ATTACH 'warehouse.duckdb' AS warehouse (READ_ONLY)`);
    await this.conn.query(`SET search_path = 'main,warehouse.main'`);
    // Extensions come from the internet; offline they can only fail, so fail at once with DuckDB's message.
    await this.conn.query(`SET autoinstall_known_extensions = false`);
    await this.conn.query(`SET autoload_known_extensions = false`);
    // Defence in depth under the page's CSP: DuckDB itself refuses every file and URL except the attached
    // warehouse and the reader's own imported files (registered under upload/). This cannot be undone by SQL.
    await this.conn.query(`SET allowed_directories = ['${UPLOAD_DIR}']`);
    await this.conn.query(`SET enable_external_access = false`);
  }

  get isRunning(): boolean {
    return this.running;
  }

  async run(sql: string): Promise<QueryResult> {
    if (!this.conn) throw new Error('DuckDB is not ready');
    // Refused before DuckDB sees it: duckdb-wasm would report INSTALL as done though nothing can be installed.
    const blocked = extensionStatement(sql);
    if (blocked) throw new ExtensionsDisabledError(blocked);
    this.running = true;
    this.cancelled = false;
    // Settled by cancel() when it has to kill the worker: a query on a terminated worker never answers.
    const abandoned = new Promise<never>((_, reject) => (this.abandon = reject));
    try {
      return await Promise.race([this.read(this.conn, sql), abandoned]);
    } finally {
      this.running = false;
      this.abandon = null;
    }
  }

  private async read(conn: duckdb.AsyncDuckDBConnection, sql: string): Promise<QueryResult> {
    const t0 = performance.now();
    {
      const reader = await conn.send(sql, true);
      // A finished reader resets its schema, and an unopened one may not have it yet: keep the first seen.
      let schema = reader.schema;
      const batches: RecordBatch[] = [];
      let rowCount = 0;
      let truncated = false;
      for await (const batch of reader) {
        schema ??= batch.schema;
        if (this.cancelled) throw new Error('Query cancelled');
        if (rowCount + batch.numRows > MAX_RESULT_ROWS) {
          batches.push(batch.slice(0, MAX_RESULT_ROWS - rowCount));
          rowCount = MAX_RESULT_ROWS;
          truncated = true;
          await conn.cancelSent();
          break;
        }
        batches.push(batch);
        rowCount += batch.numRows;
      }
      if (this.cancelled) throw new Error('Query cancelled');
      schema ??= batches[0]?.schema ?? reader.schema;
      const columns = (schema?.fields ?? []).map((f) => ({ name: f.name, type: String(f.type) }));
      const elapsedMs = performance.now() - t0;
      return { columns, batches, rowCount, truncated, elapsedMs, tables: await this.tablesRead(conn, sql) };
    }
  }

  /**
   * The tables a query reads, from DuckDB's binder (so a CTE or alias is not taken for a table), asked after the
   * query has run, when the catalog it read is cached. Null when DuckDB cannot say: it binds one statement only.
   */
  private async tablesRead(conn: duckdb.AsyncDuckDBConnection, sql: string): Promise<string[] | null> {
    try {
      return await conn.getTableNames(sql);
    } catch {
      return null;
    }
  }

  /** Asks DuckDB to stop; if it has not stopped within `graceMs`, restarts the worker. */
  async cancel(graceMs = 1500): Promise<void> {
    if (!this.running || !this.conn) return;
    this.cancelled = true;
    await this.conn.cancelSent().catch(() => false);
    const deadline = performance.now() + graceMs;
    while (this.running && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (this.running) {
      this.abandon?.(new Error('Query cancelled'));
      await this.restart();
    }
  }

  /** Whether the worker still answers; after a WebAssembly trap it may not, and needs restart(). */
  async healthy(timeoutMs = 3000): Promise<boolean> {
    if (!this.conn) return false;
    const probe = this.conn.query('SELECT 1').then(() => true, () => false);
    return Promise.race([probe, new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs))]);
  }

  async restart(): Promise<void> {
    this.running = false;
    this.worker?.terminate();
    this.db = null;
    this.conn = null;
    await this.start();
  }

  /**
   * The table name for an imported file. A name that a published table already has gets "_import" appended:
   * the in-memory catalog comes first on the search path, so it would otherwise hide the published table.
   */
  private async importName(fileName: string): Promise<string> {
    const base = csvTableName(fileName);
    const taken = await this.conn!.query(`SELECT 1 FROM duckdb_tables() WHERE database_name = 'warehouse' AND table_name = '${base.replace(/'/g, "''")}'`);
    return taken.numRows > 0 ? `${base}_import` : base;
  }

  /** Tables and views the reader made with SQL (CREATE …) in the in-memory catalog, not from imported files. */
  async createdTables(): Promise<string[]> {
    if (!this.conn) return [];
    const r = await this.conn.query(`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'memory' UNION SELECT view_name FROM duckdb_views() WHERE database_name = 'memory' AND NOT internal`);
    const names: string[] = r.getChildAt(0)?.toArray().map(String) ?? [];
    return names.filter((n) => !this.imported.has(n));
  }

  /** How many rows an imported table has (the preview shown after an import is capped at 100). */
  async rowCount(table: string): Promise<number> {
    const r = await this.conn!.query(`SELECT count(*)::DOUBLE AS n FROM memory.main.${quoteIdent(table)}`);
    return Number(r.getChildAt(0)?.get(0) ?? 0);
  }

  /** Loads a CSV file the reader dropped as a new table in the in-memory catalog; returns the table's name. */
  async importCsv(fileName: string, text: string): Promise<string> {
    if (!this.db || !this.conn) throw new Error('DuckDB is not ready');
    const table = await this.importName(fileName);
    this.imported.add(table);
    const path = `${UPLOAD_DIR}${table}.csv`;
    await this.db.registerFileText(path, text);
    await this.conn.query(`CREATE OR REPLACE TABLE memory.main."${table}" AS SELECT * FROM read_csv('${path}', header = true)`);
    return table;
  }

  /**
   * Loads a decoded file (Parquet, XLSX) as a new table in the in-memory catalog; returns the table's name. The
   * Arrow table lands in a staging table first, then each column is cast to the type its decoder chose (for
   * Parquet, the one DuckDB's own reader would give: decimals and unsigned integers travel as doubles and bigints).
   */
  async importArrow(fileName: string, decoded: ImportedTable): Promise<string> {
    if (!this.db || !this.conn) throw new Error('DuckDB is not ready');
    const table = await this.importName(fileName);
    this.imported.add(table);
    const staging = `__import_${table}`;
    await this.conn.insertArrowTable(decoded.table, { name: staging, schema: 'main', create: true });
    try {
      const select = decoded.columns.map((c) => `CAST(${quoteIdent(c.name)} AS ${c.sqlType}) AS ${quoteIdent(c.name)}`).join(', ');
      await this.conn.query(`CREATE OR REPLACE TABLE memory.main.${quoteIdent(table)} AS SELECT ${select || '*'} FROM memory.main.${quoteIdent(staging)}`);
    } finally {
      await this.conn.query(`DROP TABLE IF EXISTS memory.main.${quoteIdent(staging)}`);
    }
    return table;
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A safe identifier from a file name: "出口 2024.csv" → "出口_2024". */
export function csvTableName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/^_+|_+$/g, '');
  return (/^\p{N}/u.test(base) ? `t_${base}` : base) || 'upload';
}
