import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionSchema } from '../../../src/lib/workbench/completionSchema.ts';
import type { CatalogTable } from '../../../src/lib/catalog.ts';

const table: CatalogTable = {
  name: 'mart_trade_share',
  layer: 'mart',
  title: { zh: '本区占比', en: 'District share' },
  description: { zh: '说明', en: 'About' },
  rows: 3,
  synthetic: true,
  sources: [],
  columns: [
    { name: 'year', type: 'INTEGER', zh: '年份', en: 'Year', unit: null },
    { name: 'value_usd', type: 'DOUBLE', zh: '金额', en: 'Value', unit: 'USD' },
    { name: 'x', type: 'VARCHAR', zh: null, en: null, unit: null },
  ],
  files: { parquet: '', csv: '', json: null },
};

test('every table and column is offered, with descriptions in the page language', () => {
  const zh = completionSchema([table], 'zh');
  assert.deepEqual(Object.keys(zh), ['mart_trade_share']);
  assert.equal(zh.mart_trade_share.self.detail, '本区占比');
  assert.deepEqual(zh.mart_trade_share.children.map((c) => c.label), ['year', 'value_usd', 'x']);
  assert.equal(zh.mart_trade_share.children[1].info, '金额 (USD)');
  assert.equal(zh.mart_trade_share.children[2].info, undefined);
  const en = completionSchema([table], 'en');
  assert.equal(en.mart_trade_share.children[0].info, 'Year');
  assert.equal(en.mart_trade_share.self.detail, 'District share');
});
