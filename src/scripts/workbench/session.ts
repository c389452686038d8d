// The workbench session: the one object the panels share. It holds what used to be the page script's loose
// state (whether DuckDB is ready, whether a query runs, the current result and whether it is sample data, the
// query text) and runs queries and imports on the DuckDB engine; panels act through its methods and learn what
// happened from its events, never from each other. Pure of the DOM, so it and every panel test without a page.
import { t, type Key, type Lang } from '../../lib/i18n.ts';
import { describeError, type QueryErrorInfo } from '../../lib/workbench/queryError.ts';
import { ResultGrid, type BatchLike } from '../../lib/workbench/resultGrid.ts';
import { mayCreateTable, readsSampleData } from '../../lib/workbench/sampleMarker.ts';
import type { KeyValueStore } from '../../lib/workbench/savedQueries.ts';

/** What the session needs from DuckDB (DuckDbSession has it; tests pass a fake). */
export interface QueryEngine {
  readonly isRunning: boolean;
  run(sql: string): Promise<{ columns: { name: string; type: string }[]; batches: readonly BatchLike[]; truncated: boolean; elapsedMs: number; tables: string[] | null }>;
  cancel(): Promise<void>;
  healthy(): Promise<boolean>;
  restart(): Promise<void>;
  createdTables(): Promise<string[]>;
  rowCount(table: string): Promise<number>;
}

/** A file read into a table (fileImport.ts does it for the real page). */
export interface ImportedFile {
  table: string;
  sheet?: { name: string; others: string[] };
}

export interface CurrentResult {
  grid: ResultGrid;
  /** Whether the result read a synthetic table: its exports and chart then carry the sample-data marker. */
  sampleData: boolean;
  truncated: boolean;
  elapsedMs: number;
}

export type Phase = 'loading' | 'ready' | 'failed';
export type StatusState = 'loading' | 'ready' | 'running' | 'failed';

export interface SessionEvents {
  /** Whether queries may start: the run, example and preview buttons follow it. */
  state: { phase: Phase; running: boolean };
  status: { state: StatusState; text: string };
  /** The query text changed; `from` is who changed it (the editor ignores its own changes). */
  query: { text: string; from: 'editor' | 'session' };
  /** A query starts (history records it). */
  started: { sql: string };
  /** A query finished, with or without a result. */
  finished: { sql: string };
  result: CurrentResult;
  /** An error to explain, or null to clear the one shown. */
  error: { info: QueryErrorInfo; sql: string } | null;
  message: string;
  /** Text to put at the editor's cursor (a table or column name from the schema panel). */
  insert: string;
}

export interface WorkbenchSession {
  readonly lang: Lang;
  tr(key: Key, params?: Record<string, string | number>): string;
  /** Where saved queries and history live (localStorage, or memory when it is unavailable). */
  readonly store: KeyValueStore;
  readonly phase: Phase;
  readonly running: boolean;
  /** True when a query or import may start now. */
  readonly idle: boolean;
  readonly result: CurrentResult | null;
  query(): string;
  setQuery(text: string, from?: 'editor' | 'session'): void;
  /** Runs `sql`, or the current query text; with `sql`, the editor shows it too. */
  run(sql?: string): Promise<void>;
  cancel(): Promise<void>;
  /** Reads a reader's file into a table and returns it with its row count. */
  importFile(file: File): Promise<ImportedFile & { rows: number }>;
  /** Puts text at the editor's cursor. */
  insertText(text: string): void;
  notify(text: string): void;
  fail(error: unknown, sql?: string): void;
  clearError(): void;
  /** Waits for DuckDB to start, then runs the current query once. */
  start(starting: Promise<void>): Promise<void>;
  on<E extends keyof SessionEvents>(event: E, fn: (payload: SessionEvents[E]) => void): () => void;
}

export interface SessionOptions {
  lang: Lang;
  engine: QueryEngine;
  store: KeyValueStore;
  /** Each published table's name and whether it is synthetic (catalog.json). */
  catalogTables: { name: string; synthetic: boolean }[];
  tableCount: number | string;
  initialQuery: string;
  readFile: (file: File) => Promise<ImportedFile>;
}

export function createWorkbenchSession(o: SessionOptions): WorkbenchSession {
  const listeners = new Map<keyof SessionEvents, Set<(p: never) => void>>();
  const emit = <E extends keyof SessionEvents>(event: E, payload: SessionEvents[E]) => {
    for (const fn of listeners.get(event) ?? []) (fn as (p: SessionEvents[E]) => void)(payload);
  };
  const tr = (key: Key, params?: Record<string, string | number>) => t(o.lang, key, params);
  let phase: Phase = 'loading';
  let running = false;
  let result: CurrentResult | null = null;
  let text = o.initialQuery;
  /** The reader's own tables made from sample data: a query over them is sample data too. */
  const derivedSample = new Set<string>();

  const status = (state: StatusState, statusText: string) => emit('status', { state, text: statusText });
  const readyStatus = () => status('ready', tr('sql.ready', { n: o.tableCount }));
  const setRunning = (on: boolean) => {
    running = on;
    emit('state', { phase, running });
  };
  const fail = (error: unknown, sql = '') => emit('error', { info: describeError(error, sql), sql });

  const session: WorkbenchSession = {
    lang: o.lang,
    tr,
    store: o.store,
    get phase() {
      return phase;
    },
    get running() {
      return running;
    },
    get idle() {
      return phase === 'ready' && !running && !o.engine.isRunning;
    },
    get result() {
      return result;
    },
    query: () => text,
    setQuery(next, from = 'session') {
      text = next;
      emit('query', { text: next, from });
    },
    async run(sqlText) {
      if (!session.idle) return;
      if (sqlText !== undefined) session.setQuery(sqlText);
      const sql = text;
      if (!sql.trim()) return;
      emit('error', null);
      emit('message', '');
      setRunning(true);
      status('running', tr('sql.running'));
      emit('started', { sql });
      try {
        const res = await o.engine.run(sql);
        const grid = new ResultGrid(res.columns, res.batches);
        const sampleData = readsSampleData(res.tables, o.catalogTables, derivedSample);
        if (sampleData && mayCreateTable(sql)) for (const name of await o.engine.createdTables().catch(() => [])) derivedSample.add(name);
        result = { grid, sampleData, truncated: res.truncated, elapsedMs: res.elapsedMs };
        emit('result', result);
        readyStatus();
      } catch (e) {
        fail(e, sql);
        // A trapped WebAssembly instance answers nothing more: start a fresh one so the next query works.
        if (!(await o.engine.healthy())) {
          status('loading', tr('sql.loading'));
          await o.engine.restart().catch(() => undefined);
        }
        readyStatus();
      } finally {
        setRunning(false);
        emit('finished', { sql });
      }
    },
    cancel: () => o.engine.cancel(),
    async importFile(file) {
      const imported = await o.readFile(file);
      return { ...imported, rows: await o.engine.rowCount(imported.table) };
    },
    insertText: (insert) => emit('insert', insert),
    notify: (message) => emit('message', message),
    fail,
    clearError: () => emit('error', null),
    async start(starting) {
      status('loading', tr('sql.loading'));
      try {
        await starting;
      } catch (e) {
        phase = 'failed';
        status('failed', tr('sql.load_failed', { message: e instanceof Error ? e.message : String(e) }));
        emit('state', { phase, running });
        return;
      }
      phase = 'ready';
      setRunning(false);
      readyStatus();
      await session.run();
    },
    on(event, fn) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(fn as (p: never) => void);
      return () => void set.delete(fn as (p: never) => void);
    },
  };
  return session;
}
