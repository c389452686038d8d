import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageBounds, ResultGrid, type BatchLike } from '../../../src/lib/workbench/resultGrid.ts';
import { cellKind, displayCell, rawCell } from '../../../src/lib/workbench/cellFormat.ts';

function batch(cols: unknown[][]): BatchLike {
  return { numRows: cols[0].length, getChildAt: (j) => ({ get: (i) => cols[j][i] }) };
}

test('rows are found across batches', () => {
  const g = new ResultGrid(
    [{ name: 'n', type: 'Int64' }, { name: 'd', type: 'Date32<DAY>' }],
    [batch([[1n, 2n], [0, 86_400_000]]), batch([[3n], [null]]), batch([[], []]), batch([[4n], [Date.UTC(2024, 2, 1)]])],
  );
  assert.equal(g.rowCount, 4);
  assert.deepEqual([...g.rows()], [[1, '1970-01-01'], [2, '1970-01-02'], [3, null], [4, '2024-03-01']]);
  assert.deepEqual(g.row(3), [4, '2024-03-01']);
  assert.throws(() => g.row(4), RangeError);
});

test('pages are clamped to what exists', () => {
  assert.deepEqual(pageBounds(200_000, 100, 2000), { page: 2000, pages: 2000, from: 199_900, to: 200_000 });
  assert.deepEqual(pageBounds(200_000, 100, 99_999), { page: 2000, pages: 2000, from: 199_900, to: 200_000 });
  assert.deepEqual(pageBounds(0, 100, 1), { page: 1, pages: 1, from: 0, to: 0 });
  assert.deepEqual(pageBounds(5, 100, Number.NaN), { page: 1, pages: 1, from: 0, to: 5 });
});

test('cells keep every digit raw and read well on screen', () => {
  assert.equal(cellKind('Float64'), 'number');
  assert.equal(cellKind('Timestamp<MICROSECOND>'), 'timestamp');
  assert.equal(rawCell(2n ** 64n, 'number'), '18446744073709551616');
  assert.equal(rawCell(Date.UTC(2024, 0, 2, 3, 4, 5), 'timestamp'), '2024-01-02 03:04:05');
  assert.equal(rawCell({ a: 1n }, 'text'), '{"a":"1"}');
  assert.equal(displayCell(2024, 'en-US'), '2024');
  assert.equal(displayCell(1234567.125, 'en-US'), '1,234,567.125');
  assert.equal(displayCell(null, 'en-US'), 'NULL');
});
