// Chart panel: the quick chart over the current result. The column choices follow each new result; drawing
// loads the chart module (Plot and d3) only when the reader asks for a chart.
import type { ChartChoice, MarkKind } from '../quickChart.ts';
import type { ResultGrid } from '../../../lib/workbench/resultGrid.ts';
import { stampedName } from '../download.ts';
import type { WorkbenchSession } from '../session.ts';
import type { Download } from './results.ts';
import { fillSelect } from './selectOptions.ts';

/** What the panel uses of quickChart.ts. */
export interface ChartModule {
  drawChart(grid: ResultGrid, choice: ChartChoice, width: number, sampleData: boolean): { svg: Element; capped: boolean };
  CHART_MAX_ROWS: number;
  svgText(el: Element): string;
  pngBlob(el: Element, scale: number): Promise<Blob>;
}

export interface ChartPanelDeps {
  loadChart: () => Promise<ChartModule>;
  download: Download;
}

export interface ChartPanel {
  /** The column choices now on offer (x, y, colour), as column indexes or '' for none. */
  choice(): { x: string; y: string; colour: string; mark: string };
  draw(): Promise<void>;
  downloadSvg(): Promise<void>;
  downloadPng(): Promise<void>;
}

export function chartPanel(root: HTMLElement, session: WorkbenchSession, deps: ChartPanelDeps): ChartPanel {
  const $ = <T extends HTMLElement = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const x = $<HTMLSelectElement>('[data-wb-chart-x]');
  const y = $<HTMLSelectElement>('[data-wb-chart-y]');
  const colour = $<HTMLSelectElement>('[data-wb-chart-colour]');
  const mark = $<HTMLSelectElement>('[data-wb-chart-mark]');
  const out = $('[data-wb-chart-out]');
  const svgButton = $<HTMLButtonElement>('[data-wb-chart-svg]');
  const pngButton = $<HTMLButtonElement>('[data-wb-chart-png]');
  const setDownloads = (on: boolean) => {
    svgButton.disabled = !on;
    pngButton.disabled = !on;
  };

  session.on('result', ({ grid }) => {
    const cols = grid.columns.map((c, i) => ({ value: String(i), label: c.name }));
    fillSelect(x, cols);
    fillSelect(y, cols);
    fillSelect(colour, cols);
    colour.options[0].textContent = session.tr('sql.chart_none');
    // A first guess: the first column across, the first numeric column after it up.
    const firstNumber = grid.kinds.findIndex((k, i) => i > 0 && k === 'number');
    x.value = grid.columns.length ? '0' : '';
    y.value = firstNumber > 0 ? String(firstNumber) : grid.columns.length > 1 ? '1' : '';
    out.replaceChildren();
    setDownloads(false);
  });

  const panel: ChartPanel = {
    choice: () => ({ x: x.value, y: y.value, colour: colour.value, mark: mark.value }),
    async draw() {
      const current = session.result;
      if (!current) return;
      const xi = Number(x.value || -1);
      const yi = Number(y.value || -1);
      if (xi < 0 || yi < 0) return;
      const chart = await deps.loadChart();
      const { svg, capped } = chart.drawChart(
        current.grid,
        { x: xi, y: yi, colour: colour.value === '' ? -1 : Number(colour.value), mark: mark.value as MarkKind },
        Math.max(320, out.clientWidth || 800),
        current.sampleData,
      );
      out.replaceChildren(svg);
      $('[data-wb-chart-note]').textContent = capped ? session.tr('sql.chart_capped', { n: chart.CHART_MAX_ROWS }) : '';
      setDownloads(true);
    },
    async downloadSvg() {
      const el = out.firstElementChild;
      if (el) deps.download(stampedName('chart', 'svg'), (await deps.loadChart()).svgText(el), 'image/svg+xml');
    },
    async downloadPng() {
      const el = out.firstElementChild;
      if (!el) return;
      pngButton.disabled = true;
      try {
        deps.download(stampedName('chart', 'png'), await (await deps.loadChart()).pngBlob(el, 2), '');
      } catch (e) {
        session.fail(e);
      } finally {
        pngButton.disabled = false;
      }
    },
  };
  $('[data-wb-chart-draw]').addEventListener('click', () => void panel.draw());
  svgButton.addEventListener('click', () => void panel.downloadSvg());
  pngButton.addEventListener('click', () => void panel.downloadPng());
  return panel;
}
