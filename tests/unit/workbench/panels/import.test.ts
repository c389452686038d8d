// The import panel: a picked or dropped file becomes a table, its first rows are shown, and failures explained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPanel } from '../../../../src/scripts/workbench/panels/import.ts';
import { XlsxReadError } from '../../../../src/lib/workbench/xlsxReadError.ts';
import { FakeSession, panelDom, until, workbenchMarkup } from './fakeSession.ts';

function setup(lang: 'zh' | 'en' = 'en') {
  const doc = panelDom(`<div data-workbench>${workbenchMarkup()}</div>`);
  const session = new FakeSession(lang);
  const el = { input: doc.querySelector<HTMLInputElement>('[data-wb-import]')!, dropZone: doc.querySelector<HTMLElement>('[data-workbench]')! };
  return { doc, session, el, panel: importPanel(el, session) };
}
const file = (name: string) => ({ name }) as File;

test('an imported CSV is shown and described with its table and row count', async () => {
  const { session, el, panel } = setup();
  session.imported = { table: 'my_figures', rows: 12345 };
  await panel.importLocalFile(file('my figures.csv'));
  assert.deepEqual(session.runs, ['SELECT *\nFROM "my_figures"\nLIMIT 100']);
  assert.deepEqual(session.notes, [session.tr('sql.imported', { table: 'my_figures', rows: '12,345' })]);
  assert.equal(session.cleared, 1);
  assert.equal(el.dropZone.dataset.imports, '1');
});

test('a workbook names the sheet it read and the ones it did not, after saying it is reading', async () => {
  const { session, panel } = setup('zh');
  session.imported = { table: 'book', rows: 3, sheet: { name: '2024', others: ['2023', '说明'] } };
  await panel.importLocalFile(file('book.xlsx'));
  assert.equal(session.notes[0], session.tr('sql.importing', { name: 'book.xlsx' }));
  assert.equal(
    session.notes[1],
    `${session.tr('sql.imported_sheet', { sheet: '2024', table: 'book', rows: '3' })} ${session.tr('sql.other_sheets', { sheets: '2023、说明' })}`,
  );
});

test('a file that cannot be read is explained in the reader’s language; nothing runs', async () => {
  const { session, el, panel } = setup('zh');
  session.imported = new XlsxReadError('old.xls', 'legacy');
  await panel.importLocalFile(file('old.xls'));
  assert.deepEqual(session.runs, []);
  assert.equal(session.notes.at(-1), '');
  assert.equal(session.failures.length, 1);
  assert.equal((session.failures[0] as Error).message, new XlsxReadError('old.xls', 'legacy').in('zh').message);
  assert.equal(el.dropZone.dataset.imports, '1');
});

test('nothing is imported while a query runs; a dropped file is imported like a picked one', async () => {
  const { doc, session, el, panel } = setup();
  session.running = true;
  await panel.importLocalFile(file('a.csv'));
  assert.equal(el.dropZone.dataset.imports, undefined);
  session.running = false;
  const drop = new (doc.defaultView as unknown as typeof globalThis).Event('drop', { cancelable: true });
  Object.defineProperty(drop, 'dataTransfer', { value: { files: [file('b.csv')], types: ['Files'] } });
  el.dropZone.dispatchEvent(drop);
  await until(() => el.dropZone.dataset.imports === '1');
  assert.equal(drop.defaultPrevented, true);
  assert.equal(session.runs.length, 1);
});
