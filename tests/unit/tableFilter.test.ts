import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterRows, sortRows } from '../../src/lib/tableFilter.ts';

test('search matches every term, case-insensitively', () => {
  assert.deepEqual(filterRows(['沙湾 Jewelry Co', '石碁 Diamond', '沙湾 Diamond'], '沙湾 diamond'), [false, false, true]);
  assert.deepEqual(filterRows(['a', 'b'], '  '), [true, true]);
});

test('sorting numbers and text; blanks last', () => {
  assert.deepEqual(sortRows(['10', '', '2'], true, true), [2, 0, 1]);
  assert.deepEqual(sortRows(['10', '', '2'], true, false), [0, 2, 1]);
  assert.deepEqual(sortRows(['b', 'a', 'c'], false, true), [1, 0, 2]);
});
