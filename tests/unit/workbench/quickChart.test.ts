// The quick chart's axis formatting choice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeYears } from '../../../src/scripts/workbench/quickChart.ts';

test('a column of whole numbers in a calendar range is a year column; anything else is not', () => {
  assert.equal(looksLikeYears([2010, 2011, null, 2025]), true);
  assert.equal(looksLikeYears([2010n, 2024n]), true);
  assert.equal(looksLikeYears([2010, 2010.5]), false);
  assert.equal(looksLikeYears([1500, 2010]), false);
  assert.equal(looksLikeYears([12345678, 2010]), false);
  assert.equal(looksLikeYears(['2010']), false);
  assert.equal(looksLikeYears([null, '']), false);
});
