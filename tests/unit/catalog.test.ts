// The sources page and the firm list offer only files the pipeline wrote: a table above the CSV row limit has
// files.csv = null in the catalog and must get no CSV link (it once linked to "data/null").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableDownloads, type CatalogTable } from '../../src/lib/catalog.ts';

test('a table without a CSV gets Parquet (and JSON when written) links only', () => {
  const big: Pick<CatalogTable, 'files'> = { files: { parquet: 'tables/big.parquet', csv: null, json: null } };
  assert.deepEqual(tableDownloads(big), [{ format: 'parquet', path: 'data/tables/big.parquet' }]);
  assert.ok(!tableDownloads(big).some((d) => d.path.includes('null')));
});

test('every written file is offered, CSV first', () => {
  const small: Pick<CatalogTable, 'files'> = { files: { parquet: 'tables/s.parquet', csv: 'tables/s.csv', json: 'tables/s.json' } };
  assert.deepEqual(
    tableDownloads(small).map((d) => d.format),
    ['csv', 'parquet', 'json'],
  );
  assert.equal(tableDownloads(small)[0].path, 'data/tables/s.csv');
});
