// The saved-queries panel: named queries and history in the session's store, picked back into the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { savedPanel } from '../../../../src/scripts/workbench/panels/saved.ts';
import { listHistory, listSaved } from '../../../../src/lib/workbench/savedQueries.ts';
import { change, click, FakeSession, panelDom, workbenchMarkup } from './fakeSession.ts';

function setup(session = new FakeSession('en')) {
  const doc = panelDom(workbenchMarkup());
  const el = {
    name: doc.querySelector<HTMLInputElement>('[data-wb-save-name]')!,
    save: doc.querySelector<HTMLButtonElement>('[data-wb-save]')!,
    saved: doc.querySelector<HTMLSelectElement>('[data-wb-saved]')!,
    remove: doc.querySelector<HTMLButtonElement>('[data-wb-saved-delete]')!,
    history: doc.querySelector<HTMLSelectElement>('[data-wb-history]')!,
  };
  savedPanel(el, session);
  return { session, el };
}
const labels = (sel: HTMLSelectElement) => [...sel.querySelectorAll('option')].map((o) => o.textContent);

test('saving needs a name, then keeps the query under it and offers it', () => {
  const { session, el } = setup();
  session.text = 'SELECT 1';
  click(el.save);
  assert.equal(session.notes.at(-1), session.tr('sql.name_needed'));
  assert.deepEqual(listSaved(session.store), []);
  el.name.value = '  exports by year ';
  click(el.save);
  assert.deepEqual(listSaved(session.store).map((q) => [q.name, q.sql]), [['exports by year', 'SELECT 1']]);
  assert.deepEqual(labels(el.saved), ['—', 'exports by year']);
  assert.equal(el.saved.value, 'exports by year');
  assert.equal(session.notes.at(-1), session.tr('sql.saved_ok', { name: 'exports by year' }));
});

test('picking a saved query puts it in the editor; delete removes it; a reload finds what was saved', () => {
  const first = setup();
  first.session.text = 'SELECT 2';
  first.el.name.value = 'two';
  click(first.el.save);
  // A new page over the same store.
  const again = new FakeSession('en');
  for (const [k, v] of first.session.store.data) again.store.setItem(k, v);
  const { session, el } = setup(again);
  assert.deepEqual(labels(el.saved), ['—', 'two']);
  el.saved.value = 'two';
  change(el.saved);
  assert.equal(session.query(), 'SELECT 2');
  assert.equal(el.name.value, 'two');
  click(el.remove);
  assert.deepEqual(labels(el.saved), ['—']);
  assert.deepEqual(listSaved(session.store), []);
});

test('every query the session starts goes into the history, newest first, and can be picked again', () => {
  const { session, el } = setup();
  session.emit('started', { sql: 'SELECT 1' });
  session.emit('started', { sql: 'SELECT\n  2' });
  assert.deepEqual(labels(el.history), ['—', 'SELECT 2', 'SELECT 1']);
  assert.equal(listHistory(session.store).length, 2);
  el.history.value = '1';
  change(el.history);
  assert.equal(session.query(), 'SELECT 1');
});
