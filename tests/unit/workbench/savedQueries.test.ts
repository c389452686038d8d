import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addHistory, deleteSaved, HISTORY_MAX, listHistory, listSaved, saveQuery, type KeyValueStore } from '../../../src/lib/workbench/savedQueries.ts';

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

test('saving under an existing name replaces it and puts it first', () => {
  const s = memoryStore();
  saveQuery(s, 'a', 'SELECT 1');
  saveQuery(s, 'b', 'SELECT 2');
  saveQuery(s, ' a ', 'SELECT 3');
  assert.deepEqual(listSaved(s).map((q) => [q.name, q.sql]), [['a', 'SELECT 3'], ['b', 'SELECT 2']]);
  deleteSaved(s, 'a');
  assert.deepEqual(listSaved(s).map((q) => q.name), ['b']);
  assert.throws(() => saveQuery(s, '  ', 'x'));
});

test('history is newest first, without duplicates, and capped', () => {
  const s = memoryStore();
  for (let i = 0; i < HISTORY_MAX + 10; i++) addHistory(s, `SELECT ${i}`);
  addHistory(s, 'SELECT 3');
  addHistory(s, '   ');
  const h = listHistory(s);
  assert.equal(h.length, HISTORY_MAX);
  assert.equal(h[0].sql, 'SELECT 3');
  assert.equal(h.filter((x) => x.sql === 'SELECT 3').length, 1);
});

test('damaged storage reads as empty, and a full storage does not stop a run', () => {
  const s = memoryStore();
  s.map.set('workbench.saved.v1', '{not json');
  s.map.set('workbench.history.v1', JSON.stringify([{ sql: 'ok' }, 42, null]));
  assert.deepEqual(listSaved(s), []);
  assert.deepEqual(listHistory(s).map((h) => h.sql), ['ok']);
  const full: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
  assert.equal(addHistory(full, 'SELECT 1').length, 1);
});
