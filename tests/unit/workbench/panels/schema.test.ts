// The schema and examples panels: previews and examples run through the session, names go into the editor,
// and their buttons wait while a query runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previewSql, schemaPanel } from '../../../../src/scripts/workbench/panels/schema.ts';
import { examplesPanel } from '../../../../src/scripts/workbench/panels/examples.ts';
import { click, FakeSession, panelDom } from './fakeSession.ts';

const SCHEMA = `<section data-wb-schema>
  <details data-wb-table="mart_a"><summary><code>mart_a</code></summary>
    <button type="button" data-wb-insert="mart_a">mart_a</button><button type="button" data-wb-preview="mart_a">preview</button>
    <table><tr><td><button type="button" data-wb-insert="year">year</button></td></tr></table>
  </details>
  <details data-wb-table="mart_b"><summary><code>mart_b</code></summary>
    <button type="button" data-wb-insert="mart_b">mart_b</button><button type="button" data-wb-preview="mart_b">preview</button>
  </details>
</section>
<section data-wb-examples><button type="button" data-wb-example="one" data-sql="SELECT 1" disabled>One</button></section>`;

test('the schema panel lists its tables; preview runs a table’s first rows; a name goes to the editor', () => {
  const doc = panelDom(SCHEMA);
  const session = new FakeSession();
  const panel = schemaPanel(doc.querySelector<HTMLElement>('[data-wb-schema]')!, session);
  assert.deepEqual(panel.tables(), ['mart_a', 'mart_b']);
  click(doc.querySelector('[data-wb-preview="mart_b"]')!);
  assert.deepEqual(session.runs, [previewSql('mart_b')]);
  assert.equal(previewSql('mart_b'), 'SELECT *\nFROM mart_b\nLIMIT 100');
  click(doc.querySelector('[data-wb-insert="year"]')!);
  click(doc.querySelector('[data-wb-insert="mart_a"]')!);
  assert.deepEqual(session.inserted, ['year', 'mart_a']);
});

test('examples run their SQL; example and preview buttons are usable only when the session is idle', () => {
  const doc = panelDom(SCHEMA);
  const session = new FakeSession();
  schemaPanel(doc.querySelector<HTMLElement>('[data-wb-schema]')!, session);
  assert.equal(examplesPanel(doc.querySelector<HTMLElement>('[data-wb-examples]')!, session).count, 1);
  const example = doc.querySelector<HTMLButtonElement>('[data-wb-example]')!;
  const preview = doc.querySelector<HTMLButtonElement>('[data-wb-preview]')!;
  session.emit('state', { phase: 'ready', running: false });
  assert.equal(example.disabled, false);
  assert.equal(preview.disabled, false);
  click(example);
  assert.deepEqual(session.runs, ['SELECT 1']);
  session.emit('state', { phase: 'ready', running: true });
  assert.equal(example.disabled, true);
  assert.equal(preview.disabled, true);
  session.emit('state', { phase: 'failed', running: false });
  assert.equal(example.disabled, true);
});
