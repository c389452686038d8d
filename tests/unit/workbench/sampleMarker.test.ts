import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayCreateTable, readsSampleData, withSampleColumn, SAMPLE_DATA_COLUMN, SAMPLE_DATA_LABEL } from '../../../src/lib/workbench/sampleMarker.ts';
import { t } from '../../../src/lib/i18n.ts';

const catalog = [
  { name: 'mart_trade_share', synthetic: true },
  { name: 'mart_global_kp', synthetic: false },
  { name: 'ref_hs', synthetic: false },
];

test('a query over a synthetic published table is sample data', () => {
  assert.equal(readsSampleData(['mart_trade_share'], catalog), true);
  assert.equal(readsSampleData(['ref_hs', 'mart_trade_share'], catalog), true);
});

test('qualified, quoted or differently cased names still match the catalog', () => {
  assert.equal(readsSampleData(['warehouse.main.mart_trade_share'], catalog), true);
  assert.equal(readsSampleData(['"MART_TRADE_SHARE"'], catalog), true);
});

test('no table, only real published tables, or only the reader’s own tables: no marker', () => {
  assert.equal(readsSampleData([], catalog), false);
  assert.equal(readsSampleData(['ref_hs', 'mart_global_kp'], catalog), false);
  assert.equal(readsSampleData(['出口_2024', 'mart_trade_share_import'], catalog), false);
});

test('when DuckDB cannot tell which tables were read, the result is marked if any table is synthetic', () => {
  assert.equal(readsSampleData(null, catalog), true);
  assert.equal(readsSampleData(null, catalog.filter((c) => !c.synthetic)), false);
});

test('the sample-data column is added to every row, and only for sample data', () => {
  const rows = [[1, 'a'], [2, 'b']];
  const marked = withSampleColumn(['n', 's'], rows, true);
  assert.deepEqual(marked.columns, ['n', 's', SAMPLE_DATA_COLUMN]);
  assert.deepEqual([...marked.rows], [[1, 'a', true], [2, 'b', true]]);
  const plain = withSampleColumn(['n', 's'], rows, false);
  assert.deepEqual(plain.columns, ['n', 's']);
  assert.deepEqual([...plain.rows], rows);
});

test('the marker names sample data in both languages, from the translation table', () => {
  assert.ok(SAMPLE_DATA_LABEL.includes(t('zh', 'ind.synthetic_badge')));
  assert.ok(SAMPLE_DATA_LABEL.includes(t('en', 'ind.synthetic_badge')));
  assert.match(SAMPLE_DATA_COLUMN, /示例数据/);
});

test('a table the reader made from sample data counts as sample data', () => {
  assert.equal(readsSampleData(['mine'], catalog), false);
  assert.equal(readsSampleData(['mine'], catalog, ['mine']), true);
  assert.equal(readsSampleData(['"Mine"'], catalog, new Set(['mine'])), true);
  assert.equal(readsSampleData(['other'], catalog, ['mine']), false);
});

test('statements that can make or fill a table are recognised', () => {
  assert.equal(mayCreateTable('CREATE TABLE mine AS SELECT * FROM mart_trade_share'), true);
  assert.equal(mayCreateTable('insert into mine select 1'), true);
  assert.equal(mayCreateTable('SELECT created_at FROM mart_enterprises'), false);
});
