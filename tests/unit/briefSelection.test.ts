import { test } from 'node:test';
import assert from 'node:assert/strict';
import { briefQuery, selectedIds } from '../../src/lib/briefSelection.ts';

const known = ['district-share', 'share-by-flow', 'core-firms'];

test('the brief reads comma-separated and repeated ids, keeps registry order and drops unknown ids', () => {
  assert.deepEqual(selectedIds('?ids=core-firms,district-share', known), ['district-share', 'core-firms']);
  assert.deepEqual(selectedIds('?ids=core-firms&ids=share-by-flow&ids=nope', known), ['share-by-flow', 'core-firms']);
  assert.equal(selectedIds('', known), null);
  assert.equal(selectedIds('?ids=nope', known), null);
});

test('a selection round-trips through its query string', () => {
  const q = briefQuery(['district-share', 'core-firms']);
  assert.equal(q, '?ids=district-share,core-firms');
  assert.deepEqual(selectedIds(q, known), ['district-share', 'core-firms']);
  assert.equal(briefQuery([]), '');
});
