// The results panel: summary, the paged table, and the CSV and XLSX exports with the sample-data marker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resultsPanel } from '../../../../src/scripts/workbench/panels/results.ts';
import { SAMPLE_DATA_COLUMN } from '../../../../src/lib/workbench/sampleMarker.ts';
import { MAX_RESULT_ROWS, type ResultGrid } from '../../../../src/lib/workbench/resultGrid.ts';
import { click, FakeSession, grid, panelDom, until, workbenchMarkup } from './fakeSession.ts';

function setup(toXlsx?: (g: ResultGrid, sheet: string, sample: boolean) => Promise<Blob>) {
  const doc = panelDom(workbenchMarkup());
  const session = new FakeSession('en');
  const root = doc.querySelector<HTMLElement>('[data-wb-results]')!;
  const downloads: { name: string; content: string | Blob; type: string }[] = [];
  const panel = resultsPanel(root, session, {
    download: (name, content, type) => void downloads.push({ name, content, type }),
    toXlsx: toXlsx ?? (async () => new Blob(['xlsx'])),
  });
  return { doc, session, root, downloads, panel };
}

const years = (n: number) => grid([['year', 'Int32'], ['name', 'Utf8']], Array.from({ length: n }, (_, i) => [2000 + i, `row ${i}`]));

test('a result shows with its summary, row count and first page of rows', () => {
  const { session, root } = setup();
  assert.equal(root.hidden, true);
  session.showResult({ grid: years(3), sampleData: true, elapsedMs: 12.4 });
  assert.equal(root.hidden, false);
  assert.equal(root.dataset.rows, '3');
  assert.equal(root.dataset.sampleData, 'true');
  assert.equal(root.querySelector('[data-wb-summary]')!.textContent, session.tr('sql.summary', { rows: '3', cols: 2, ms: 12 }));
  assert.equal(root.querySelector('[data-wb-truncated]')!.textContent, '');
  const headers = [...root.querySelectorAll('[data-wb-grid] thead th')].map((th) => th.textContent);
  assert.deepEqual(headers, ['#', 'year', 'name']);
  const cells = [...root.querySelectorAll('[data-wb-grid] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
  assert.deepEqual(cells, [['1', '2000', 'row 0'], ['2', '2001', 'row 1'], ['3', '2002', 'row 2']]);
});

test('a long result is paged 100 rows at a time; a cut result says so; an empty statement says no rows', () => {
  const { session, root } = setup();
  session.showResult({ grid: years(250), sampleData: false, truncated: true });
  assert.equal(root.querySelectorAll('[data-wb-grid] tbody tr').length, 100);
  assert.match(root.querySelector('[data-wb-truncated]')!.textContent!, new RegExp(MAX_RESULT_ROWS.toLocaleString()));
  click(root.querySelector('[data-wb-page="last"]')!);
  const rows = root.querySelectorAll('[data-wb-grid] tbody tr');
  assert.equal(rows.length, 50);
  assert.equal(rows[0].querySelector('td')!.textContent, '201');
  assert.equal(root.querySelector<HTMLButtonElement>('[data-wb-page="next"]')!.disabled, true);
  session.showResult({ grid: grid([], []), sampleData: false });
  assert.equal(root.querySelector('[data-wb-summary]')!.textContent, session.tr('sql.no_rows'));
});

test('CSV export of a sample-data result carries the sample-data column; of other results it does not', () => {
  const { session, root, downloads } = setup();
  click(root.querySelector('[data-wb-export-csv]')!);
  assert.equal(downloads.length, 0, 'nothing to export before a result');
  session.showResult({ grid: years(2), sampleData: true });
  click(root.querySelector('[data-wb-export-csv]')!);
  const csv = String(downloads[0].content);
  assert.match(downloads[0].name, /^query-\d{8}-\d{4}\.csv$/);
  assert.equal(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0], `year,name,${SAMPLE_DATA_COLUMN}`);
  session.showResult({ grid: years(2), sampleData: false });
  click(root.querySelector('[data-wb-export-csv]')!);
  assert.equal(String(downloads[1].content).replace(/^\uFEFF/, '').split(/\r?\n/)[0], 'year,name');
});

test('XLSX export hands the grid and marker to the writer; a failure is reported and the button comes back', async () => {
  const calls: [number, string, boolean][] = [];
  let failing = false;
  const { session, root, downloads, panel } = setup(async (g, sheet, sample) => {
    calls.push([g.rowCount, sheet, sample]);
    if (failing) throw new Error('no memory for the workbook');
    return new Blob(['x']);
  });
  session.showResult({ grid: years(4), sampleData: true });
  await panel.exportXlsx();
  assert.deepEqual(calls, [[4, 'query', true]]);
  assert.match(downloads[0].name, /\.xlsx$/);
  failing = true;
  click(root.querySelector('[data-wb-export-xlsx]')!);
  await until(() => session.failures.length === 1);
  assert.equal(root.querySelector<HTMLButtonElement>('[data-wb-export-xlsx]')!.disabled, false);
  assert.equal(downloads.length, 1);
});
