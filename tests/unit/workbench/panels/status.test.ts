// The status panel shows what the session reports: status line, message line and the error box.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusPanel } from '../../../../src/scripts/workbench/panels/status.ts';
import { FakeSession, panelDom, workbenchMarkup } from './fakeSession.ts';

function setup() {
  const doc = panelDom(workbenchMarkup());
  const session = new FakeSession('en');
  const el = { status: doc.querySelector<HTMLElement>('[data-wb-status]')!, message: doc.querySelector<HTMLElement>('[data-wb-message]')!, error: doc.querySelector<HTMLElement>('[data-wb-error]')! };
  return { doc, session, el, panel: statusPanel(el, session) };
}

test('the status line follows the session', () => {
  const { session, el } = setup();
  session.emit('status', { state: 'running', text: 'Running…' });
  assert.equal(el.status.dataset.state, 'running');
  assert.equal(el.status.querySelector('[data-wb-status-text]')!.textContent, 'Running…');
  session.emit('message', 'Saved');
  assert.equal(el.message.textContent, 'Saved');
});

test('an SQL error is explained with its kind and where it points, and cleared on request', () => {
  const { session, el, panel } = setup();
  assert.equal(panel.errorShown(), null);
  const sql = 'SELECT 1\nFROM nowhere';
  session.fail(new Error('Catalog Error: Table with name nowhere does not exist!\n\nLINE 2: FROM nowhere\n             ^'), sql);
  assert.equal(el.error.hidden, false);
  assert.equal(el.error.dataset.kind, 'sql');
  assert.equal(el.error.querySelector('[data-wb-error-kind]')!.textContent, session.tr('sql.err_sql'));
  assert.match(panel.errorShown()!, /nowhere does not exist/);
  assert.equal(el.error.querySelector('[data-wb-error-at]')!.textContent, session.tr('sql.err_at', { line: 2, col: 6 }));
  session.emit('error', null);
  assert.equal(el.error.hidden, true);
  assert.equal(panel.errorShown(), null);
});

test('an error with no position in the query says nothing about where', () => {
  const { session, el } = setup();
  session.fail(new Error('Out of Memory Error: could not allocate block'), 'SELECT 1');
  assert.equal(el.error.dataset.kind, 'memory');
  assert.equal(el.error.querySelector('[data-wb-error-at]')!.textContent, '');
});
