// One published table's files: the CSV is left out above the spreadsheet row limit (and the catalog says why),
// JSON only for small tables; the Parquet file is always written, in the published order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSV_MAX_ROWS, writeTable } from '../../../pipelines/publish/publish.ts';
import { all, exec, openDuck } from '../../../pipelines/lib/duck.ts';

const doc = { title: { zh: '表', en: 'table' }, description: { zh: '', en: '' }, order: ['k'], columns: { k: { zh: '键', en: 'key' }, v: { zh: '值', en: 'value' } } };

test('CSV and JSON are written up to their row limits only; the Parquet file always, sorted', async () => {
  assert.equal(CSV_MAX_ROWS, 1_048_575, 'one sheet of Excel/WPS holds 1,048,576 rows, header included');
  const dir = mkdtempSync(join(tmpdir(), 'write-table-'));
  const { instance, conn } = await openDuck();
  try {
    await exec(conn, `CREATE TABLE t AS SELECT (10 - range) AS k, range * 1.5 AS v FROM range(10)`);
    for (const [limit, csv] of [[9, false], [10, true]] as const) {
      const out = join(dir, String(limit));
      mkdirSync(join(out, 'tables'), { recursive: true });
      const { entry } = await writeTable(conn, { name: 't', doc, layer: 'mart' }, out, { csvMaxRows: limit, jsonMaxRows: 5 });
      assert.equal(entry.rows, 10);
      assert.equal(entry.files.csv !== null, csv, `limit ${limit}`);
      assert.equal(existsSync(join(out, 'tables', 't.csv')), csv);
      if (!csv) assert.match(entry.csvOmitted ?? '', /10 rows: more than a spreadsheet/);
      assert.equal(entry.files.json, null, 'no JSON above its limit');
      const ks = await all<{ k: number }>(conn, `SELECT k FROM read_parquet('${join(out, 'tables', 't.parquet')}')`);
      assert.deepEqual(ks.map((r) => Number(r.k)), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
});
