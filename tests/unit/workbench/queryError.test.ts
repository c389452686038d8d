import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeError, errorPosition } from '../../../src/lib/workbench/queryError.ts';

test('DuckDB-Wasm JSON errors become DuckDB’s usual message with the position', () => {
  const sql = 'SELEC 1';
  const e = new Error(JSON.stringify({ exception_type: 'Parser', exception_message: 'syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^', position: '0' }));
  const info = describeError(e, sql);
  assert.equal(info.kind, 'sql');
  assert.match(info.message, /^Parser Error: syntax error/);
  assert.equal(info.position, 0);
});

test('the caret under "LINE n:" gives the offset, on any line', () => {
  const sql = 'SELECT year\nFROM mart_trade_share\nWHERE yeer > 2010';
  const msg = 'Binder Error: Referenced column "yeer" not found\n\nLINE 3: WHERE yeer > 2010\n              ^';
  assert.equal(errorPosition(msg, sql), sql.indexOf('yeer'));
  assert.equal(errorPosition('Catalog Error: no line here', sql), null);
});

test('failures are sorted into kinds the reader can act on', () => {
  const kind = (m: string) => describeError(new Error(m), '').kind;
  assert.equal(kind('Permission Error: Cannot access file "http://127.0.0.2:9/x.csv" - file system operations are disabled by configuration'), 'network');
  assert.equal(kind("NetworkError: Failed to execute 'send' on 'XMLHttpRequest'"), 'network');
  assert.equal(kind('Out of Memory Error: could not allocate block of size 256 KiB'), 'memory');
  assert.equal(kind('RangeError: Array buffer allocation failed'), 'memory');
  assert.equal(kind('Catalog Error: Table with name foo does not exist!'), 'sql');
  assert.equal(kind('Catalog Error: Extension "parquet" is not loaded'), 'extension');
  assert.equal(kind('Query cancelled'), 'cancelled');
  assert.equal(kind('worker crashed'), 'other');
});

test('a file that could not be imported is its own kind, whatever its message says', async () => {
  const { parquetToArrow } = await import('../../../src/lib/workbench/parquetToArrow.ts');
  // "Invalid" in hyparquet's message would otherwise read as an SQL error.
  const e = await parquetToArrow('x.parquet', new TextEncoder().encode('Invalid Input Error: not parquet').buffer as ArrayBuffer).catch((err: unknown) => err);
  const info = describeError(e, '');
  assert.equal(info.kind, 'file');
  assert.match(info.message, /^x\.parquet: /);
  assert.equal(describeError(new Error('Invalid Input Error: x'), '').kind, 'sql');
});
