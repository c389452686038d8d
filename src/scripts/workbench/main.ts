// Wires the workbench page, once boot.ts has started DuckDB: builds the editor, and connects examples, schema
// browser, results, export, chart, share link, saved queries, history and file import. Everything the reader
// sees is written with textContent.
import { t, type Key, type Lang } from '../../lib/i18n.ts';
import type { CompletionSchema } from '../../lib/workbench/completionSchema.ts';
import { describeError } from '../../lib/workbench/queryError.ts';
import { ResultGrid } from '../../lib/workbench/resultGrid.ts';
import { toCsv } from '../../lib/workbench/csvExport.ts';
import { mayCreateTable, readsSampleData, withSampleColumn } from '../../lib/workbench/sampleMarker.ts';
import { decodeQuery, encodeQuery } from '../../lib/workbench/shareLink.ts';
import { addHistory, deleteSaved, listHistory, listSaved, saveQuery, type KeyValueStore } from '../../lib/workbench/savedQueries.ts';
import { MAX_RESULT_ROWS } from './DuckDbSession.ts';
import { startWorkbenchSession } from './workbenchSession.ts';
import { createEditor } from './editor.ts';
import { ResultsView } from './ResultsView.ts';
import { downloadText, stampedName } from './download.ts';
import { announcesReading, importFile } from './fileImport.ts';
import { XlsxReadError } from '../../lib/workbench/xlsxReadError.ts';
import { DEFAULT_SQL } from '../../lib/workbench/examples.ts';

const root = document.querySelector<HTMLElement>('[data-workbench]')!;
const lang = (root.dataset.lang ?? 'zh') as Lang;
const tr = (key: Key, params?: Record<string, string | number>) => t(lang, key, params);
const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;

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
const store = storage();


// Already started by boot.ts (the page's entry) before this module was even loaded: fetching and compiling the
// wasm is the long pole of the first result, and everything below is built while it loads.
const { session, starting: sessionStarting } = startWorkbenchSession(root.dataset.warehouse!);
const results = new ResultsView($('[data-wb-results]'), lang);
let grid: ResultGrid | null = null;
/** Whether the current result read a synthetic published table: its exports and chart then carry the marker. */
let sampleData = false;
/** Each published table's name and whether it is synthetic, from catalog.json (written into the page). */
const catalogTables = JSON.parse(root.dataset.catalogTables ?? '[]') as { name: string; synthetic: boolean }[];
/** The reader's own tables made from sample data: a query over them is sample data too. */
const derivedSample = new Set<string>();
let ready = false;

const editor = createEditor($('[data-wb-editor]'), JSON.parse(root.dataset.schema ?? '{}') as CompletionSchema, DEFAULT_SQL, () => void run(), tr('sql.editor_label'));

function setStatus(state: 'loading' | 'ready' | 'running' | 'failed', text: string): void {
  const el = $('[data-wb-status]');
  el.dataset.state = state;
  $('[data-wb-status-text]').textContent = text;
}

function message(text: string): void {
  $('[data-wb-message]').textContent = text;
}

function showError(error: unknown, sql: string): void {
  const info = describeError(error, sql);
  const box = $('[data-wb-error]');
  box.hidden = false;
  box.dataset.kind = info.kind;
  const kindKey: Record<typeof info.kind, Key> = {
    sql: 'sql.err_sql',
    memory: 'sql.err_memory',
    network: 'sql.err_network',
    extension: 'sql.err_extension',
    extensions_disabled: 'sql.err_extensions_disabled',
    cancelled: 'sql.err_cancelled',
    file: 'sql.err_file',
    other: 'sql.err_other',
  };
  $('[data-wb-error-kind]').textContent = tr(kindKey[info.kind]);
  $('[data-wb-error-message]').textContent = info.message;
  const at = $('[data-wb-error-at]');
  at.textContent = '';
  if (info.position !== null) {
    const before = sql.slice(0, info.position).split('\n');
    at.textContent = tr('sql.err_at', { line: before.length, col: before[before.length - 1].length + 1 });
    editor.focusAt(info.position);
  }
}

function setRunning(on: boolean): void {
  $<HTMLButtonElement>('[data-wb-run]').disabled = on || !ready;
  $('[data-wb-cancel]').hidden = !on;
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-wb-example], [data-wb-preview]')) b.disabled = on || !ready;
  root.dataset.running = on ? 'true' : 'false';
}

async function run(sqlText?: string): Promise<void> {
  if (!ready || session.isRunning) return;
  const sql = sqlText ?? editor.getText();
  if (sqlText !== undefined) editor.setText(sqlText);
  if (!sql.trim()) return;
  $('[data-wb-error]').hidden = true;
  message('');
  setRunning(true);
  setStatus('running', tr('sql.running'));
  refreshHistory(addHistory(store, sql));
  try {
    const res = await session.run(sql);
    grid = new ResultGrid(res.columns, res.batches);
    sampleData = readsSampleData(res.tables, catalogTables, derivedSample);
    if (sampleData && mayCreateTable(sql)) for (const name of await session.createdTables().catch(() => [])) derivedSample.add(name);
    $('[data-wb-results]').dataset.sampleData = String(sampleData);
    $('[data-wb-results]').hidden = false;
    results.setResult(grid);
    const summary = res.columns.length === 0 ? tr('sql.no_rows') : tr('sql.summary', {
      rows: grid.rowCount.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'),
      cols: res.columns.length,
      ms: Math.round(res.elapsedMs),
    });
    $('[data-wb-summary]').textContent = summary;
    $('[data-wb-results]').dataset.rows = String(grid.rowCount);
    $('[data-wb-truncated]').textContent = res.truncated ? tr('sql.truncated', { n: MAX_RESULT_ROWS.toLocaleString() }) : '';
    fillChartChoices();
    setStatus('ready', tr('sql.ready', { n: root.dataset.tableCount ?? '' }));
  } catch (e) {
    showError(e, sql);
    // A trapped WebAssembly instance answers nothing more: start a fresh one so the next query works.
    if (!(await session.healthy())) {
      setStatus('loading', tr('sql.loading'));
      await session.restart().catch(() => undefined);
    }
    setStatus('ready', tr('sql.ready', { n: root.dataset.tableCount ?? '' }));
  } finally {
    setRunning(false);
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
  }
}

// Examples and schema browser
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-wb-example]')) b.addEventListener('click', () => void run(b.dataset.sql ?? ''));
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-wb-preview]')) {
  b.addEventListener('click', () => void run(`SELECT *\nFROM ${b.dataset.wbPreview}\nLIMIT 100`));
}
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-wb-insert]')) {
  b.addEventListener('click', () => {
    const v = editor.view;
    const { from, to } = v.state.selection.main;
    v.dispatch({ changes: { from, to, insert: b.dataset.wbInsert ?? '' }, selection: { anchor: from + (b.dataset.wbInsert ?? '').length } });
    v.focus();
  });
}

$('[data-wb-run]').addEventListener('click', () => void run());
$('[data-wb-cancel]').addEventListener('click', async () => {
  $<HTMLButtonElement>('[data-wb-cancel]').disabled = true;
  await session.cancel();
  $<HTMLButtonElement>('[data-wb-cancel]').disabled = false;
});

// Export
$('[data-wb-export-csv]').addEventListener('click', () => {
  if (!grid) return;
  const { columns, rows } = withSampleColumn(grid.columns.map((c) => c.name), grid.rows(), sampleData);
  downloadText(stampedName('query', 'csv'), toCsv(columns, rows), 'text/csv;charset=utf-8');
});

$('[data-wb-export-xlsx]').addEventListener('click', async () => {
  if (!grid) return;
  const button = $<HTMLButtonElement>('[data-wb-export-xlsx]');
  button.disabled = true;
  try {
    const { resultToXlsx } = await import('./xlsxExport.ts');
    downloadText(stampedName('query', 'xlsx'), await resultToXlsx(grid, 'query', sampleData), '');
  } catch (e) {
    showError(e, '');
  } finally {
    button.disabled = false;
  }
});

// Share link: the query goes into the fragment; the address bar then holds a link that reproduces it.
$('[data-wb-share]').addEventListener('click', async () => {
  const hash = await encodeQuery(editor.getText());
  history.replaceState(null, '', `#${hash}`);
  try {
    await navigator.clipboard.writeText(location.href);
    message(tr('sql.share_done'));
  } catch {
    message(tr('sql.share_shown'));
  }
});

// Saved queries and history
function fillSelect(sel: HTMLSelectElement, items: { value: string; label: string }[]): void {
  const first = document.createElement('option');
  first.value = '';
  first.textContent = '—';
  sel.replaceChildren(first, ...items.map((i) => {
    const o = document.createElement('option');
    o.value = i.value;
    o.textContent = i.label;
    return o;
  }));
}
function refreshSaved(list = listSaved(store)): void {
  fillSelect($<HTMLSelectElement>('[data-wb-saved]'), list.map((q) => ({ value: q.name, label: q.name })));
}
function refreshHistory(list = listHistory(store)): void {
  fillSelect($<HTMLSelectElement>('[data-wb-history]'), list.map((h, i) => ({ value: String(i), label: h.sql.replace(/\s+/g, ' ').slice(0, 80) })));
}
$('[data-wb-save]').addEventListener('click', () => {
  const name = $<HTMLInputElement>('[data-wb-save-name]').value.trim();
  if (!name) return message(tr('sql.name_needed'));
  refreshSaved(saveQuery(store, name, editor.getText()));
  $<HTMLSelectElement>('[data-wb-saved]').value = name;
  message(tr('sql.saved_ok', { name }));
});
$('[data-wb-saved]').addEventListener('change', (e) => {
  const q = listSaved(store).find((s) => s.name === (e.target as HTMLSelectElement).value);
  if (q) {
    editor.setText(q.sql);
    $<HTMLInputElement>('[data-wb-save-name]').value = q.name;
  }
});
$('[data-wb-saved-delete]').addEventListener('click', () => {
  const name = $<HTMLSelectElement>('[data-wb-saved]').value;
  if (name) refreshSaved(deleteSaved(store, name));
});
$('[data-wb-history]').addEventListener('change', (e) => {
  const h = listHistory(store)[Number((e.target as HTMLSelectElement).value)];
  if (h) editor.setText(h.sql);
});
refreshSaved();
refreshHistory();

// Local CSV, XLSX or Parquet: read in the browser (fileImport.ts) into a table of the in-memory catalog.
async function importLocalFile(file: File): Promise<void> {
  if (!ready || session.isRunning) return;
  $('[data-wb-error]').hidden = true;
  try {
    if (announcesReading(file.name)) message(tr('sql.importing', { name: file.name }));
    const { table, sheet } = await importFile(session, file);
    const rows = (await session.rowCount(table)).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
    await run(`SELECT *\nFROM "${table}"\nLIMIT 100`);
    message(
      sheet
        ? [tr('sql.imported_sheet', { sheet: sheet.name, table, rows }), ...(sheet.others.length ? [tr('sql.other_sheets', { sheets: sheet.others.join(lang === 'zh' ? '、' : ', ') })] : [])].join(' ')
        : tr('sql.imported', { table, rows }),
    );
  } catch (err) {
    message('');
    showError(err instanceof XlsxReadError ? err.in(lang) : err, '');
  } finally {
    root.dataset.imports = String(Number(root.dataset.imports ?? 0) + 1);
  }
}
$<HTMLInputElement>('[data-wb-import]').addEventListener('change', (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file) void importLocalFile(file);
});
root.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
root.addEventListener('drop', (e) => {
  const file = e.dataTransfer?.files?.[0];
  if (!file) return;
  e.preventDefault();
  void importLocalFile(file);
});

// Quick chart
function fillChartChoices(): void {
  if (!grid) return;
  const cols = grid.columns.map((c, i) => ({ value: String(i), label: c.name }));
  fillSelect($<HTMLSelectElement>('[data-wb-chart-x]'), cols);
  fillSelect($<HTMLSelectElement>('[data-wb-chart-y]'), cols);
  fillSelect($<HTMLSelectElement>('[data-wb-chart-colour]'), cols);
  $<HTMLSelectElement>('[data-wb-chart-colour]').options[0].textContent = tr('sql.chart_none');
  // A first guess: the first column across, the first numeric column after it up.
  const y = grid.kinds.findIndex((k, i) => i > 0 && k === 'number');
  $<HTMLSelectElement>('[data-wb-chart-x]').value = grid.columns.length ? '0' : '';
  $<HTMLSelectElement>('[data-wb-chart-y]').value = y > 0 ? String(y) : grid.columns.length > 1 ? '1' : '';
  $('[data-wb-chart-out]').replaceChildren();
  setChartDownloads(false);
}
function setChartDownloads(on: boolean): void {
  for (const sel of ['[data-wb-chart-svg]', '[data-wb-chart-png]']) $<HTMLButtonElement>(sel).disabled = !on;
}
$('[data-wb-chart-draw]').addEventListener('click', async () => {
  if (!grid) return;
  const x = Number($<HTMLSelectElement>('[data-wb-chart-x]').value || -1);
  const y = Number($<HTMLSelectElement>('[data-wb-chart-y]').value || -1);
  if (x < 0 || y < 0) return;
  const colourValue = $<HTMLSelectElement>('[data-wb-chart-colour]').value;
  const { drawChart, CHART_MAX_ROWS } = await import('./quickChart.ts');
  const out = $('[data-wb-chart-out]');
  const { svg, capped } = drawChart(grid, {
    x,
    y,
    colour: colourValue === '' ? -1 : Number(colourValue),
    mark: $<HTMLSelectElement>('[data-wb-chart-mark]').value as 'line' | 'bar' | 'dot',
  }, Math.max(320, out.clientWidth || 800), sampleData);
  out.replaceChildren(svg);
  $('[data-wb-chart-note]').textContent = capped ? tr('sql.chart_capped', { n: CHART_MAX_ROWS }) : '';
  setChartDownloads(true);
});
$('[data-wb-chart-svg]').addEventListener('click', async () => {
  const { svgText } = await import('./quickChart.ts');
  const el = $('[data-wb-chart-out]').firstElementChild;
  if (el) downloadText(stampedName('chart', 'svg'), svgText(el), 'image/svg+xml');
});
$('[data-wb-chart-png]').addEventListener('click', async () => {
  const el = $('[data-wb-chart-out]').firstElementChild;
  if (!el) return;
  const button = $<HTMLButtonElement>('[data-wb-chart-png]');
  button.disabled = true;
  try {
    const { pngBlob } = await import('./quickChart.ts');
    downloadText(stampedName('chart', 'png'), await pngBlob(el, 2), '');
  } catch (e) {
    showError(e, '');
  } finally {
    button.disabled = false;
  }
});

// Start: DuckDB, then the query from a share link (or the default), run once.
async function start(): Promise<void> {
  setStatus('loading', tr('sql.loading'));
  const shared = await decodeQuery(location.hash);
  if (shared !== null) editor.setText(shared);
  try {
    await sessionStarting;
  } catch (e) {
    setStatus('failed', tr('sql.load_failed', { message: e instanceof Error ? e.message : String(e) }));
    root.dataset.ready = 'failed';
    return;
  }
  ready = true;
  setRunning(false);
  setStatus('ready', tr('sql.ready', { n: root.dataset.tableCount ?? '' }));
  root.dataset.ready = 'true';
  await run();
}
void start();
