// Schema panel: the published tables and their columns, written at build time from catalog.json (so it reads
// before DuckDB has loaded, and a new mart appears with no change here). A table's or column's name goes into
// the editor at the cursor; "preview" runs the table's first 100 rows.
import type { WorkbenchSession } from '../session.ts';
import { followIdle } from './queryButtons.ts';

export interface SchemaPanel {
  /** The tables the panel documents, in page order. */
  tables(): string[];
}

export const previewSql = (table: string) => `SELECT *\nFROM ${table}\nLIMIT 100`;

export function schemaPanel(root: HTMLElement, session: WorkbenchSession): SchemaPanel {
  const previews = [...root.querySelectorAll<HTMLButtonElement>('[data-wb-preview]')];
  for (const b of previews) b.addEventListener('click', () => void session.run(previewSql(b.dataset.wbPreview ?? '')));
  followIdle(previews, session);
  for (const b of root.querySelectorAll<HTMLButtonElement>('[data-wb-insert]')) {
    b.addEventListener('click', () => session.insertText(b.dataset.wbInsert ?? ''));
  }
  return {
    tables: () => [...root.querySelectorAll<HTMLElement>('[data-wb-table]')].map((d) => d.dataset.wbTable ?? ''),
  };
}
