// INSTALL / LOAD of an extension is recognised in any statement of a query (not in comments, strings or names),
// and refused with its own kind and position instead of duckdb-wasm's misleading success.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExtensionsDisabledError, extensionStatement } from '../../../src/lib/workbench/extensionStatement.ts';
import { describeError } from '../../../src/lib/workbench/queryError.ts';
import { t } from '../../../src/lib/i18n.ts';

test('INSTALL, FORCE INSTALL, LOAD and UPDATE EXTENSIONS are found, in any case and any statement', () => {
  const cases: [string, string, number][] = [
    ['INSTALL httpfs', 'INSTALL httpfs', 0],
    ['install httpfs;', 'install httpfs', 0],
    ['  LOAD   spatial', 'LOAD spatial', 2],
    ['FORCE INSTALL excel FROM core_nightly', 'FORCE INSTALL excel FROM core_nightly', 0],
    ["LOAD '/tmp/x.duckdb_extension'", "LOAD '/tmp/x.duckdb_extension'", 0],
    ['UPDATE EXTENSIONS', 'UPDATE EXTENSIONS', 0],
    ['SELECT 1;\nINSTALL httpfs;\nSELECT 2', 'INSTALL httpfs', 10],
    ['-- get the web reader\nINSTALL httpfs', 'INSTALL httpfs', 22],
    ['/* a */ LOAD\n  httpfs', 'LOAD httpfs', 8],
  ];
  for (const [sql, text, position] of cases) assert.deepEqual(extensionStatement(sql), { text, position }, sql);
});

test('the words in a comment, a string, a name or inside another statement are not a statement', () => {
  for (const sql of [
    'SELECT 1 -- INSTALL httpfs',
    "SELECT 'INSTALL httpfs; LOAD x' AS s",
    "SELECT 'it''s; INSTALL x' AS s",
    'SELECT "load" FROM t',
    'SELECT * FROM installs',
    'CREATE TABLE load AS SELECT 1',
    '/* INSTALL httpfs; */ SELECT 1',
    "SELECT * FROM duckdb_extensions() WHERE extension_name = 'httpfs'",
    '',
  ]) {
    assert.equal(extensionStatement(sql), null, sql);
  }
});

test('a long statement is shortened for the message', () => {
  const found = extensionStatement(`LOAD '${'x'.repeat(200)}'`);
  assert.equal(found?.text.length, 80);
  assert.ok(found?.text.endsWith('…'));
});

test('the refusal is its own error kind, points at the statement, and is explained in zh and en', () => {
  const sql = 'SELECT 1;\nINSTALL httpfs';
  const info = describeError(new ExtensionsDisabledError(extensionStatement(sql)!), sql);
  assert.deepEqual(info, { kind: 'extensions_disabled', message: 'INSTALL httpfs', position: 10 });
  assert.match(t('zh', 'sql.err_extensions_disabled'), /已禁用 DuckDB 扩展/);
  assert.match(t('en', 'sql.err_extensions_disabled'), /Extensions are disabled in this workbench/);
  // Not the message for a query that merely needs an extension.
  assert.notEqual(t('en', 'sql.err_extensions_disabled'), t('en', 'sql.err_extension'));
});
