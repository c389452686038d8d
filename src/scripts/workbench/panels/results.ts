// Results panel: the result's summary line, the paged table (ResultsView) and its CSV and XLSX exports. A wide
// result scrolls inside the table's own box (Workbench.astro's .grid-wrap), never the page.
import { toCsv } from '../../../lib/workbench/csvExport.ts';
import { MAX_RESULT_ROWS, type ResultGrid } from '../../../lib/workbench/resultGrid.ts';
import { withSampleColumn } from '../../../lib/workbench/sampleMarker.ts';
import { stampedName } from '../download.ts';
import { ResultsView } from '../ResultsView.ts';
import type { CurrentResult, WorkbenchSession } from '../session.ts';

export type Download = (fileName: string, content: string | Blob, type: string) => void;

export interface ResultsPanelDeps {
  download: Download;
  /** The XLSX writer, loaded only when asked for (exceljs is large). */
  toXlsx: (grid: ResultGrid, sheetName: string, sampleData: boolean) => Promise<Blob>;
}

export interface ResultsPanel {
  view: ResultsView;
  exportCsv(): void;
  exportXlsx(): Promise<void>;
}

export function resultsPanel(root: HTMLElement, session: WorkbenchSession, deps: ResultsPanelDeps): ResultsPanel {
  const $ = <T extends HTMLElement = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const view = new ResultsView(root, session.lang);
  const locale = session.lang === 'zh' ? 'zh-CN' : 'en-US';

  session.on('result', ({ grid, sampleData, truncated, elapsedMs }: CurrentResult) => {
    root.dataset.sampleData = String(sampleData);
    root.hidden = false;
    view.setResult(grid);
    $('[data-wb-summary]').textContent =
      grid.columns.length === 0
        ? session.tr('sql.no_rows')
        : session.tr('sql.summary', { rows: grid.rowCount.toLocaleString(locale), cols: grid.columns.length, ms: Math.round(elapsedMs) });
    root.dataset.rows = String(grid.rowCount);
    $('[data-wb-truncated]').textContent = truncated ? session.tr('sql.truncated', { n: MAX_RESULT_ROWS.toLocaleString() }) : '';
  });

  const panel: ResultsPanel = {
    view,
    exportCsv() {
      const current = session.result;
      if (!current) return;
      const { columns, rows } = withSampleColumn(current.grid.columns.map((c) => c.name), current.grid.rows(), current.sampleData);
      deps.download(stampedName('query', 'csv'), toCsv(columns, rows), 'text/csv;charset=utf-8');
    },
    async exportXlsx() {
      const current = session.result;
      if (!current) return;
      const button = $<HTMLButtonElement>('[data-wb-export-xlsx]');
      button.disabled = true;
      try {
        deps.download(stampedName('query', 'xlsx'), await deps.toXlsx(current.grid, 'query', current.sampleData), '');
      } catch (e) {
        session.fail(e);
      } finally {
        button.disabled = false;
      }
    },
  };
  $('[data-wb-export-csv]').addEventListener('click', () => panel.exportCsv());
  $('[data-wb-export-xlsx]').addEventListener('click', () => void panel.exportXlsx());
  return panel;
}
