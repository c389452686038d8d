import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { formulaSafe, writeCsv } from '../../../pipelines/publish/csvFile.ts';
import { exec, openDuck } from '../../../pipelines/lib/duck.ts';

test('formulaSafe neutralises spreadsheet formulas and leaves ordinary text alone', () => {
  assert.equal(formulaSafe('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
  assert.equal(formulaSafe('+1'), `'+1`);
  assert.equal(formulaSafe('@SUM(A1)'), `'@SUM(A1)`);
  assert.equal(formulaSafe('\tcmd'), `'\tcmd`);
  assert.equal(formulaSafe('珠宝有限公司'), '珠宝有限公司');
});

test('writeCsv writes a BOM, quotes and formula-safe text, and keeps numbers numeric', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csv-'));
  const { instance, conn } = await openDuck();
  try {
    await exec(conn, `CREATE TABLE t AS SELECT * FROM (VALUES ('=1+1', -5.5, DATE '2013-05-01'), ('番禺, "沙湾"', 2.0, NULL)) v(name, value, d)`);
    const path = join(dir, 't.csv');
    await writeCsv(conn, 't', [{ name: 'name', type: 'VARCHAR' }, { name: 'value', type: 'DOUBLE' }, { name: 'd', type: 'DATE' }], ['value'], path);
    const bytes = readFileSync(path);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim()).data;
    assert.deepEqual(parsed[0], ['name', 'value', 'd']);
    assert.deepEqual(parsed[1], [`'=1+1`, '-5.5', '2013-05-01']);
    assert.deepEqual(parsed[2], ['番禺, "沙湾"', '2.0', '']);
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
});
