// SQL workbench benchmark: what the in-browser workbench (/sql/) costs against DuckDB-Wasm on its own, measured in
// headless Chromium against the built site (dist/) on a local server, all in one run:
//  1. cold time to first result of a fixed query on the workbench page ÷ the same on a bare page that only
//     instantiates DuckDB-Wasm (the same hashed eh wasm and worker from dist/_astro, same origin), attaches
//     data/warehouse.duckdb read-only over HTTP range reads (direct I/O, as the workbench does) and runs the query.
//     COLD_RUNS cold runs each, in pairs whose order alternates (workbench first, then bare first) so neither page
//     always gets the warmer machine; each in a fresh browser context with the cache disabled. The ratio is the
//     median of the pairs' ratios, with their spread: the machine is shared and single runs vary by ±20 %. The
//     workbench gets the query through its own share link (#q=…), so its first result is that query alone.
//  2. a warm GROUP BY over a 10M-row trade-like table created in the workbench (run once, then median of 3; the
//     page's own timing from its result summary, and the wall time around the run for context).
//  3. bytes read from warehouse.duckdb for a one-year filtered query after a cold load that runs only that query,
//     ÷ the file's size; with every range read logged (offset, length). For the shipped sample warehouse, and, when
//     given (--big-warehouse FILE or WORKBENCH_BIG_WAREHOUSE), for a larger one generated for the purpose (see
//     bench/RESULTS.md for how), served in place of data/warehouse.duckdb: a 6 MB sample is mostly fixed cost
//     (file header, catalog metadata), which a real warehouse spreads over far more data.
//  4. bytes the workbench transfers before its first result. Counted on the server (every response's
//     Content-Length); the test server sends files uncompressed, so these are raw bytes, with a gzip estimate of the
//     wasm for context.
// The bare page is bundled at run time into dist/.bench-bare/ and deleted afterwards.
//   npx tsx bench/workbench.ts [--big-warehouse FILE] [--dist DIR]     (default dist/; build first with npm run build)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
const COLD_RUNS = 5;
const TIMEOUT = 120_000;

export const FIRST_SQL = `SELECT year, share_of_nation FROM mart_trade_share WHERE group_id = 'diamonds' AND flow = 'total' ORDER BY year`;
export const YEAR_SQL = `SELECT * FROM mart_trade_monthly WHERE year = 2020`;
export const BIG_SQL = `CREATE TABLE big AS SELECT (range % 192) AS period, (range % 7) AS hs, (range % 120) AS partner, random() * 1000 AS value_usd FROM range(10000000)`;
export const AGG_SQL = `SELECT period, hs, sum(value_usd) FROM big GROUP BY ALL`;

/** warehouse.duckdb bytes read for YEAR_SQL after a cold load that runs only that query. */
export interface YearQueryBytes {
  label: string;
  dbBytes: number;
  /** Every GET of the database, in order: offset and length in bytes. */
  reads: { offset: number; length: number }[];
  rows: number;
  warehouseBytes: number;
  ratio: number;
}

export interface WorkbenchBench {
  /** Cold navigation → first result of FIRST_SQL, ms, one per run. */
  workbenchColdMs: number[];
  bareColdMs: number[];
  /**
   * Navigation → the wasm request reaching the server, ms, per run: how long each page takes before DuckDB
   * starts loading. Less noisy than the whole cold time, and it is the part the workbench itself adds.
   */
  workbenchWasmStartMs: number[];
  bareWasmStartMs: number[];
  workbenchColdMedianMs: number;
  bareColdMedianMs: number;
  /** Median of the per-pair ratios workbench ÷ bare, and their range. */
  coldRatio: number;
  coldRatios: number[];
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
  /** The shipped warehouse first, then the big one when given. */
  yearQuery: YearQueryBytes[];
  /** Bytes served before the workbench's first result (cold run 1), by kind. */
  beforeFirst: { requests: number; totalBytes: number; wasmBytes: number; workerBytes: number; otherJsBytes: number; dbBytes: number; otherBytes: number };
  /** Content-Encoding values seen on responses (none: the test server does not compress). */
  contentEncodings: string[];
  wasmFile: string;
  wasmRawBytes: number;
  wasmGzipBytes: number;
  workerGzipBytes: number;
  chromium: string;
  /** 1-minute load average before and after the run: the machine is shared, and this says how busy it was. */
  loadAverage: [number, number];
}

interface Served {
  path: string;
  method: string;
  status: number;
  bytes: number;
  range: string | null;
  encoding: string | null;
  /** performance.now() when the request arrived. */
  at: number;
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
    await db.registerFileURL('warehouse.duckdb', abs('../data/warehouse.duckdb'), duckdb.DuckDBDataProtocol.HTTP, true);
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

/**
 * A site root that is `dist` except for data/warehouse.duckdb, which is `warehouse`: symlinks, so nothing is
 * copied and dist/ is left as it is. Returns the root and a function that removes it.
 */
function rootWithWarehouse(dist: string, warehouse: string): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'wb-bench-'));
  for (const name of readdirSync(dist)) if (name !== 'data') symlinkSync(join(dist, name), join(root, name));
  mkdirSync(join(root, 'data'));
  for (const name of readdirSync(join(dist, 'data'))) {
    symlinkSync(name === 'warehouse.duckdb' ? resolve(warehouse) : join(dist, 'data', name), join(root, 'data', name));
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Cold load of the workbench with YEAR_SQL as its only query; the bytes it read from the database. */
async function yearQueryBytes(browser: Browser, root: string, label: string, warehouseBytes: number): Promise<YearQueryBytes> {
  const server = await createStaticServer({ root });
  const served = watch(server.server);
  try {
    const { page, close } = await coldPage(browser);
    await page.goto(`${server.url}sql/#${shareHash(YEAR_SQL)}`);
    await waitRuns(page, 0);
    const err = await workbenchError(page);
    if (err) throw new Error(`year query failed (${label}): ${err}`);
    const rows = await workbenchRows(page);
    await close();
    const db = served.filter((s) => s.path.endsWith('/warehouse.duckdb') && s.method === 'GET');
    const reads = db.map((s) => ({ offset: Number(/^bytes=(\d+)-/.exec(s.range ?? '')?.[1] ?? 0), length: s.bytes }));
    const dbBytes = db.reduce((a, s) => a + s.bytes, 0);
    return { label, dbBytes, reads, rows, warehouseBytes, ratio: dbBytes / warehouseBytes };
  } finally {
    await server.close();
  }
}

/** Records every response the server sends (the array is appended to; the caller may empty it). */
function watch(server: import('node:http').Server): Served[] {
  const served: Served[] = [];
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const at = performance.now();
    res.on('finish', () => {
      const enc = res.getHeader('content-encoding');
      served.push({
        path: new URL(req.url ?? '/', 'http://x').pathname,
        method: req.method ?? 'GET',
        status: res.statusCode,
        bytes: req.method === 'HEAD' ? 0 : Number(res.getHeader('content-length') ?? 0),
        range: req.headers.range ?? null,
        encoding: enc === undefined ? null : String(enc),
        at,
      });
    });
  });
  return served;
}

export async function benchWorkbench(opts: { dist?: string; bigWarehouse?: string } = {}): Promise<WorkbenchBench> {
  const dist = opts.dist ?? join(ROOT, 'dist');
  if (!existsSync(join(dist, 'sql', 'index.html'))) throw new Error(`${dist}/sql/ is missing: run npm run build first`);
  const warehouse = join(dist, 'data', 'warehouse.duckdb');
  if (!existsSync(warehouse)) throw new Error(`${warehouse} is missing`);
  const files = ehFiles(dist);
  await writeBarePage(dist, files);

  const server = await createStaticServer({ root: dist });
  const served = watch(server.server);
  const loadBefore = loadavg()[0];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const encodings = new Set<string>();
  try {
    // 1 + 4: cold first result, interleaved.
    const workbenchColdMs: number[] = [];
    const bareColdMs: number[] = [];
    const workbenchWasmStartMs: number[] = [];
    const bareWasmStartMs: number[] = [];
    const wasmStart = (log: Served[], t0: number) => (log.find((x) => x.path.endsWith('.wasm'))?.at ?? NaN) - t0;
    const rows = { workbench: 0, bare: 0 };
    let beforeFirst: WorkbenchBench['beforeFirst'] | null = null;
    const coldWorkbench = async () => {
      const { page, close } = await coldPage(browser);
      served.length = 0;
      const t0 = performance.now();
      await page.goto(`${server.url}sql/#${shareHash(FIRST_SQL)}`);
      await waitRuns(page, 0);
      workbenchColdMs.push(performance.now() - t0);
      const log = served.splice(0);
      workbenchWasmStartMs.push(wasmStart(log, t0));
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
    };
    const coldBare = async () => {
      const { page, close } = await coldPage(browser);
      served.length = 0;
      const t0 = performance.now();
      await page.goto(`${server.url}${BARE_DIR}/?q=${encodeURIComponent(FIRST_SQL)}`);
      await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench !== undefined, null, { timeout: TIMEOUT, polling: 'raf' });
      bareColdMs.push(performance.now() - t0);
      bareWasmStartMs.push(wasmStart(served.splice(0), t0));
      const r = await page.evaluate(() => (window as unknown as { __bench: { rows?: number; error?: string } }).__bench);
      if (r.error) throw new Error(`bare page failed: ${r.error}`);
      rows.bare = r.rows ?? 0;
      await close();
    };
    for (let i = 0; i < COLD_RUNS; i++) {
      if (i % 2 === 0) {
        await coldWorkbench();
        await coldBare();
      } else {
        await coldBare();
        await coldWorkbench();
      }
    }

    // 3: warehouse bytes for a one-year query, cold, that query only: the shipped file, then the big one if given.
    const yearQuery = [await yearQueryBytes(browser, dist, 'shipped sample', statSync(warehouse).size)];
    if (opts.bigWarehouse) {
      const big = rootWithWarehouse(dist, opts.bigWarehouse);
      try {
        yearQuery.push(await yearQueryBytes(browser, big.root, 'generated', statSync(opts.bigWarehouse).size));
      } finally {
        big.remove();
      }
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
    const coldRatios = workbenchColdMs.map((ms, i) => ms / bareColdMs[i]);
    return {
      workbenchColdMs,
      bareColdMs,
      workbenchWasmStartMs,
      bareWasmStartMs,
      workbenchColdMedianMs: median(workbenchColdMs),
      bareColdMedianMs: median(bareColdMs),
      coldRatio: median(coldRatios),
      coldRatios,
      firstResultRows: rows,
      bigCreateMs,
      aggFirstMs,
      aggPageMs,
      aggWallMs,
      aggPageMedianMs: aggPageMs.length ? median(aggPageMs) : null,
      aggWallMedianMs: aggWallMs.length ? median(aggWallMs) : null,
      aggRows,
      aggError,
      yearQuery,
      beforeFirst: beforeFirst!,
      contentEncodings: [...encodings],
      wasmFile: files.wasm,
      wasmRawBytes: wasmBuf.length,
      wasmGzipBytes: gzipSync(wasmBuf).length,
      workerGzipBytes: gzipSync(readFileSync(join(dist, '_astro', files.worker))).length,
      chromium: browser.version(),
      loadAverage: [loadBefore, loadavg()[0]],
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
    `| navigation → wasm request, workbench / bare (median of ${b.workbenchWasmStartMs.length}) | ${ms(median(b.workbenchWasmStartMs))} / ${ms(median(b.bareWasmStartMs))} ms (workbench runs ${b.workbenchWasmStartMs.map(ms).join(', ')}; bare ${b.bareWasmStartMs.map(ms).join(', ')}) | |`,
    `| workbench ÷ bare, median of the ${b.coldRatios.length} pairs | **${b.coldRatio.toFixed(2)}** (${b.coldRatio <= 1.2 ? 'met' : 'not met'}; pairs ${b.coldRatios.map((r) => r.toFixed(2)).join(', ')}; range ${Math.min(...b.coldRatios).toFixed(2)}–${Math.max(...b.coldRatios).toFixed(2)}) | ≤ 1.2 |`,
    `| warm \`GROUP BY\` over 10M rows (median of 3 after one run) | **${agg}** (${aggOk}) | ≤ 0.5 s |`,
    ...b.yearQuery.map(
      (y) =>
        `| warehouse.duckdb read for \`${YEAR_SQL}\`, ${y.label} warehouse (cold, only that query) | ${MB(y.dbBytes)} MB in ${y.reads.length} range reads of ${MB(y.warehouseBytes)} MB = **${y.ratio.toFixed(3)}** (${y.ratio <= 0.3 ? 'met' : 'not met'}; ${y.rows} rows) | ≤ 0.3 |`,
    ),
    `| transferred before the workbench's first result (raw) | ${MB(f.totalBytes)} MB in ${f.requests} responses: wasm ${MB(f.wasmBytes)}, worker ${MB(f.workerBytes)}, other JS ${MB(f.otherJsBytes)}, warehouse.duckdb ${MB(f.dbBytes)}, other ${MB(f.otherBytes)} | |`,
    '',
    ...b.yearQuery.map((y) => `Range reads, ${y.label} warehouse (offset+length, KiB, in request order): ${y.reads.map((r) => `${Math.round(r.offset / 1024)}+${r.length < 1024 ? `${r.length} B` : Math.round(r.length / 1024)}`).join(', ')}.`),
    `For comparison the ${b.firstResultRows.workbench}-row first query reads ${MB(f.dbBytes)} MB of the shipped warehouse, attach included.`,
    '',
    `Bytes are counted on the local test server (each response's Content-Length; HEAD counts 0). That server does not compress (Content-Encoding seen: ${b.contentEncodings.length ? b.contentEncodings.join(', ') : 'none'}), so they are raw bytes; gzip (level 6) would send the eh wasm (\`${b.wasmFile}\`, ${MB(b.wasmRawBytes)} MB) as about ${MB(b.wasmGzipBytes)} MB and the eh worker as ${MB(b.workerGzipBytes)} MB.`,
    `Cold runs: fresh browser context each, HTTP cache disabled, workbench and bare page in pairs whose order alternates; the workbench gets the query by its share link (\`#q=…\`), so its first result is that query. The aggregate's page time is the workbench's own summary (query start to last batch); wall time adds the editor input and the result grid. Headless Chromium ${b.chromium}, local server, no throttling; 1-minute load average ${b.loadAverage[0].toFixed(1)} before, ${b.loadAverage[1].toFixed(1)} after (2 cores).`,
  ].join('\n');
}

/** The big warehouse for the bytes figure: --big-warehouse FILE, or WORKBENCH_BIG_WAREHOUSE. */
export function bigWarehouseOption(argv = process.argv.slice(2)): string | undefined {
  const i = argv.indexOf('--big-warehouse');
  return (i >= 0 ? argv[i + 1] : undefined) ?? (process.env.WORKBENCH_BIG_WAREHOUSE || undefined);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const distAt = process.argv.indexOf('--dist');
  const b = await benchWorkbench({ bigWarehouse: bigWarehouseOption(), dist: distAt >= 0 ? resolve(process.argv[distAt + 1]) : undefined });
  console.log(workbenchMarkdown(b));
}
