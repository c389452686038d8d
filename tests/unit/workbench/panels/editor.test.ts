// The editor panel keeps the session's query and the editor in step, and drives run, stop and share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editorPanel } from '../../../../src/scripts/workbench/panels/editor.ts';
import type { EditorOptions, SqlEditor } from '../../../../src/scripts/workbench/editor.ts';
import { decodeQuery } from '../../../../src/lib/workbench/shareLink.ts';
import { click, FakeSession, panelDom, until, workbenchMarkup } from './fakeSession.ts';

/** A plain-text editor standing in for CodeMirror: it records what the panel does to it. */
function plainEditor() {
  const made: { text: string; options?: EditorOptions; focused: number[]; inserted: string[] } = { text: '', focused: [], inserted: [] };
  const create = (_host: HTMLElement, o: EditorOptions): SqlEditor => {
    made.options = o;
    made.text = o.initial;
    return {
      getText: () => made.text,
      setText: (text) => {
        made.text = text;
        o.onChange(text);
      },
      focusAt: (offset) => void made.focused.push(offset),
      insert: (text) => void made.inserted.push(text),
    };
  };
  return { made, create };
}

function setup(publishLink?: (hash: string) => Promise<boolean>) {
  const doc = panelDom(workbenchMarkup());
  const session = new FakeSession('zh');
  session.text = 'SELECT 42';
  const { made, create } = plainEditor();
  const el = {
    host: doc.querySelector<HTMLElement>('[data-wb-editor]')!,
    run: doc.querySelector<HTMLButtonElement>('[data-wb-run]')!,
    cancel: doc.querySelector<HTMLButtonElement>('[data-wb-cancel]')!,
    share: doc.querySelector<HTMLButtonElement>('[data-wb-share]')!,
  };
  editorPanel(el, session, { createEditor: create, schema: {}, publishLink });
  return { session, made, el };
}

test('the editor starts with the session’s query and a translated label; typing updates the session', () => {
  const { session, made } = setup();
  assert.equal(made.text, 'SELECT 42');
  assert.equal(made.options!.label, session.tr('sql.editor_label'));
  made.options!.onChange('SELECT 43');
  assert.deepEqual(session.queries.at(-1), { text: 'SELECT 43', from: 'editor' });
  assert.equal(session.query(), 'SELECT 43');
});

test('a query the session sets (an example, a saved query) appears in the editor; its own edits do not echo', () => {
  const { session, made } = setup();
  session.setQuery('SELECT 1');
  assert.equal(made.text, 'SELECT 1');
  const before = session.queries.length;
  session.emit('query', { text: 'SELECT 2', from: 'editor' });
  assert.equal(made.text, 'SELECT 1');
  assert.equal(session.queries.length, before);
});

test('the run button and Ctrl+Enter run the query; names from the schema panel are inserted; errors move the cursor', () => {
  const { session, made, el } = setup();
  click(el.run);
  made.options!.onRun();
  assert.deepEqual(session.runs, [undefined, undefined]);
  session.emit('insert', 'mart_trade_monthly');
  assert.deepEqual(made.inserted, ['mart_trade_monthly']);
  session.fail(new Error('Parser Error: syntax error at or near "FORM"\n\nLINE 1: SELECT 1 FORM x\n                 ^'), 'SELECT 1 FORM x');
  assert.deepEqual(made.focused, [9]);
});

test('run is disabled until DuckDB is ready and while a query runs; stop shows only then', async () => {
  const { session, el } = setup();
  session.emit('state', { phase: 'loading', running: false });
  assert.equal(el.run.disabled, true);
  assert.equal(el.cancel.hidden, true);
  session.emit('state', { phase: 'ready', running: true });
  assert.equal(el.run.disabled, true);
  assert.equal(el.cancel.hidden, false);
  click(el.cancel);
  await new Promise((r) => setImmediate(r));
  assert.equal(session.cancels, 1);
  assert.equal(el.cancel.disabled, false);
  session.emit('state', { phase: 'ready', running: false });
  assert.equal(el.run.disabled, false);
  assert.equal(el.cancel.hidden, true);
});

test('share puts a link that decodes to the query, and says whether it was copied', async () => {
  const hashes: string[] = [];
  let copied = true;
  const { session, el } = setup(async (hash) => {
    hashes.push(hash);
    return copied;
  });
  click(el.share);
  await until(() => session.notes.length === 1);
  assert.equal(await decodeQuery(`#${hashes[0]}`), 'SELECT 42');
  assert.equal(session.notes.at(-1), session.tr('sql.share_done'));
  copied = false;
  click(el.share);
  await until(() => session.notes.length === 2);
  assert.equal(session.notes.at(-1), session.tr('sql.share_shown'));
});
