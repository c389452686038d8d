// Import panel: a reader's CSV, XLSX or Parquet file, picked or dropped on the workbench, becomes a table of the
// in-memory catalog (read in the browser; nothing leaves it), and its first rows are shown.
import { announcesReading } from '../fileImport.ts';
import { XlsxReadError } from '../../../lib/workbench/xlsxReadError.ts';
import type { WorkbenchSession } from '../session.ts';

export interface ImportElements {
  input: HTMLInputElement;
  /** Where a dropped file is taken (the whole workbench). */
  dropZone: HTMLElement;
}

export interface ImportPanel {
  importLocalFile(file: File): Promise<void>;
}

export function importPanel(el: ImportElements, session: WorkbenchSession): ImportPanel {
  const { lang, tr } = session;
  const panel: ImportPanel = {
    async importLocalFile(file) {
      if (!session.idle) return;
      session.clearError();
      try {
        if (announcesReading(file.name)) session.notify(tr('sql.importing', { name: file.name }));
        const { table, sheet, rows } = await session.importFile(file);
        const count = rows.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
        await session.run(`SELECT *\nFROM "${table}"\nLIMIT 100`);
        session.notify(
          sheet
            ? [tr('sql.imported_sheet', { sheet: sheet.name, table, rows: count }), ...(sheet.others.length ? [tr('sql.other_sheets', { sheets: sheet.others.join(lang === 'zh' ? '、' : ', ') })] : [])].join(' ')
            : tr('sql.imported', { table, rows: count }),
        );
      } catch (err) {
        session.notify('');
        session.fail(err instanceof XlsxReadError ? err.in(lang) : err);
      } finally {
        el.dropZone.dataset.imports = String(Number(el.dropZone.dataset.imports ?? 0) + 1);
      }
    },
  };
  el.input.addEventListener('change', () => {
    const file = el.input.files?.[0];
    if (file) void panel.importLocalFile(file);
  });
  el.dropZone.addEventListener('dragover', (e) => {
    if ((e as DragEvent).dataTransfer?.types.includes('Files')) e.preventDefault();
  });
  el.dropZone.addEventListener('drop', (e) => {
    const file = (e as DragEvent).dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    void panel.importLocalFile(file);
  });
  return panel;
}
