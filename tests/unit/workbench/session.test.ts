// The workbench session the panels share: runs queries on the engine, tells the panels what happened in order,
// marks sample data, and recovers from a crashed engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkbenchSession, type QueryEngine, type SessionEvents } from '../../../src/scripts/workbench/session.ts';
import { memoryStore } from './panels/fakeSession.ts';

function fakeEngine(over: Partial<QueryEngine> = {}): QueryEngine & { restarts: number } {
  const engine = {
    isRunning: false,
    restarts: 0,
    run: async (sql: string) => ({
      columns: [{ name: 'x', type: 'Int32' }],
      batches: [{ numRows: 2, getChildAt: () => ({ get: (i: number) => i + 1 }) }],
      truncated: false,
      elapsedMs: 5,
      tables: /mart_trade/.test(sql) ? ['warehouse.main.mart_trade'] : [],
    }),
    cancel: async () => undefined,
    healthy: async () => true,
    async restart() {
      engine.restarts++;
    },
    createdTables: async () => ['mine'],
    rowCount: async () => 7,
    ...over,
  };
  return engine;
}

function record(session: ReturnType<typeof createWorkbenchSession>) {
  const log: string[] = [];
  for (const e of ['state', 'status', 'query', 'started', 'finished', 'result', 'error', 'message'] as (keyof SessionEvents)[]) {
    session.on(e, (p) => log.push(`${e}:${e === 'result' ? (p as SessionEvents['result']).grid.rowCount : e === 'status' ? (p as SessionEvents['status']).state : e === 'state' ? JSON.stringify(p) : e === 'error' ? (p ? (p as { info: { kind: string } }).info.kind : 'clear') : ''}`));
  }
  return log;
}

function make(engine = fakeEngine()) {
  return createWorkbenchSession({
    lang: 'en',
    engine,
    store: memoryStore(),
    catalogTables: [{ name: 'mart_trade', synthetic: true }, { name: 'mart_real', synthetic: false }],
    tableCount: 2,
    initialQuery: 'SELECT 1',
    readFile: async (f) => ({ table: f.name.replace('.csv', '') }),
  });
}

test('nothing runs before DuckDB is ready; start runs the query once, and the panels hear it in order', async () => {
  const session = make();
  const log = record(session);
  await session.run('SELECT 2');
  assert.deepEqual(log, [], 'a run before start does nothing');
  await session.start(Promise.resolve());
  assert.deepEqual(log, [
    'status:loading',
    'state:{"phase":"ready","running":false}',
    'status:ready',
    'error:clear',
    'message:',
    'state:{"phase":"ready","running":true}',
    'status:running',
    'started:',
    'result:2',
    'status:ready',
    'state:{"phase":"ready","running":false}',
    'finished:',
  ]);
  assert.equal(session.result?.grid.rowCount, 2);
  assert.equal(session.result?.sampleData, false);
});

test('a query over a synthetic table is sample data, and so are tables made from it', async () => {
  const tablesRead = (sql: string) => (/mart_trade/.test(sql) ? ['warehouse.main.mart_trade'] : /mine/.test(sql) ? ['memory.main.mine'] : []);
  const engine = fakeEngine({ run: async (sql) => ({ columns: [], batches: [], truncated: false, elapsedMs: 1, tables: tablesRead(sql) }) });
  const session = make(engine);
  await session.start(Promise.resolve());
  await session.run('SELECT * FROM mine');
  assert.equal(session.result?.sampleData, false, 'the reader’s own table is not sample data');
  await session.run('SELECT * FROM mart_trade');
  assert.equal(session.result?.sampleData, true);
  assert.equal(session.query(), 'SELECT * FROM mart_trade');
  await session.run('CREATE TABLE mine AS SELECT * FROM mart_trade');
  await session.run('SELECT * FROM mine');
  assert.equal(session.result?.sampleData, true, 'a table made from sample data is sample data');
});

test('a failed query is explained; a crashed engine is restarted and the session stays usable', async () => {
  let healthy = true;
  const engine = fakeEngine({
    run: async () => {
      throw new Error('Out of Memory Error: could not allocate block');
    },
    healthy: async () => healthy,
  });
  const session = make(engine);
  const log = record(session);
  await session.start(Promise.resolve());
  assert.ok(log.includes('error:memory'));
  assert.equal(engine.restarts, 0);
  healthy = false;
  await session.run('SELECT 3');
  assert.equal(engine.restarts, 1);
  assert.equal(session.idle, true);
  assert.equal(log.at(-1), 'finished:');
});

test('DuckDB failing to start leaves the session failed, with the reason in the status', async () => {
  const session = make();
  const statuses: string[] = [];
  session.on('status', (s) => statuses.push(`${s.state}:${s.text}`));
  await session.start(Promise.reject(new Error('wasm refused')));
  assert.equal(session.phase, 'failed');
  assert.equal(session.idle, false);
  assert.match(statuses.at(-1)!, /^failed:.*wasm refused/);
});

test('an imported file comes back with its table and row count', async () => {
  const session = make();
  assert.deepEqual(await session.importFile({ name: 'figures.csv' } as File), { table: 'figures', rows: 7 });
});
