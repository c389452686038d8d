import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTradeChoice, tradeChoiceId, tradeChoiceSearch } from '../../src/lib/tradeChoice.ts';

const groups = ['diamonds', 'natural_polished', 'jewelry'];

test('the trade choice is read from the address, unknown values fall back to the default', () => {
  assert.deepEqual(parseTradeChoice('?group=jewelry&flow=export', groups), { group: 'jewelry', flow: 'export' });
  assert.deepEqual(parseTradeChoice('?group=<script>&flow=sideways', groups), { group: 'diamonds', flow: 'total' });
  assert.deepEqual(parseTradeChoice('', groups), { group: 'diamonds', flow: 'total' });
});

test('a choice round-trips through the query string and keeps other parameters', () => {
  for (const group of groups) {
    for (const flow of ['total', 'import', 'export'] as const) {
      const s = tradeChoiceSearch('?year=2013', { group, flow });
      assert.deepEqual(parseTradeChoice(s, groups), { group, flow });
      assert.match(s, /year=2013/);
    }
  }
  assert.equal(tradeChoiceSearch('?group=jewelry&flow=import', { group: 'diamonds', flow: 'total' }), '', 'the default adds nothing');
  assert.equal(tradeChoiceId({ group: 'jewelry', flow: 'import' }), 'trade-share-jewelry-import');
});
