// The stage cache keeps only the staged columns the marts read, and never serves an entry that could lack one.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { all, exec, openDuck } from '../../pipelines/lib/duck.ts';
import { createQuarantineTable, dropUnreadColumns } from '../../pipelines/stage.ts';
import { columnsToKeep, consumersOf, namedColumns, narrowingKeepsModels, readStageCache, stageCacheFiles, writeStageCache } from '../../pipelines/stageCache.ts';

const tmp = mkdtempSync(join(tmpdir(), 'stage-cache-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

async function withStaged(fn: (conn: Awaited<ReturnType<typeof openDuck>>['conn']) => Promise<void>): Promise<void> {
  const { instance, conn } = await openDuck();
  try {
    await exec(conn, `CREATE TABLE stg_demo AS SELECT * FROM (VALUES (1, 'a', 10.5, 'raw 1'), (2, 'b', 20.0, 'raw 2')) t(id, code, value, raw_text)`);
    await exec(conn, `CREATE TABLE other AS SELECT 1 AS id, 'x' AS label`);
    await createQuarantineTable(conn);
    await exec(conn, `INSERT INTO quarantine VALUES ('src', 'demo', 'f.csv', 3, 'value', 'bad_number', 'not a number', 'x,y'), ('src', 'other', 'g.csv', 2, NULL, 'r', 'm', 'z')`);
    await fn(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

test('namedColumns keeps the columns named in the SQL, not in its comments', () => {
  const sqls = ['-- raw_text is for the audit\nSELECT id, sum(value) FROM stg_demo GROUP BY id', 'SELECT CODE FROM stg_demo'];
  assert.deepEqual(namedColumns(['id', 'code', 'value', 'raw_text'], sqls), ['id', 'code', 'value']);
});

test('consumersOf finds the models that read a kind', () => {
  const models = [
    { name: 'a', sql: 'SELECT * FROM stg_demo' },
    { name: 'b', sql: 'SELECT * FROM stg_demo_other' },
    { name: 'c', sql: '-- not stg_demo\nSELECT 1' },
  ];
  assert.deepEqual(consumersOf('demo', models).map((m) => m.name), ['a']);
});

test('narrowing is refused when a model reads columns it does not name, or cannot bind to the narrowed table', async () => {
  await withStaged(async (conn) => {
    assert.equal(await narrowingKeepsModels(conn, 'demo', ['id', 'value'], ['SELECT id, sum(value) AS v FROM stg_demo s JOIN other o USING (id) GROUP BY id']), true);
    assert.equal(await narrowingKeepsModels(conn, 'demo', ['id', 'value'], ['SELECT * FROM stg_demo']), false, 'a star over the staged table');
    assert.equal(await narrowingKeepsModels(conn, 'demo', ['id', 'value'], ['SELECT COLUMNS(\'^(id|code)$\') FROM stg_demo']), false, 'a column pattern');
    assert.equal(await narrowingKeepsModels(conn, 'demo', ['id'], ['SELECT stg_demo.id FROM stg_demo']), false, 'a qualified reference');
  });
});

test('columnsToKeep: the named columns when the readers bind the same without the others, else all', async () => {
  await withStaged(async (conn) => {
    assert.deepEqual(await columnsToKeep(conn, 'demo', ['SELECT code, sum(value) AS v FROM stg_demo GROUP BY code']), ['code', 'value']);
    assert.deepEqual(await columnsToKeep(conn, 'demo', ['SELECT code FROM stg_demo', 'SELECT * FROM stg_demo']), ['id', 'code', 'value', 'raw_text']);
    assert.deepEqual(await columnsToKeep(conn, 'demo', ['SELECT code FROM stg_demo JOIN mart_not_built_yet USING (code)']), ['id', 'code', 'value', 'raw_text'], 'a reader that cannot be bound yet');
    assert.deepEqual(await columnsToKeep(conn, 'demo', []), ['id', 'code', 'value', 'raw_text'], 'no reader');
  });
});

test('dropUnreadColumns leaves the staged view with the kept columns and the passing rows only', async () => {
  const { instance, conn } = await openDuck();
  try {
    await exec(conn, `CREATE TABLE stg_demo__all AS SELECT * FROM (VALUES (1, 'a', 'x', NULL, NULL, NULL), (2, 'b', 'y', 'bad', 'code', 'no')) t(id, code, note, _rule, _column, _message)`);
    await exec(conn, `CREATE VIEW stg_demo AS SELECT * EXCLUDE (_rule, _column, _message) FROM stg_demo__all WHERE _rule IS NULL`);
    await dropUnreadColumns(conn, 'demo' as never, ['code']);
    assert.deepEqual(await all(conn, 'SELECT * FROM stg_demo'), [{ code: 'a' }]);
    const cols = (await all<{ column_name: string }>(conn, 'DESCRIBE stg_demo__all')).map((c) => c.column_name);
    assert.deepEqual(cols, ['code', '_rule', '_column', '_message']);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
});

test('an entry holds the kept columns and the kind\'s quarantine, replaces older entries, and is keyed by its readers\' SQL', async () => {
  await withStaged(async (conn) => {
    const dir = join(tmp, 'cache');
    const readers = ['SELECT code, sum(value) AS v FROM stg_demo GROUP BY code'];
    const old = stageCacheFiles(dir, 'demo', 'kind-key-0', []);
    await writeStageCache(conn, 'demo', old, ['id', 'code', 'value', 'raw_text'], []);
    assert.deepEqual(readStageCache(old)?.columns, ['id', 'code', 'value', 'raw_text']);

    const files = stageCacheFiles(dir, 'demo', 'kind-key-1', readers.map((sql) => ({ sql })));
    const reconciliation = [{ sourceId: 'src', kind: 'demo', file: 'f.csv', rowsIn: 3, loaded: 2, quarantined: 1, byRule: { bad_number: 1 }, warnings: {} }];
    await writeStageCache(conn, 'demo', files, ['code', 'value'], reconciliation as never);
    assert.deepEqual(readStageCache(files), { columns: ['code', 'value'], reconciliation });
    assert.equal(readStageCache(old), null, 'the older entry was removed');
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('demo-')).length, 3, 'one entry: rows, quarantine, entry file');
    const rows = await all<{ code: string; value: number }>(conn, `SELECT * FROM read_parquet('${files.rows}') ORDER BY code`);
    assert.deepEqual(rows.map((r) => [r.code, r.value]), [['a', 10.5], ['b', 20]]);
    const q = await all<{ kind: string; rule: string }>(conn, `SELECT kind, rule FROM read_parquet('${files.quarantine}')`);
    assert.deepEqual(q.map((r) => [r.kind, r.rule]), [['demo', 'bad_number']]);

    assert.notEqual(stageCacheFiles(dir, 'demo', 'kind-key-1', [{ sql: readers[0] + ' HAVING v > 0' }]).base, files.base, 'a reader\'s SQL changes the key');
    writeFileSync(files.entry, '[]');
    assert.equal(readStageCache(files), null, 'an entry in another format is not read');
  });
});
