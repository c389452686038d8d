// Which reader a dropped or picked file goes to, by its name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { announcesReading, importKind } from '../../../src/scripts/workbench/fileImport.ts';

test('files go to the reader their extension names, in any case; anything else is read as CSV', () => {
  const cases: [string, string][] = [
    ['出口 2024.csv', 'csv'],
    ['notes.txt', 'csv'],
    ['mart_trade_share.parquet', 'parquet'],
    ['TRADE.PARQUET', 'parquet'],
    ['贸易.xlsx', 'xlsx'],
    ['Book1.XLSX', 'xlsx'],
    ['macros.xlsm', 'xlsx'],
    // The old format goes to the XLSX reader, which recognises it and says how to convert it.
    ['旧报表.xls', 'xlsx'],
    ['xlsx.csv', 'csv'],
  ];
  for (const [name, kind] of cases) assert.equal(importKind(name), kind, name);
});

test('decoded formats say they are reading first; CSV, read at once by DuckDB, does not', () => {
  assert.equal(announcesReading('a.xlsx'), true);
  assert.equal(announcesReading('a.parquet'), true);
  assert.equal(announcesReading('a.csv'), false);
});
