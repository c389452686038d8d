// Wires the workbench page, once boot.ts has started DuckDB: one workbench session (session.ts) and one panel
// per part of the page (panels/), each given its own elements. The panels talk only through the session; this
// file finds their elements and reflects the session's state on the root for styling and tests.
import type { Lang } from '../../lib/i18n.ts';
import type { CompletionSchema } from '../../lib/workbench/completionSchema.ts';
import type { KeyValueStore } from '../../lib/workbench/savedQueries.ts';
import { decodeQuery } from '../../lib/workbench/shareLink.ts';
import { DEFAULT_SQL } from '../../lib/workbench/examples.ts';
import { startWorkbenchSession } from './workbenchSession.ts';
import { createWorkbenchSession } from './session.ts';
import { createEditor } from './editor.ts';
import { downloadText } from './download.ts';
import { importFile } from './fileImport.ts';
import { statusPanel } from './panels/status.ts';
import { editorPanel } from './panels/editor.ts';
import { examplesPanel } from './panels/examples.ts';
import { schemaPanel } from './panels/schema.ts';
import { resultsPanel } from './panels/results.ts';
import { chartPanel } from './panels/chart.ts';
import { savedPanel } from './panels/saved.ts';
import { importPanel } from './panels/import.ts';

/** localStorage can be missing or throw (privacy modes, file:// pages); the workbench then keeps nothing. */
function storage(): KeyValueStore {
  try {
    localStorage.getItem('x');
    return localStorage;
  } catch {
    const mem = new Map<string, string>();
    return { getItem: (k) => mem.get(k) ?? null, setItem: (k, v) => void mem.set(k, v) };
  }
}

async function wire(root: HTMLElement): Promise<void> {
  const $ = <T extends HTMLElement = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  // Already started by boot.ts (the page's entry) before this module was even loaded: fetching and compiling the
  // wasm is the long pole of the first result, and the panels are built while it loads.
  const { session: duck, starting } = startWorkbenchSession(root.dataset.warehouse!);
  const session = createWorkbenchSession({
    lang: (root.dataset.lang ?? 'zh') as Lang,
    engine: duck,
    store: storage(),
    catalogTables: JSON.parse(root.dataset.catalogTables ?? '[]') as { name: string; synthetic: boolean }[],
    tableCount: root.dataset.tableCount ?? '',
    initialQuery: DEFAULT_SQL,
    readFile: (file) => importFile(duck, file),
  });
  session.on('state', ({ phase, running }) => {
    root.dataset.running = String(running);
    if (phase !== 'loading') root.dataset.ready = phase === 'ready' ? 'true' : 'failed';
  });
  session.on('finished', () => {
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
  });

  statusPanel({ status: $('[data-wb-status]'), message: $('[data-wb-message]'), error: $('[data-wb-error]') }, session);
  editorPanel({ host: $('[data-wb-editor]'), run: $('[data-wb-run]'), cancel: $('[data-wb-cancel]'), share: $('[data-wb-share]') }, session, {
    createEditor,
    schema: JSON.parse(root.dataset.schema ?? '{}') as CompletionSchema,
  });
  examplesPanel($('[data-wb-examples]'), session);
  schemaPanel($('[data-wb-schema]'), session);
  resultsPanel($('[data-wb-results]'), session, {
    download: downloadText,
    toXlsx: async (grid, sheet, sample) => (await import('./xlsxExport.ts')).resultToXlsx(grid, sheet, sample),
  });
  chartPanel($('[data-wb-chart]'), session, { loadChart: () => import('./quickChart.ts'), download: downloadText });
  savedPanel({ name: $('[data-wb-save-name]'), save: $('[data-wb-save]'), saved: $('[data-wb-saved]'), remove: $('[data-wb-saved-delete]'), history: $('[data-wb-history]') }, session);
  importPanel({ input: $('[data-wb-import]'), dropZone: root }, session);

  // The query from a share link replaces the default; then DuckDB, then one run.
  const shared = await decodeQuery(location.hash);
  if (shared !== null) session.setQuery(shared);
  await session.start(starting);
}

void wire(document.querySelector<HTMLElement>('[data-workbench]')!);
