// The methods page's registry stays in step with what is published and with the indicators that link to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { METHODS, methodById } from '../../src/lib/methods.ts';
import { allIndicators } from '../../src/lib/indicators.ts';

const schema = JSON.parse(readFileSync(new URL('../../pipelines/models/schema.json', import.meta.url), 'utf8')).tables as Record<string, unknown>;

test('method ids are unique anchors; each has text in both languages, a source and a documented table', () => {
  const ids = METHODS.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const m of METHODS) {
    assert.match(m.id, /^[a-z][a-z0-9-]*$/);
    for (const tx of [m.title, m.words, ...(m.caveats ?? [])]) assert.ok(tx.zh && tx.en, m.id);
    assert.ok(m.sources.length > 0, `${m.id} cites its source`);
    for (const table of m.tables) assert.ok(table in schema, `${m.id}: ${table} is not a documented table`);
    // Only notation tags: the formula is trusted markup, and nothing in it may run.
    assert.doesNotMatch(m.formula, /<(?!\/?(var|sub|sup)>)/, `${m.id}: formula uses only var/sub/sup`);
  }
});

test('every indicator that names a method names one that exists, and each analytic has an indicator or a table', () => {
  const linked = allIndicators().filter((d) => d.method);
  assert.ok(linked.length >= 2);
  for (const d of linked) assert.ok(methodById(d.method!), `${d.id}: unknown method ${d.method}`);
  for (const id of ['rca', 'hhi', 'cms']) assert.ok(methodById(id), `method ${id}`);
  assert.equal(methodById('no-such-method'), undefined);
});
