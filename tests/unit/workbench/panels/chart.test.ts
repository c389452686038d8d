// The chart panel: column choices follow each result; drawing and downloads go through the chart module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartPanel, type ChartModule } from '../../../../src/scripts/workbench/panels/chart.ts';
import { click, FakeSession, grid, panelDom, until, workbenchMarkup } from './fakeSession.ts';

function setup(capped = false) {
  const doc = panelDom(workbenchMarkup());
  const session = new FakeSession('zh');
  const root = doc.querySelector<HTMLElement>('[data-wb-chart]')!;
  const drawn: unknown[][] = [];
  const downloads: string[] = [];
  const chart: ChartModule = {
    CHART_MAX_ROWS: 5000,
    drawChart: (g, choice, width, sample) => {
      drawn.push([g.rowCount, choice, width, sample]);
      return { svg: doc.createElement('svg') as unknown as Element, capped };
    },
    svgText: () => '<svg/>',
    pngBlob: async () => {
      throw new Error('Canvas is not available');
    },
  };
  const panel = chartPanel(root, session, { loadChart: async () => chart, download: (name) => void downloads.push(name) });
  return { doc, session, root, drawn, downloads, panel };
}

const sales = grid([['country', 'Utf8'], ['note', 'Utf8'], ['value', 'Float64'], ['year', 'Int32']], [['BE', 'a', 1.5, 2020], ['IN', 'b', 2.5, 2021]]);

test('a new result offers its columns: the first across, the first numeric column up, no colour', () => {
  const { session, root, panel } = setup();
  session.showResult({ grid: sales, sampleData: false });
  const labels = [...root.querySelectorAll('[data-wb-chart-x] option')].map((o) => o.textContent);
  assert.deepEqual(labels, ['—', 'country', 'note', 'value', 'year']);
  assert.equal(root.querySelector('[data-wb-chart-colour] option')!.textContent, session.tr('sql.chart_none'));
  assert.deepEqual(panel.choice(), { x: '0', y: '2', colour: '', mark: 'line' });
  // A numeric first column is the x axis, not the y: the first numeric column after it goes up.
  session.showResult({ grid: grid([['year', 'Int32'], ['name', 'Utf8'], ['value', 'Float64']], [[2020, 'a', 1]]), sampleData: false });
  assert.deepEqual(panel.choice(), { x: '0', y: '2', colour: '', mark: 'line' });
  session.showResult({ grid: grid([['a', 'Utf8'], ['b', 'Utf8']], [['x', 'y']]), sampleData: false });
  assert.deepEqual(panel.choice(), { x: '0', y: '1', colour: '', mark: 'line' });
});

test('drawing passes the choice and the sample-data flag, says when rows were left out, and enables downloads', async () => {
  const { session, root, drawn, downloads } = setup(true);
  const svgButton = root.querySelector<HTMLButtonElement>('[data-wb-chart-svg]')!;
  session.showResult({ grid: sales, sampleData: true });
  assert.equal(svgButton.disabled, true);
  root.querySelector<HTMLSelectElement>('[data-wb-chart-colour]')!.value = '1';
  root.querySelector<HTMLSelectElement>('[data-wb-chart-mark]')!.value = 'bar';
  click(root.querySelector('[data-wb-chart-draw]')!);
  await until(() => drawn.length === 1);
  assert.deepEqual(drawn[0], [2, { x: 0, y: 2, colour: 1, mark: 'bar' }, 800, true]);
  assert.equal(root.querySelector('[data-wb-chart-note]')!.textContent, session.tr('sql.chart_capped', { n: 5000 }));
  assert.equal(root.querySelector('[data-wb-chart-out]')!.children.length, 1);
  assert.equal(svgButton.disabled, false);
  click(svgButton);
  await until(() => downloads.length === 1);
  assert.match(downloads[0], /^chart-\d{8}-\d{4}\.svg$/);
  // A PNG that cannot be made is reported, and the button is usable again.
  click(root.querySelector('[data-wb-chart-png]')!);
  await until(() => session.failures.length === 1);
  assert.equal(root.querySelector<HTMLButtonElement>('[data-wb-chart-png]')!.disabled, false);
  // The next result clears the old chart.
  session.showResult({ grid: sales, sampleData: false });
  assert.equal(root.querySelector('[data-wb-chart-out]')!.children.length, 0);
  assert.equal(svgButton.disabled, true);
});

test('nothing is drawn without a result or without both axes', async () => {
  const { session, root, drawn, panel } = setup();
  await panel.draw();
  session.showResult({ grid: sales, sampleData: false });
  root.querySelector<HTMLSelectElement>('[data-wb-chart-y]')!.value = '';
  await panel.draw();
  assert.equal(drawn.length, 0);
});
