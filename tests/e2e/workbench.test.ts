// Browser tests of the SQL workbench (/sql/, /en/sql/) against the built site: DuckDB-Wasm loads from this origin
// only, the example questions give the same numbers as Node DuckDB on the same published database, and the
// editor, errors, paging, CSV export, share links, saved queries and the network refusal work. The server sends
// no CSP header: the page's own CSP meta is what is under test.
// Needs a built site (dist/, or WORKBENCH_DIST=dir) and /usr/bin/chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { CellValue } from 'exceljs';
import { createStaticServer, type StaticServer } from '../../pipelines/lib/staticServer.ts';
import { EXAMPLES } from '../../src/lib/workbench/examples.ts';
import { t } from '../../src/lib/i18n.ts';
import { SAMPLE_DATA_COLUMN, SAMPLE_DATA_LABEL } from '../../src/lib/workbench/sampleMarker.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(process.env.WORKBENCH_DIST ?? join(ROOT, 'dist'));
const WAREHOUSE = join(DIST, 'data', 'warehouse.duckdb');
const HAS_DATA = existsSync(WAREHOUSE);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
let server: StaticServer;
let origin: string;
let node: DuckDBConnection;
/** Every request that tried to leave the origin, from every page of every test. */
const foreign: string[] = [];

before(async () => {
  assert.ok(existsSync(join(DIST, 'sql', 'index.html')), `${DIST}/sql/ is missing: build the site first (npm run build)`);
  server = await createStaticServer({ root: DIST });
  origin = new URL(server.url).origin;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  if (HAS_DATA) {
    const inst = await DuckDBInstance.create(':memory:');
    node = await inst.connect();
    await node.run(`ATTACH '${WAREHOUSE.replace(/'/g, "''")}' AS warehouse (READ_ONLY)`);
    await node.run('USE warehouse');
  }
});

after(async () => {
  node?.closeSync();
  await browser?.close();
  await server?.close();
  assert.deepEqual(foreign, [], 'requests to other origins');
});

interface Watched {
  context: BrowserContext;
  page: Page;
  requests: string[];
  ranges: { url: string; method: string; range: string | undefined }[];
  errors: string[];
}

async function watchedContext(context?: BrowserContext): Promise<Watched> {
  const ctx = context ?? (await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true }));
  const requests: string[] = [];
  const ranges: Watched['ranges'] = [];
  const errors: string[] = [];
  if (!context) {
    await ctx.route('**/*', (route) => {
      const url = route.request().url();
      if (!url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin) {
        foreign.push(url);
        return route.abort();
      }
      return route.continue();
    });
  }
  const page = await ctx.newPage();
  page.on('request', (r) => {
    requests.push(r.url());
    ranges.push({ url: r.url(), method: r.method(), range: r.headers()['range'] });
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  // Console errors include CSP violations (an inline script or style the policy blocks, a refused connection).
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Not every violation reaches the console: a library that tries eval or new Function and catches the
  // EvalError leaves only this event (seen with Chromium here), so it is reported too.
  await page.exposeFunction('__cspViolation', (what: string) => errors.push(`CSP violation: ${what}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (s: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { context: ctx, page, requests, ranges, errors };
}

/** Opens the workbench and waits until DuckDB is up and the first query has run. */
async function openWorkbench(w: Watched, path = 'sql/'): Promise<number> {
  const t0 = Date.now();
  await w.page.goto(server.url + path);
  await w.page.waitForSelector('[data-workbench][data-ready="true"][data-runs]', { timeout: 60_000 });
  return Date.now() - t0;
}

async function runs(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-workbench]', 'data-runs'));
}

/** Does `action` (which starts a query) and waits for that query to finish. */
async function andWait(page: Page, action: () => Promise<unknown>): Promise<void> {
  const n = await runs(page);
  await action();
  await page.waitForFunction((k) => Number(document.querySelector<HTMLElement>('[data-workbench]')!.dataset.runs) > k, n, { timeout: 60_000 });
}

async function setSql(page: Page, sql: string): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText: no key events, so completion and bracket closing don't alter the text.
  await page.keyboard.insertText(sql);
}

async function runSql(page: Page, sql: string): Promise<void> {
  await setSql(page, sql);
  await andWait(page, () => page.keyboard.press('Control+Enter'));
}

async function editorText(page: Page): Promise<string> {
  return page.locator('.cm-content').evaluate((el) => Array.from(el.querySelectorAll('.cm-line'), (l) => l.textContent ?? '').join('\n'));
}

/** The first page of the result table: raw cell values per row. */
async function shownRows(page: Page): Promise<string[][]> {
  return page.locator('[data-wb-grid] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll<HTMLElement>('td:not(.rownum)'), (td) => td.dataset.raw ?? '')),
  );
}

function sameValue(shown: string, expected: unknown): boolean {
  if (expected === null || expected === undefined) return shown === '';
  const e = typeof expected === 'bigint' ? Number(expected) : expected;
  if (typeof e === 'number') {
    const s = Number(shown);
    return Math.abs(s - e) <= 1e-9 * Math.max(1, Math.abs(e));
  }
  return shown === String(e);
}

test('cold load to first result, and every example matches Node DuckDB on the same database', { skip: !HAS_DATA && 'no published data' }, async () => {
  const w = await watchedContext();
  const ms = await openWorkbench(w);
  console.log(`# workbench cold load to first result: ${ms} ms`);
  assert.ok(Number(await w.page.getAttribute('[data-wb-results]', 'data-rows')) > 0, 'default query shows rows');
  assert.equal(await w.page.getAttribute('[data-wb-status]', 'data-state'), 'ready');
  for (const ex of EXAMPLES) {
    await andWait(w.page, () => w.page.click(`[data-wb-example="${ex.id}"]`));
    assert.equal(await w.page.locator('[data-wb-error]').isHidden(), true, `${ex.id}: ${await w.page.locator('[data-wb-error-message]').textContent()}`);
    const reader = await node.runAndReadAll(ex.sql);
    const expected = reader.getRows();
    assert.ok(expected.length > 0, `${ex.id}: Node returns rows`);
    assert.equal(Number(await w.page.getAttribute('[data-wb-results]', 'data-rows')), expected.length, `${ex.id}: row count`);
    const shown = await shownRows(w.page);
    assert.equal(shown.length, Math.min(100, expected.length));
    shown.forEach((row, i) =>
      row.forEach((cell, j) => assert.ok(sameValue(cell, expected[i][j]), `${ex.id} row ${i} col ${reader.columnNames()[j]}: ${cell} ≠ ${expected[i][j]}`)),
    );
    assert.equal(await editorText(w.page), ex.sql, `${ex.id}: the editor shows the example`);
  }
  // Range reads: the database is read in pieces, never as one whole-file GET.
  const dbReads = w.ranges.filter((r) => r.url.endsWith('/data/warehouse.duckdb') && r.method === 'GET');
  assert.ok(dbReads.length > 0, 'the database is read');
  assert.deepEqual(dbReads.filter((r) => !/^bytes=\d+-\d+$/.test(r.range ?? '')), [], 'every read is a bounded range');
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('the English page loads too and shows English example titles', async () => {
  const w = await watchedContext();
  await openWorkbench(w, 'en/sql/');
  assert.equal(await w.page.getAttribute('html', 'lang'), 'en');
  assert.match(await w.page.locator('[data-wb-example]').first().innerText(), /[A-Za-z]/);
  assert.equal(await w.page.locator('nav.site-nav a[aria-current="page"]').innerText(), 'SQL');
  await w.context.close();
});

test('the editor completes table names from the catalog', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  await setSql(w.page, 'SELECT * FROM ');
  await w.page.keyboard.type('mart_trade_sh');
  const option = w.page.locator('.cm-tooltip-autocomplete li', { hasText: 'mart_trade_share' });
  await option.first().waitFor({ timeout: 5000 });
  // CodeMirror ignores Enter for its interactionDelay (75 ms) after the list opens, so that a key meant for the
  // text is not taken as a choice; pressed sooner, Enter would insert a line break.
  await w.page.waitForTimeout(150);
  await w.page.keyboard.press('Enter');
  assert.equal(await editorText(w.page), 'SELECT * FROM mart_trade_share');
  await w.context.close();
});

test('an SQL error shows DuckDB’s message and where it is', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  await runSql(w.page, 'SELECT year FROM mart_trade_share WHERE yeer > 2010');
  assert.equal(await w.page.locator('[data-wb-error]').isVisible(), true);
  assert.equal(await w.page.getAttribute('[data-wb-error]', 'data-kind'), 'sql');
  assert.match(await w.page.locator('[data-wb-error-message]').innerText(), /Binder Error.*yeer/s);
  assert.match(await w.page.locator('[data-wb-error-at]').innerText(), /1.*41/);
  await runSql(w.page, 'SELEC 1');
  assert.match(await w.page.locator('[data-wb-error-message]').innerText(), /Parser Error/);
  await w.context.close();
});

test('a 200,000-row result stays pageable and exports to CSV', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  await runSql(w.page, 'SELECT range AS n, range * 2 AS twice FROM range(200000)');
  assert.equal(await w.page.getAttribute('[data-wb-results]', 'data-rows'), '200000');
  assert.equal(await w.page.locator('[data-wb-grid] tbody tr').count(), 100, 'one page rendered, not 200,000 rows');
  const t0 = Date.now();
  await w.page.click('[data-wb-page="last"]');
  const last = await shownRows(w.page);
  assert.deepEqual(last.at(-1), ['199999', '399998']);
  await w.page.fill('[data-wb-page-input]', '1000');
  await w.page.dispatchEvent('[data-wb-page-input]', 'change');
  assert.deepEqual((await shownRows(w.page))[0], ['99900', '199800']);
  assert.ok(Date.now() - t0 < 3000, `paging took ${Date.now() - t0} ms`);
  const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click('[data-wb-export-csv]')]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFn,twice\r\n0,0\r\n1,2\r\n'));
  assert.equal(text.trimEnd().split('\r\n').length, 200_001);
  await w.context.close();
});

test('CSV export: BOM, Chinese text, quoting and formula-injection safety', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  await runSql(w.page, `SELECT '番禺' AS 地区, '=1+1' AS f, '-2' AS t, -2 AS n, 'a,"b"' AS q, NULL AS z, DATE '2024-03-01' AS d`);
  const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click('[data-wb-export-csv]')]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(bytes.toString('utf8'), '\uFEFF地区,f,t,n,q,z,d\r\n番禺,\'=1+1,\'-2,-2,"a,""b""",,2024-03-01\r\n');
  await w.context.close();
});

test('a share link reproduces the query in a new page', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  const sql = `SELECT year, share_of_nation\nFROM mart_trade_share\nWHERE group_id = 'diamonds' AND flow = 'total' -- 比重\nORDER BY year DESC`;
  await setSql(w.page, sql);
  await w.page.click('[data-wb-share]');
  await w.page.waitForFunction(() => location.hash.startsWith('#q='));
  const link = w.page.url();
  const p2 = await w.context.newPage();
  await p2.goto(link);
  await p2.waitForSelector('[data-workbench][data-ready="true"][data-runs]', { timeout: 60_000 });
  assert.equal(await editorText(p2), sql);
  assert.equal(await p2.locator('[data-wb-error]').isHidden(), true);
  await w.context.close();
});

test('a saved query survives a reload, and history records runs', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  const sql = 'SELECT count(*) AS firms FROM mart_enterprises';
  await runSql(w.page, sql);
  await w.page.fill('[data-wb-save-name]', '企业数');
  await w.page.click('[data-wb-save]');
  await w.page.reload();
  await w.page.waitForSelector('[data-workbench][data-ready="true"][data-runs]', { timeout: 60_000 });
  await w.page.selectOption('[data-wb-saved]', '企业数');
  assert.equal(await editorText(w.page), sql);
  const history = await w.page.locator('[data-wb-history] option').allTextContents();
  assert.ok(history.includes(sql), 'history has the run');
  await w.context.close();
});

test('SQL cannot reach another host', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  const before = foreign.length;
  await runSql(w.page, `SELECT * FROM read_csv('http://127.0.0.2:9/x.csv')`);
  assert.equal(await w.page.locator('[data-wb-error]').isVisible(), true, 'the query fails');
  assert.equal(await w.page.getAttribute('[data-wb-error]', 'data-kind'), 'network', await w.page.locator('[data-wb-error-message]').innerText());
  assert.equal(foreign.length, before, 'no request left the origin');
  assert.ok(!w.requests.some((u) => u.includes('127.0.0.2')));
  // The workbench still works afterwards.
  await runSql(w.page, 'SELECT 42 AS answer');
  assert.deepEqual(await shownRows(w.page), [['42']]);
  await w.context.close();
});

test('INSTALL or LOAD of an extension is refused: extensions are disabled in this workbench', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  for (const sql of ['INSTALL httpfs', 'SELECT 1;\nLOAD spatial']) {
    await runSql(w.page, sql);
    assert.equal(await w.page.locator('[data-wb-error]').isVisible(), true, `${sql}: refused`);
    assert.equal(await w.page.getAttribute('[data-wb-error]', 'data-kind'), 'extensions_disabled', await w.page.locator('[data-wb-error-message]').innerText());
    assert.match(await w.page.locator('[data-wb-error-kind]').innerText(), /已禁用 DuckDB 扩展/);
  }
  assert.equal(await w.page.locator('[data-wb-error-message]').innerText(), 'LOAD spatial');
  await runSql(w.page, 'SELECT 42 AS answer');
  assert.deepEqual(await shownRows(w.page), [['42']]);
  await w.context.close();
});

test('the overview page fetches no wasm and no DuckDB worker', async () => {
  const w = await watchedContext();
  await w.page.goto(server.url);
  await w.page.waitForLoadState('networkidle');
  const heavy = w.requests.filter((u) => /\.wasm$|duckdb|worker/i.test(u));
  assert.deepEqual(heavy, []);
  await w.context.close();
});

test('a local CSV file is imported as a table and queried', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  await andWait(w.page, () =>
    w.page.setInputFiles('[data-wb-import]', { name: '出口 2024.csv', mimeType: 'text/csv', buffer: Buffer.from('partner,value_usd\n比利时,10.5\nIndia,-3\n', 'utf8') }),
  );
  assert.deepEqual(await shownRows(w.page), [['比利时', '10.5'], ['India', '-3']]);
  await runSql(w.page, 'SELECT sum(value_usd) AS total FROM "出口_2024"');
  assert.deepEqual(await shownRows(w.page), [['7.5']]);
  await w.context.close();
});

/** Drops files on the workbench the way a reader's file manager does: a DataTransfer on a drop event. */
async function dropFile(page: Page, name: string, bytes: Buffer, type = 'application/vnd.apache.parquet'): Promise<void> {
  await page.evaluate(
    ([fileName, b64, mime]) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], fileName, { type: mime }));
      const target = document.querySelector('[data-workbench]')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [name, bytes.toString('base64'), type] as const,
  );
}

test('a dropped Parquet file (a published table) is queried and joined with the published tables', { skip: !HAS_DATA && 'no published data' }, async () => {
  const parquet = join(DIST, 'data', 'tables', 'mart_trade_share.parquet');
  const published = JSON.parse(readFileSync(join(DIST, 'data', 'tables', 'mart_trade_share.json'), 'utf8')) as { columns: string[]; rows: unknown[][] };
  const col = (name: string) => published.columns.indexOf(name);
  const w = await watchedContext();
  await openWorkbench(w);
  await andWait(w.page, () => dropFile(w.page, 'mart_trade_share.parquet', readFileSync(parquet)));
  assert.equal(await w.page.locator('[data-wb-error]').isHidden(), true, (await w.page.locator('[data-wb-error-message]').textContent()) ?? '');
  // The published table keeps its name; the import gets another one, shown to the reader.
  const table = 'mart_trade_share_import';
  const note = (await w.page.locator('[data-wb-message]').textContent()) ?? '';
  assert.ok(note.includes(table) && note.includes(published.rows.length.toLocaleString('zh-CN')), note);
  assert.match(await editorText(w.page), new RegExp(`FROM "${table}"`));

  await runSql(w.page, `SELECT count(*) AS n, count(DISTINCT year) AS years FROM ${table}`);
  assert.deepEqual(await shownRows(w.page), [[String(published.rows.length), String(new Set(published.rows.map((r) => r[col('year')])).size)]]);

  // Every column of one series, as the published JSON has it.
  const series = published.rows
    .filter((r) => r[col('group_id')] === 'diamonds' && r[col('flow')] === 'total')
    .sort((a, b) => Number(a[col('year')]) - Number(b[col('year')]));
  assert.ok(series.length > 1);
  await runSql(w.page, `SELECT ${published.columns.map((c) => `"${c}"`).join(', ')} FROM ${table} WHERE group_id = 'diamonds' AND flow = 'total' ORDER BY year`);
  const shown = await shownRows(w.page);
  assert.equal(shown.length, series.length);
  shown.forEach((row, i) => row.forEach((cell, j) => assert.ok(sameValue(cell, series[i][j]), `row ${i} ${published.columns[j]}: ${cell} ≠ ${series[i][j]}`)));

  // Joined with the published table on its key, every row finds its twin with the same figures.
  await runSql(
    w.page,
    `SELECT count(*) AS matched FROM ${table} AS mine JOIN mart_trade_share AS pub USING (year, group_id, flow)
     WHERE mine.share_of_nation IS NOT DISTINCT FROM pub.share_of_nation AND mine.district_value_usd IS NOT DISTINCT FROM pub.district_value_usd`,
  );
  assert.deepEqual(await shownRows(w.page), [[String(published.rows.length)]]);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('a dropped local CSV (an economist’s own figures) joins with a mart', { skip: !HAS_DATA && 'no published data' }, async () => {
  const published = JSON.parse(readFileSync(join(DIST, 'data', 'tables', 'mart_trade_share.json'), 'utf8')) as { columns: string[]; rows: unknown[][] };
  const col = (name: string) => published.columns.indexOf(name);
  const series = published.rows
    .filter((r) => r[col('group_id')] === 'diamonds' && r[col('flow')] === 'total' && r[col('district_value_usd')] != null)
    .sort((a, b) => Number(a[col('year')]) - Number(b[col('year')]));
  assert.ok(series.length > 2);
  // Two of the mart's years plus one it does not have: the join keeps the two.
  const mine = [series[0], series[series.length - 1]].map((r) => ({ year: Number(r[col('year')]), target: 1000 }));
  const csv = ['年份,目标', ...mine.map((m) => `${m.year},${m.target}`), '1899,5'].join('\n') + '\n';
  const w = await watchedContext();
  await openWorkbench(w);
  await andWait(w.page, () => dropFile(w.page, '我的目标.csv', Buffer.from(csv, 'utf8'), 'text/csv'));
  assert.equal(await w.page.locator('[data-wb-error]').isHidden(), true, (await w.page.locator('[data-wb-error-message]').textContent()) ?? '');
  await runSql(
    w.page,
    `SELECT m."年份", s.district_value_usd FROM "我的目标" AS m JOIN mart_trade_share AS s ON s.year = m."年份"
     WHERE s.group_id = 'diamonds' AND s.flow = 'total' ORDER BY m."年份"`,
  );
  const expected = mine.map((m) => {
    const row = series.find((r) => Number(r[col('year')]) === m.year)!;
    return [String(m.year), row[col('district_value_usd')]];
  });
  const shown = await shownRows(w.page);
  assert.equal(shown.length, 2, JSON.stringify(shown));
  shown.forEach((row, i) => {
    assert.equal(row[0], expected[i][0]);
    assert.ok(sameValue(row[1], expected[i][1]), `${row[1]} ≠ ${expected[i][1]}`);
  });
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('a damaged Parquet file gets a clear error, and the workbench keeps working', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  const imports = Number((await w.page.getAttribute('[data-workbench]', 'data-imports')) ?? 0);
  await w.page.setInputFiles('[data-wb-import]', { name: 'broken.parquet', mimeType: 'application/octet-stream', buffer: Buffer.from('PAR1 this is not really a parquet file PAR1') });
  await w.page.waitForFunction((k) => Number(document.querySelector<HTMLElement>('[data-workbench]')!.dataset.imports ?? 0) > k, imports);
  assert.equal(await w.page.locator('[data-wb-error]').isHidden(), false);
  assert.equal(await w.page.getAttribute('[data-wb-error]', 'data-kind'), 'file');
  assert.equal(await w.page.locator('[data-wb-error-kind]').textContent(), t('zh', 'sql.err_file'));
  assert.match((await w.page.locator('[data-wb-error-message]').textContent()) ?? '', /^broken\.parquet: .*parquet/i);
  await runSql(w.page, 'SELECT 42 AS answer');
  assert.deepEqual(await shownRows(w.page), [['42']]);
  await w.context.close();
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Waits until the page has finished with one more imported file, whether it worked or not. */
async function afterImport(page: Page, action: () => Promise<unknown>): Promise<void> {
  const n = Number((await page.getAttribute('[data-workbench]', 'data-imports')) ?? 0);
  await action();
  await page.waitForFunction((k) => Number(document.querySelector<HTMLElement>('[data-workbench]')!.dataset.imports ?? 0) > k, n, { timeout: 60_000 });
}

/**
 * A workbook as an economist would bring one: a first sheet with a blank first row, a Chinese header, the rows of
 * a published table (some renamed columns, a date column, blanks where the table has nulls), and a notes sheet.
 */
async function tradeShareWorkbook(published: { columns: string[]; rows: unknown[][] }): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const col = (name: string) => published.columns.indexOf(name);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('贸易份额');
  wb.addWorksheet('说明').getCell('A1').value = '来源：番禺区示例数据';
  ws.getRow(2).values = ['年份', '产品组', 'flow', '区贸易额（美元）', '占全国比重', '截至日期'];
  published.rows.forEach((r, i) => {
    const year = Number(r[col('year')]);
    ws.getRow(i + 3).values = [year, r[col('group_id')], r[col('flow')], r[col('district_value_usd')], r[col('share_of_nation')], new Date(Date.UTC(year, 11, 31))].map((v) => v ?? null) as CellValue[];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('a dropped XLSX workbook is typed, queried and joined with the published tables', { skip: !HAS_DATA && 'no published data' }, async () => {
  const published = JSON.parse(readFileSync(join(DIST, 'data', 'tables', 'mart_trade_share.json'), 'utf8')) as { columns: string[]; rows: unknown[][] };
  const col = (name: string) => published.columns.indexOf(name);
  const w = await watchedContext();
  await openWorkbench(w);
  await andWait(w.page, async () => dropFile(w.page, 'mart_trade_share.xlsx', await tradeShareWorkbook(published), XLSX_TYPE));
  assert.equal(await w.page.locator('[data-wb-error]').isHidden(), true, (await w.page.locator('[data-wb-error-message]').textContent()) ?? '');
  const table = 'mart_trade_share_import';
  const note = (await w.page.locator('[data-wb-message]').textContent()) ?? '';
  assert.ok(note.startsWith(t('zh', 'sql.imported_sheet', { sheet: '贸易份额', table, rows: published.rows.length.toLocaleString('zh-CN') })), note);
  assert.ok(note.includes(t('zh', 'sql.other_sheets', { sheets: '说明' })), note);
  assert.match(await editorText(w.page), new RegExp(`FROM "${table}"`));
  assert.ok(w.requests.some((u) => /exceljs.*\.js$/.test(u)), 'exceljs came from this site');

  await runSql(w.page, `SELECT column_name, column_type FROM (DESCRIBE ${table})`);
  assert.deepEqual(await shownRows(w.page), [
    ['年份', 'DOUBLE'], ['产品组', 'VARCHAR'], ['flow', 'VARCHAR'], ['区贸易额（美元）', 'DOUBLE'], ['占全国比重', 'DOUBLE'], ['截至日期', 'DATE'],
  ]);

  const sum = (name: string) => published.rows.reduce((s, r) => s + Number(r[col(name)] ?? 0), 0);
  await runSql(w.page, `SELECT count(*) AS n, count(DISTINCT 年份) AS years, sum("区贸易额（美元）") AS district FROM ${table}`);
  const [[n, years, district]] = await shownRows(w.page);
  assert.equal(n, String(published.rows.length));
  assert.equal(years, String(new Set(published.rows.map((r) => r[col('year')])).size));
  assert.ok(sameValue(district, sum('district_value_usd')), `${district} ≠ ${sum('district_value_usd')}`);

  const series = published.rows
    .filter((r) => r[col('group_id')] === 'diamonds' && r[col('flow')] === 'total')
    .sort((a, b) => Number(a[col('year')]) - Number(b[col('year')]));
  assert.ok(series.length > 1);
  await runSql(w.page, `SELECT 年份, 占全国比重, 截至日期::VARCHAR AS day FROM ${table} WHERE 产品组 = 'diamonds' AND flow = 'total' ORDER BY 年份`);
  const shown = await shownRows(w.page);
  assert.equal(shown.length, series.length);
  shown.forEach(([year, share, day], i) => {
    assert.ok(sameValue(year, series[i][col('year')]), `row ${i}: ${year}`);
    assert.ok(sameValue(share, series[i][col('share_of_nation')]), `row ${i}: ${share} ≠ ${series[i][col('share_of_nation')]}`);
    assert.equal(day, `${series[i][col('year')]}-12-31`);
  });

  // Joined with the published table on its key, every row finds its twin with the same figures.
  await runSql(
    w.page,
    `SELECT count(*) AS matched FROM ${table} AS mine JOIN mart_trade_share AS pub ON pub.year = mine.年份 AND pub.group_id = mine.产品组 AND pub.flow = mine.flow
     WHERE mine.占全国比重 IS NOT DISTINCT FROM pub.share_of_nation AND mine."区贸易额（美元）" IS NOT DISTINCT FROM pub.district_value_usd AND year(mine.截至日期) = pub.year`,
  );
  assert.deepEqual(await shownRows(w.page), [[String(published.rows.length)]]);
  // No CSP violation (exceljs reading with eval would be one) and no script error.
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('a damaged XLSX and an old .xls get a clear error naming the file, and the workbench keeps working', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('data').addRows([['a', 'b'], ...Array.from({ length: 200 }, (_, i) => [i, `row ${i}`])]);
  const good = Buffer.from(await wb.xlsx.writeBuffer());
  const ole2 = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole2);
  const w = await watchedContext();
  await openWorkbench(w);
  const cases: [string, Buffer, string][] = [
    ['broken.xlsx', good.subarray(0, Math.floor(good.length / 2)), t('zh', 'sql.xlsx_damaged')],
    ['旧报表.xls', ole2, t('zh', 'sql.xlsx_legacy')],
  ];
  for (const [name, bytes, explanation] of cases) {
    await afterImport(w.page, () => w.page.setInputFiles('[data-wb-import]', { name, mimeType: XLSX_TYPE, buffer: bytes }));
    assert.equal(await w.page.locator('[data-wb-error]').isHidden(), false, name);
    assert.equal(await w.page.getAttribute('[data-wb-error]', 'data-kind'), 'file', name);
    assert.equal(await w.page.locator('[data-wb-error-kind]').textContent(), t('zh', 'sql.err_file'));
    const text = (await w.page.locator('[data-wb-error-message]').textContent()) ?? '';
    assert.ok(text.startsWith(`${name}: ${explanation}`), text);
  }
  // A good workbook still imports after the failures, and queries run.
  await andWait(w.page, () => w.page.setInputFiles('[data-wb-import]', { name: 'good.xlsx', mimeType: XLSX_TYPE, buffer: good }));
  assert.equal(await w.page.locator('[data-wb-error]').isHidden(), true);
  await runSql(w.page, 'SELECT count(*) AS n, sum(a) AS total FROM good');
  assert.deepEqual(await shownRows(w.page), [['200', String((199 * 200) / 2)]]);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

/** Clicks a download button and returns the file it saved. */
async function downloaded(page: Page, selector: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(selector)]);
  return readFileSync(await download.path());
}

/** The root <svg>'s width and height attributes. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\bwidth="([\d.]+)"/.exec(root)?.[1]), height: Number(/\bheight="([\d.]+)"/.exec(root)?.[1]) };
}

/** A PNG's size from its IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Published tables by whether the catalog calls them synthetic: the tests choose tables from it, not by name. */
const CATALOG = JSON.parse(readFileSync(join(DIST, 'data', 'catalog.json'), 'utf8')) as { tables: { name: string; synthetic: boolean; rows: number }[] };
const isSynthetic = (name: string) => CATALOG.tables.find((c) => c.name === name)?.synthetic;

async function drawChart(page: Page, opts: { mark: 'line' | 'bar' | 'dot'; x?: string; y?: string; colour?: string }): Promise<void> {
  if (!(await page.locator('[data-wb-chart]').evaluate((d) => (d as HTMLDetailsElement).open))) await page.click('[data-wb-chart] summary');
  await page.selectOption('[data-wb-chart-mark]', opts.mark);
  if (opts.x) await page.selectOption('[data-wb-chart-x]', { label: opts.x });
  if (opts.y) await page.selectOption('[data-wb-chart-y]', { label: opts.y });
  if (opts.colour) await page.selectOption('[data-wb-chart-colour]', { label: opts.colour });
  await page.click('[data-wb-chart-draw]');
  await page.waitForSelector('[data-wb-chart-out] svg');
  await page.waitForSelector('[data-wb-chart-png]:not([disabled])');
}

test('the quick chart over a sample-data table downloads as SVG and 2× PNG, both marked 示例数据', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  const example = EXAMPLES.find((e) => e.id === 'births-closures')!;
  const table = /FROM\s+(\w+)/.exec(example.sql)![1];
  assert.equal(isSynthetic(table), true, `${table} is synthetic in the catalog`);
  assert.equal(await w.page.locator('[data-wb-chart-png]').isDisabled(), true, 'PNG waits for a chart');
  await andWait(w.page, () => w.page.click(`[data-wb-example="${example.id}"]`));
  await drawChart(w.page, { mark: 'bar' });
  assert.ok((await w.page.locator('[data-wb-chart-out] svg rect').count()) >= 10, 'one bar per year');
  const xTicks = await w.page.locator('[data-wb-chart-out] svg [aria-label="x-axis tick label"] text').allTextContents();
  assert.ok(xTicks.length > 0 && xTicks.every((t) => /^\d{4}$/.test(t)), `years without separators: ${xTicks.join(' ')}`);
  const marker = w.page.locator('[data-wb-chart-out] svg text.wb-sample-marker');
  assert.equal(await marker.textContent(), SAMPLE_DATA_LABEL, 'marked on the page');
  // Wholly inside the chart: Plot centres text by default, which would push half the marker off the left edge.
  const [box, chart] = await Promise.all([marker.boundingBox(), w.page.locator('[data-wb-chart-out] > svg').boundingBox()]);
  assert.ok(box && chart && box.x >= chart.x && box.x + box.width <= chart.x + chart.width && box.y + box.height <= chart.y + chart.height + 1, JSON.stringify({ box, chart }));
  const svg = (await downloaded(w.page, '[data-wb-chart-svg]')).toString('utf8');
  assert.match(svg, /^<\?xml[^]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svg.includes(`>${SAMPLE_DATA_LABEL}</text>`), 'the SVG carries the marker as text');
  assert.match(svg, /<svg[^>]*style="[^"]*font-family:[^"]*Noto Sans CJK SC/, 'a CJK system font stack, not "inherit"');
  const png = await downloaded(w.page, '[data-wb-chart-png]');
  const size = svgSize(svg);
  assert.ok(size.width > 100 && size.height > 100, JSON.stringify(size));
  assert.deepEqual(pngSize(png), { width: size.width * 2, height: size.height * 2 });
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('with a colour column the chart download is the chart, not a legend swatch', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  assert.equal(isSynthetic('mart_trade_share'), true);
  await runSql(w.page, `SELECT year, flow, district_value_usd FROM mart_trade_share WHERE group_id = 'diamonds' ORDER BY year, flow`);
  const rows = Number(await w.page.getAttribute('[data-wb-results]', 'data-rows'));
  const flows = new Set((await shownRows(w.page)).map((r) => r[1]));
  assert.ok(rows >= 10 && flows.size > 1, 'several flows to colour by');
  await drawChart(w.page, { mark: 'dot', x: 'year', y: 'district_value_usd', colour: 'flow' });
  assert.ok((await w.page.locator('[data-wb-chart-out] figure svg').count()) > 1, 'Plot drew swatch svgs beside the chart');
  const svg = (await downloaded(w.page, '[data-wb-chart-svg]')).toString('utf8');
  assert.ok((svg.match(/<circle/g) ?? []).length >= 10, 'the dots are in the file');
  assert.ok(svgSize(svg).width > 100, 'the chart’s size, not a swatch’s');
  // The legend, HTML on the page, is drawn into the file: one label per flow.
  const legend = /<g class="wb-legend"[^]*?<\/g>/.exec(svg)?.[0] ?? '';
  for (const flow of flows) assert.ok(legend.includes(`>${flow}</text>`), `legend names ${flow}`);
  assert.ok(svg.includes(SAMPLE_DATA_LABEL));
  const png = await downloaded(w.page, '[data-wb-chart-png]');
  assert.deepEqual(pngSize(png), { width: svgSize(svg).width * 2, height: svgSize(svg).height * 2 });
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('a result that reads no sample-data table carries no marker in the chart or the exports', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  const real = CATALOG.tables.find((c) => !c.synthetic && c.rows > 0)!;
  for (const sql of ['SELECT 1 AS x, 2 AS y', `SELECT count(*) AS x, count(*) AS y FROM ${real.name}`]) {
    await runSql(w.page, sql);
    assert.equal(await w.page.locator('[data-wb-error]').isHidden(), true, sql);
    assert.equal(await w.page.getAttribute('[data-wb-results]', 'data-sample-data'), 'false', sql);
    await drawChart(w.page, { mark: 'dot' });
    assert.equal(await w.page.locator('[data-wb-chart-out] .wb-sample-marker').count(), 0, sql);
    const svg = (await downloaded(w.page, '[data-wb-chart-svg]')).toString('utf8');
    assert.ok(svg.includes('<svg') && !svg.includes(t('zh', 'ind.synthetic_badge')), sql);
    const csv = (await downloaded(w.page, '[data-wb-export-csv]')).toString('utf8');
    assert.equal(csv.split('\r\n')[0], '\uFEFFx,y', sql);
  }
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('CSV and XLSX exports of a sample-data query have the 示例数据 column, true on every row', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  assert.equal(isSynthetic('mart_trade_share'), true);
  await runSql(w.page, `SELECT s.year, s.flow, h.hscode FROM mart_trade_share AS s, (SELECT hscode FROM ref_hs LIMIT 1) AS h WHERE s.group_id = 'diamonds'`);
  const rows = Number(await w.page.getAttribute('[data-wb-results]', 'data-rows'));
  assert.ok(rows > 0);
  const lines = (await downloaded(w.page, '[data-wb-export-csv]')).toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.deepEqual(lines[0].split(','), ['year', 'flow', 'hscode', SAMPLE_DATA_COLUMN]);
  assert.equal(lines.length, rows + 1);
  assert.deepEqual(lines.slice(1).filter((l) => !l.endsWith(',true')), []);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const xlsx = await downloaded(w.page, '[data-wb-export-xlsx]');
  await wb.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['year', 'flow', 'hscode', SAMPLE_DATA_COLUMN]);
  assert.equal(ws.rowCount, rows + 1);
  for (let r = 2; r <= ws.rowCount; r++) assert.equal(ws.getRow(r).getCell(4).value, true, `row ${r}`);
  // A table the reader makes from sample data stays sample data.
  await runSql(w.page, `CREATE TABLE mine AS SELECT year, flow FROM mart_trade_share`);
  await runSql(w.page, `SELECT * FROM mine LIMIT 3`);
  assert.equal(await w.page.locator('[data-wb-error]').isHidden(), true);
  assert.equal(await w.page.getAttribute('[data-wb-results]', 'data-sample-data'), 'true', 'derived table');
  const derived = (await downloaded(w.page, '[data-wb-export-csv]')).toString('utf8');
  assert.equal(derived.split('\r\n')[0], `\uFEFFyear,flow,${SAMPLE_DATA_COLUMN}`);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('a long query can be stopped, and the workbench keeps working', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  await setSql(w.page, 'SELECT count(*) FROM range(100000000000) a');
  const n = await runs(w.page);
  await w.page.keyboard.press('Control+Enter');
  await w.page.waitForSelector('[data-wb-cancel]:not([hidden])');
  await w.page.waitForTimeout(500);
  const t0 = Date.now();
  await w.page.click('[data-wb-cancel]');
  await w.page.waitForFunction((k) => Number(document.querySelector<HTMLElement>('[data-workbench]')!.dataset.runs) > k, n, { timeout: 20_000 });
  console.log(`# stop took ${Date.now() - t0} ms`);
  assert.equal(await w.page.getAttribute('[data-wb-error]', 'data-kind'), 'cancelled');
  await w.page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-wb-run]')!.disabled, null, { timeout: 20_000 });
  await runSql(w.page, 'SELECT count(*) AS n FROM mart_trade_share');
  assert.equal((await shownRows(w.page))[0].length, 1);
  assert.equal(await w.page.locator('[data-wb-error]').isHidden(), true);
  await w.context.close();
});

test('no serious or critical axe violations on the workbench, with a result shown', async () => {
  const axePath = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
  if (!existsSync(axePath)) return;
  // axe is injected as an inline script, which the page's CSP would block: only this context bypasses it.
  const context = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block' });
  await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin || route.request().url().startsWith('blob:') ? route.continue() : (foreign.push(route.request().url()), route.abort())));
  const w = await watchedContext(context);
  const problems: string[] = [];
  for (const path of ['sql/', 'en/sql/']) {
    await openWorkbench(w, path);
    await w.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await w.page.addScriptTag({ content: readFileSync(axePath, 'utf8') });
    const violations = (await w.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })).violations;
    })) as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      problems.push(`/${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// A sub-path build (BASE=/dash/ astro build --outDir DIR) is slow to make, so it is checked when one is given.
// A build under a sub-path: the one scripts/run-tests.mjs makes for every sub-path test (SUB_DIST, SUB_BASE), or
// one given by hand (WORKBENCH_SUB_DIST, WORKBENCH_SUB_BASE).
const SUB_DIST = process.env.WORKBENCH_SUB_DIST ?? process.env.SUB_DIST;
const SUB_BASE = process.env.WORKBENCH_SUB_BASE ?? process.env.SUB_BASE ?? '/dash/';
test('under a sub-path the workbench loads its wasm and database from the sub-path', { skip: !SUB_DIST && 'needs a sub-path build: run through npm test, or set WORKBENCH_SUB_DIST (and WORKBENCH_SUB_BASE, default /dash/)' }, async () => {
  const sub = await createStaticServer({ root: resolve(SUB_DIST!), base: SUB_BASE });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(sub.url + 'sql/');
    await page.waitForSelector('[data-workbench][data-ready="true"][data-runs]', { timeout: 60_000 });
    assert.ok(Number(await page.getAttribute('[data-wb-results]', 'data-rows')) > 0);
    // The Parquet decoder is a chunk loaded on demand: it too must come from the sub-path.
    await andWait(page, () => page.setInputFiles('[data-wb-import]', join(resolve(SUB_DIST!), 'data', 'tables', 'mart_trade_share.parquet')));
    assert.equal(await page.locator('[data-wb-error]').isHidden(), true, (await page.locator('[data-wb-error-message]').textContent()) ?? '');
    assert.ok(urls.some((u) => /parquetToArrow.*\.js$/.test(u)), 'the decoder chunk was loaded');
    // So are the XLSX reader and exceljs.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').addRows([['年份', '值'], [2024, 1.5]]);
    await andWait(page, async () => page.setInputFiles('[data-wb-import]', { name: '子路径.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(await wb.xlsx.writeBuffer()) }));
    assert.equal(await page.locator('[data-wb-error]').isHidden(), true, (await page.locator('[data-wb-error-message]').textContent()) ?? '');
    assert.deepEqual(await shownRows(page), [['2024', '1.5']]);
    assert.ok(urls.some((u) => /xlsxToArrow.*\.js$/.test(u)) && urls.some((u) => /exceljs.*\.js$/.test(u)), 'the XLSX chunks were loaded');
    const prefix = new URL(sub.url).pathname;
    assert.deepEqual(urls.filter((u) => u.startsWith('http') && !new URL(u).pathname.startsWith(prefix)), []);
    await context.close();
  } finally {
    await sub.close();
  }
});

test('XLSX export keeps numbers as numbers and text as text', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  await runSql(w.page, `SELECT '番禺' AS 地区, '=1+1' AS f, -2.5 AS n, NULL AS z FROM range(3)`);
  const [download] = await Promise.all([w.page.waitForEvent('download', { timeout: 60_000 }), w.page.click('[data-wb-export-xlsx]')]);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0];
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['地区', 'f', 'n', 'z']);
  assert.deepEqual((ws.getRow(2).values as unknown[]).slice(1, 4), ['番禺', '=1+1', -2.5]);
  assert.equal(ws.getRow(2).getCell(2).type, ExcelJS.ValueType.String);
  assert.equal(ws.rowCount, 4);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('running out of memory is explained, and the next query works', async () => {
  const w = await watchedContext();
  await openWorkbench(w);
  await runSql(w.page, `SELECT list(repeat('x', 100000)) FROM range(60000)`);
  assert.equal(await w.page.getAttribute('[data-wb-error]', 'data-kind'), 'memory', await w.page.locator('[data-wb-error-message]').innerText());
  assert.match(await w.page.locator('[data-wb-error-kind]').innerText(), /内存/);
  await runSql(w.page, 'SELECT 1 AS after');
  assert.deepEqual(await shownRows(w.page), [['1']]);
  await w.context.close();
});
