// SQL workbench benchmark: what the in-browser workbench (/sql/) costs against DuckDB-Wasm on its own, measured in
// headless Chromium against the built site (dist/) on a local server, all in one run:
//  1. cold time to first result of a fixed query on the workbench page ÷ the same on a bare page that only
//     instantiates DuckDB-Wasm (the same hashed eh wasm and worker from dist/_astro, same origin), attaches
//     data/warehouse.duckdb read-only over HTTP range reads and runs the query. Median of 3 cold runs each,
//     interleaved, each in a fresh browser context with the cache disabled. The workbench gets the query through its
//     own share link (#q=…), so its first result is the fixed query and nothing else runs before it.
//  2. a warm GROUP BY over a 10M-row trade-like table created in the workbench (run once, then median of 3; the
//     page's own timing from its result summary, and the wall time around the run for context).
//  3. bytes read from warehouse.duckdb for a one-year filtered query after a cold load that runs only that query,
//     ÷ the file's size.
//  4. bytes the workbench transfers before its first result. Counted on the server (every response's
//     Content-Length); the test server sends files uncompressed, so these are raw bytes, with a gzip estimate of the
//     wasm for context.
// The bare page is bundled at run time into dist/.bench-bare/ and deleted afterwards.
//   npx tsx bench/workbench.ts            (uses dist/; build first with npm run build)
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createStaticServer } from '../pipelines/lib/staticServer.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BARE_DIR = '.bench-bare';
const COLD_RUNS = 3;
const TIMEOUT = 120_000;

export const FIRST_SQL = `SELECT year, share_of_nation FROM mart_trade_share WHERE group_id = 'diamonds' AND flow = 'total' ORDER BY year`;
export const YEAR_SQL = `SELECT * FROM mart_trade_monthly WHERE year = 2020`;
export const BIG_SQL = `CREATE TABLE big AS SELECT (range % 192) AS period, (range % 7) AS hs, (range % 120) AS partner, random() * 1000 AS value_usd FROM range(10000000)`;
export const AGG_SQL = `SELECT period, hs, sum(value_usd) FROM big GROUP BY ALL`;

export interface WorkbenchBench {
  /** Cold navigation → first result of FIRST_SQL, ms, one per run. */
  workbenchColdMs: number[];
  bareColdMs: number[];
  workbenchColdMedianMs: number;
  bareColdMedianMs: number;
  coldRatio: number;
  firstResultRows: { workbench: number; bare: number };
  /** Warm aggregate over 10M rows: the page's own timing and the wall time around the run. */
  bigCreateMs: number | null;
  aggFirstMs: number | null;
  aggPageMs: number[];
  aggWallMs: number[];
  aggPageMedianMs: number | null;
  aggWallMedianMs: number | null;
  aggRows: number | null;
  aggError: string | null;
  /** warehouse.duckdb bytes read for YEAR_SQL after a cold load. */
  yearQueryDbBytes: number;
  yearQueryDbRequests: number;
  yearQueryRows: number;
  warehouseBytes: number;
  yearQueryRatio: number;
  /** Bytes served before the workbench's first result (cold run 1), by kind. */
  beforeFirst: { requests: number; totalBytes: number; wasmBytes: number; workerBytes: number; otherJsBytes: number; dbBytes: number; otherBytes: number };
  /** Content-Encoding values seen on responses (none: the test server does not compress). */
  contentEncodings: string[];
  wasmFile: string;
  wasmRawBytes: number;
  wasmGzipBytes: number;
  workerGzipBytes: number;
  chromium: string;
}

interface Served {
  path: string;
  method: string;
  status: number;
  bytes: number;
  encoding: string | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The workbench's share-link fragment for `sql` (same encoding as src/lib/workbench/shareLink.ts). */
function shareHash(sql: string): string {
  return 'q=' + deflateRawSync(Buffer.from(sql, 'utf8')).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function ehFiles(dist: string): { wasm: string; worker: string } {
  const files = readdirSync(join(dist, '_astro'));
  const wasm = files.find((f) => /^duckdb-eh\..*\.wasm$/.test(f));
  const worker = files.find((f) => /^duckdb-browser-eh\.worker\..*\.js$/.test(f));
  if (!wasm || !worker) throw new Error(`no duckdb eh wasm/worker in ${dist}/_astro`);
  return { wasm, worker };
}

/** Writes dist/.bench-bare/: a page that only instantiates DuckDB-Wasm, attaches the warehouse and runs ?q=. */
async function writeBarePage(dist: string, files: { wasm: string; worker: string }): Promise<void> {
  const dir = join(dist, BARE_DIR);
  mkdirSync(dir, { recursive: true });
  const entry = `
import * as duckdb from '@duckdb/duckdb-wasm';
const abs = (u) => new URL(u, location.href).href;
(async () => {
  try {
    const sql = new URLSearchParams(location.search).get('q');
    const worker = new Worker(abs('../_astro/${files.worker}'));
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(abs('../_astro/${files.wasm}'));
    await db.open({ filesystem: { reliableHeadRequests: true, allowFullHTTPReads: false, forceFullHTTPReads: false } });
    await db.registerFileURL('warehouse.duckdb', abs('../data/warehouse.duckdb'), duckdb.DuckDBDataProtocol.HTTP, false);
    const conn = await db.connect();
    await conn.query("ATTACH 'warehouse.duckdb' AS warehouse (READ_ONLY)");
    await conn.query('USE warehouse');
    const t = await conn.query(sql);
    window.__bench = { rows: t.numRows, at: performance.now() };
  } catch (e) {
    window.__bench = { error: String(e) };
  }
})();
`;
  await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    minify: true,
    outfile: join(dir, 'bare.js'),
    logLevel: 'silent',
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bare duckdb-wasm</title><script type="module" src="./bare.js"></script>\n');
}

async function coldPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { page, close: () => context.close() };
}

async function waitRuns(page: Page, above: number, timeout = TIMEOUT): Promise<void> {
  await page.waitForFunction((k) => Number(document.querySelector<HTMLElement>('[data-workbench]')?.dataset.runs ?? 0) > k, above, { timeout, polling: 'raf' });
}

async function workbenchError(page: Page): Promise<string | null> {
  if (await page.locator('[data-wb-error]').isHidden()) return null;
  return (await page.locator('[data-wb-error-message]').textContent()) ?? 'error';
}

async function workbenchRows(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-wb-results]', 'data-rows'));
}

/** The page's own query time, from its result summary ("… in 123 ms" / "用时 123 毫秒"). */
async function pageMs(page: Page): Promise<number | null> {
  const s = (await page.locator('[data-wb-summary]').textContent()) ?? '';
  const m = /(\d[\d,]*)\s*(ms|毫秒)/.exec(s);
  return m ? Number(m[1].replace(/,/g, '')) : null;
}

async function runSql(page: Page, sql: string): Promise<number> {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  const n = Number(await page.getAttribute('[data-workbench]', 'data-runs'));
  const t0 = performance.now();
  await page.keyboard.press('Control+Enter');
  await waitRuns(page, n, 300_000);
  const ms = performance.now() - t0;
  const err = await workbenchError(page);
  if (err) throw new Error(err);
  return ms;
}

export async function benchWorkbench(opts: { dist?: string } = {}): Promise<WorkbenchBench> {
  const dist = opts.dist ?? join(ROOT, 'dist');
  if (!existsSync(join(dist, 'sql', 'index.html'))) throw new Error(`${dist}/sql/ is missing: run npm run build first`);
  const warehouse = join(dist, 'data', 'warehouse.duckdb');
  if (!existsSync(warehouse)) throw new Error(`${warehouse} is missing`);
  const files = ehFiles(dist);
  await writeBarePage(dist, files);

  const server = await createStaticServer({ root: dist });
  let served: Served[] = [];
  server.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.on('finish', () => {
      const enc = res.getHeader('content-encoding');
      served.push({
        path: new URL(req.url ?? '/', 'http://x').pathname,
        method: req.method ?? 'GET',
        status: res.statusCode,
        bytes: req.method === 'HEAD' ? 0 : Number(res.getHeader('content-length') ?? 0),
        encoding: enc === undefined ? null : String(enc),
      });
    });
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const encodings = new Set<string>();
  try {
    // 1 + 4: cold first result, interleaved.
    const workbenchColdMs: number[] = [];
    const bareColdMs: number[] = [];
    const rows = { workbench: 0, bare: 0 };
    let beforeFirst: WorkbenchBench['beforeFirst'] | null = null;
    for (let i = 0; i < COLD_RUNS; i++) {
      {
        const { page, close } = await coldPage(browser);
        served = [];
        const t0 = performance.now();
        await page.goto(`${server.url}sql/#${shareHash(FIRST_SQL)}`);
        await waitRuns(page, 0);
        workbenchColdMs.push(performance.now() - t0);
        const log = served;
        served = [];
        const err = await workbenchError(page);
        if (err) throw new Error(`workbench first query failed: ${err}`);
        rows.workbench = await workbenchRows(page);
        if (!beforeFirst) {
          const sum = (f: (s: Served) => boolean) => log.filter(f).reduce((a, s) => a + s.bytes, 0);
          beforeFirst = {
            requests: log.length,
            totalBytes: sum(() => true),
            wasmBytes: sum((s) => s.path.endsWith('.wasm')),
            workerBytes: sum((s) => /worker.*\.js$/.test(s.path)),
            otherJsBytes: sum((s) => s.path.endsWith('.js') && !/worker/.test(s.path)),
            dbBytes: sum((s) => s.path.endsWith('/warehouse.duckdb')),
            otherBytes: sum((s) => !/\.(wasm|js|duckdb)$/.test(s.path)),
          };
        }
        for (const s of log) if (s.encoding) encodings.add(s.encoding);
        await close();
      }
      {
        const { page, close } = await coldPage(browser);
        const t0 = performance.now();
        await page.goto(`${server.url}${BARE_DIR}/?q=${encodeURIComponent(FIRST_SQL)}`);
        await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench !== undefined, null, { timeout: TIMEOUT, polling: 'raf' });
        bareColdMs.push(performance.now() - t0);
        const r = await page.evaluate(() => (window as unknown as { __bench: { rows?: number; error?: string } }).__bench);
        if (r.error) throw new Error(`bare page failed: ${r.error}`);
        rows.bare = r.rows ?? 0;
        await close();
      }
    }

    // 3: warehouse bytes for a one-year query, cold, that query only.
    let yearQueryDbBytes = 0;
    let yearQueryDbRequests = 0;
    let yearQueryRows = 0;
    {
      const { page, close } = await coldPage(browser);
      served = [];
      await page.goto(`${server.url}sql/#${shareHash(YEAR_SQL)}`);
      await waitRuns(page, 0);
      const db = served.filter((s) => s.path.endsWith('/warehouse.duckdb') && s.method === 'GET');
      served = [];
      const err = await workbenchError(page);
      if (err) throw new Error(`year query failed: ${err}`);
      yearQueryRows = await workbenchRows(page);
      yearQueryDbBytes = db.reduce((a, s) => a + s.bytes, 0);
      yearQueryDbRequests = db.length;
      await close();
    }

    // 2: warm aggregate over 10M rows, in a page whose default query has already run.
    let bigCreateMs: number | null = null;
    let aggFirstMs: number | null = null;
    const aggPageMs: number[] = [];
    const aggWallMs: number[] = [];
    let aggRows: number | null = null;
    let aggError: string | null = null;
    {
      const { page, close } = await coldPage(browser);
      try {
        await page.goto(`${server.url}sql/`);
        await waitRuns(page, 0);
        bigCreateMs = await runSql(page, BIG_SQL);
        aggFirstMs = await runSql(page, AGG_SQL);
        for (let i = 0; i < 3; i++) {
          aggWallMs.push(await runSql(page, AGG_SQL));
          const ms = await pageMs(page);
          if (ms !== null) aggPageMs.push(ms);
        }
        aggRows = await workbenchRows(page);
      } catch (e) {
        aggError = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
      await close();
    }

    const wasmBuf = readFileSync(join(dist, '_astro', files.wasm));
    const warehouseBytes = statSync(warehouse).size;
    const wbMed = median(workbenchColdMs);
    const bareMed = median(bareColdMs);
    return {
      workbenchColdMs,
      bareColdMs,
      workbenchColdMedianMs: wbMed,
      bareColdMedianMs: bareMed,
      coldRatio: wbMed / bareMed,
      firstResultRows: rows,
      bigCreateMs,
      aggFirstMs,
      aggPageMs,
      aggWallMs,
      aggPageMedianMs: aggPageMs.length ? median(aggPageMs) : null,
      aggWallMedianMs: aggWallMs.length ? median(aggWallMs) : null,
      aggRows,
      aggError,
      yearQueryDbBytes,
      yearQueryDbRequests,
      yearQueryRows,
      warehouseBytes,
      yearQueryRatio: yearQueryDbBytes / warehouseBytes,
      beforeFirst: beforeFirst!,
      contentEncodings: [...encodings],
      wasmFile: files.wasm,
      wasmRawBytes: wasmBuf.length,
      wasmGzipBytes: gzipSync(wasmBuf).length,
      workerGzipBytes: gzipSync(readFileSync(join(dist, '_astro', files.worker))).length,
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(join(dist, BARE_DIR), { recursive: true, force: true });
  }
}

const MB = (n: number) => (n / 1e6).toFixed(2);

export function workbenchMarkdown(b: WorkbenchBench): string {
  const ms = (x: number) => `${Math.round(x)}`;
  const s = (x: number | null) => (x === null ? '–' : (x / 1000).toFixed(2));
  const f = b.beforeFirst;
  const agg =
    b.aggError !== null
      ? `not measured: ${b.aggError}`
      : `page ${s(b.aggPageMedianMs)} s (runs ${b.aggPageMs.map(ms).join(', ')} ms; wall ${s(b.aggWallMedianMs)} s); first run ${s(b.aggFirstMs)} s; ${b.aggRows} groups; CREATE TABLE ${s(b.bigCreateMs)} s`;
  const aggOk = b.aggPageMedianMs !== null && b.aggError === null ? (b.aggPageMedianMs <= 500 ? 'met' : 'not met') : '–';
  return [
    `| figure | value | target |`,
    `|---|---|---|`,
    `| cold first result, workbench \`/sql/\` (median of ${b.workbenchColdMs.length}) | ${ms(b.workbenchColdMedianMs)} ms (runs ${b.workbenchColdMs.map(ms).join(', ')}; ${b.firstResultRows.workbench} rows) | |`,
    `| cold first result, bare DuckDB-Wasm page (median of ${b.bareColdMs.length}) | ${ms(b.bareColdMedianMs)} ms (runs ${b.bareColdMs.map(ms).join(', ')}; ${b.firstResultRows.bare} rows) | |`,
    `| workbench ÷ bare | **${b.coldRatio.toFixed(2)}** (${b.coldRatio <= 1.2 ? 'met' : 'not met'}) | ≤ 1.2 |`,
    `| warm \`GROUP BY\` over 10M rows (median of 3 after one run) | **${agg}** (${aggOk}) | ≤ 0.5 s |`,
    `| warehouse.duckdb read for \`${YEAR_SQL}\` (cold, only that query) | ${MB(b.yearQueryDbBytes)} MB in ${b.yearQueryDbRequests} range reads of ${MB(b.warehouseBytes)} MB = **${b.yearQueryRatio.toFixed(3)}** (${b.yearQueryRatio <= 0.3 ? 'met' : 'not met'}; ${b.yearQueryRows} rows; for comparison the 16-row first query above reads ${MB(f.dbBytes)} MB, attach included) | ≤ 0.3 |`,
    `| transferred before the workbench's first result (raw) | ${MB(f.totalBytes)} MB in ${f.requests} responses: wasm ${MB(f.wasmBytes)}, worker ${MB(f.workerBytes)}, other JS ${MB(f.otherJsBytes)}, warehouse.duckdb ${MB(f.dbBytes)}, other ${MB(f.otherBytes)} | |`,
    '',
    `Bytes are counted on the local test server (each response's Content-Length; HEAD counts 0). That server does not compress (Content-Encoding seen: ${b.contentEncodings.length ? b.contentEncodings.join(', ') : 'none'}), so they are raw bytes; gzip (level 6) would send the eh wasm (\`${b.wasmFile}\`, ${MB(b.wasmRawBytes)} MB) as about ${MB(b.wasmGzipBytes)} MB and the eh worker as ${MB(b.workerGzipBytes)} MB.`,
    `Cold runs: fresh browser context each, HTTP cache disabled, workbench and bare page interleaved; the workbench gets the query by its share link (\`#q=…\`), so its first result is that query. The aggregate's page time is the workbench's own summary (query start to last batch); wall time adds the editor input and the result grid. Headless Chromium ${b.chromium}, local server, no throttling.`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const b = await benchWorkbench();
  console.log(workbenchMarkdown(b));
}
