// Issue 3 benchmark: what each page type costs a reader on the intranet. For every page type the built site is
// loaded in Chromium from a local server and every response is recorded: bytes as gzip would send them (each
// resource gzipped here, since the test server sends files uncompressed), JavaScript bytes, wasm requests (must be
// 0 outside the SQL workbench), and the largest chart's SVG element count. Also the time of a fresh `astro build`
// (into a temporary folder; BENCH_BUILD=0 skips it) and, per page type, Lighthouse's performance score and LCP.
// Lighthouse runs with its desktop preset (simulated throttling: 40 ms RTT, 10 Mbit/s, no CPU slowdown), because
// officials read the site on office desktops; when it cannot run here the table says why instead of failing.
//   npx tsx bench/site.ts            (reads dist/: run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createStaticServer } from '../pipelines/lib/staticServer.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface PageBench {
  page: string;
  path: string;
  requests: number;
  /** Sum of each response body gzipped (level 6, as a web server would). */
  gzipBytes: number;
  rawBytes: number;
  jsBytes: number;
  jsGzipBytes: number;
  wasmRequests: number;
  charts: number;
  maxSvgElements: number;
  /** Largest contentful paint in ms, from the browser's own PerformanceObserver (local server, no throttling). */
  lcpMs: number | null;
  /** Lighthouse's performance score (0–100) and simulated LCP; null when not run. */
  lighthouse: LighthouseResult | null;
}

export interface SiteBenchOptions {
  dist?: string;
  /** Time a fresh `astro build` into a temporary folder (30–60 s); on unless false. */
  build?: boolean;
  /** Run Lighthouse on every page type (about 10 s each); on unless false. */
  lighthouse?: boolean;
}

function pageTypes(dist: string): { page: string; path: string }[] {
  const cluster = JSON.parse(readFileSync(join(ROOT, 'data/cluster.json'), 'utf8')) as { parks: { id: string }[] };
  const all = [
    { page: 'overview', path: '' },
    { page: 'policy', path: 'policy/' },
    { page: 'methods', path: 'methods/' },
    { page: 'trade', path: 'trade/' },
    { page: 'workforce', path: 'workforce/' },
    { page: 'enterprises', path: 'enterprises/' },
    { page: 'parks', path: 'parks/' },
    { page: 'park', path: `parks/${cluster.parks[0]?.id}/` },
    { page: 'sources', path: 'sources/' },
    { page: 'embed', path: 'embed/district-share/' },
    { page: 'brief', path: 'brief/' },
    { page: 'sql', path: 'sql/' },
  ];
  return all.filter((p) => existsSync(join(dist, p.path, 'index.html')));
}

function astroBuildSeconds(): number {
  const out = mkdtempSync(join(tmpdir(), 'bench-site-'));
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build', '--outDir', out], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`astro build failed:\n${r.stderr || r.stdout}`);
    return (performance.now() - t0) / 1000;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Lighthouse's reading of one page, or the reason there is none. */
export type LighthouseResult = { score: number; lcpMs: number } | { error: string };

/**
 * Lighthouse (performance only, desktop preset) on each URL, in one Chromium started by chrome-launcher with the
 * flags this machine needs. Imported lazily so that a missing or broken Lighthouse is reported, not fatal.
 */
async function lighthouseRuns(urls: string[]): Promise<LighthouseResult[]> {
  let chrome: { port: number; kill(): void } | undefined;
  try {
    const { default: lighthouse } = await import('lighthouse');
    const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
    const { launch } = await import('chrome-launcher');
    // CHROME_PATH, Lighthouse's own variable, points elsewhere (and lets the failure path be tried).
    const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
    // chrome-launcher reports a missing binary as an unhandled 'error' event that ends the process: check first.
    if (!existsSync(chromePath)) throw new Error(`no browser at ${chromePath}`);
    chrome = await launch({ chromePath, chromeFlags: ARGS });
    const out: LighthouseResult[] = [];
    for (const url of urls) {
      try {
        const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, desktopConfig);
        const lhr = r?.lhr;
        const score = lhr?.categories.performance?.score;
        const lcp = lhr?.audits['largest-contentful-paint']?.numericValue;
        if (lhr?.runtimeError) out.push({ error: lhr.runtimeError.code });
        else if (typeof score !== 'number' || typeof lcp !== 'number') out.push({ error: 'no performance score' });
        else out.push({ score: Math.round(score * 100), lcpMs: Math.round(lcp) });
      } catch (e) {
        out.push({ error: String((e as Error).message ?? e).split('\n')[0] });
      }
    }
    return out;
  } catch (e) {
    const why = `cannot run: ${String((e as Error).message ?? e).split('\n')[0]}`;
    return urls.map(() => ({ error: why }));
  } finally {
    chrome?.kill();
  }
}

export async function benchSite(opts: SiteBenchOptions = {}): Promise<{ buildSeconds: number | null; pages: PageBench[] }> {
  const dist = opts.dist ?? join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no built site: run npm run build first`);
  const buildSeconds = opts.build === false ? null : astroBuildSeconds();
  const server = await createStaticServer({ root: dist });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const pages: PageBench[] = [];
  try {
    for (const { page: name, path } of pageTypes(dist)) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __lcp: number | null };
        w.__lcp = null;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__lcp = e.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      const bodies: Promise<void>[] = [];
      const r: PageBench = { page: name, path: '/' + path, requests: 0, gzipBytes: 0, rawBytes: 0, jsBytes: 0, jsGzipBytes: 0, wasmRequests: 0, charts: 0, maxSvgElements: 0, lcpMs: null, lighthouse: null };
      page.on('response', (res) => {
        r.requests++;
        const url = res.url();
        if (/\.wasm(\?|$)/.test(url)) r.wasmRequests++;
        bodies.push(
          res.body().then(
            (b) => {
              const gz = gzipSync(b).length;
              r.rawBytes += b.length;
              r.gzipBytes += gz;
              if (/\.m?js(\?|$)/.test(url) || res.request().resourceType() === 'script') {
                r.jsBytes += b.length;
                r.jsGzipBytes += gz;
              }
            },
            () => undefined,
          ),
        );
      });
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      await Promise.all(bodies);
      const svg = await page.evaluate(() => {
        const charts = [...document.querySelectorAll('.chart > svg')];
        return { charts: charts.length, max: Math.max(0, ...charts.map((s) => s.querySelectorAll('*').length + 1)) };
      });
      r.charts = svg.charts;
      r.maxSvgElements = svg.max;
      const lcp = await page.evaluate(() => (window as unknown as { __lcp: number | null }).__lcp);
      r.lcpMs = lcp === null ? null : Math.round(lcp);
      pages.push(r);
      await context.close();
    }
    await browser.close();
    const lh = opts.lighthouse === false ? null : await lighthouseRuns(pages.map((p) => server.url + p.path.slice(1)));
    pages.forEach((p, i) => (p.lighthouse = lh?.[i] ?? null));
    return { buildSeconds, pages };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (n: number) => (n / 1024).toFixed(1);

function lighthouseCell(r: LighthouseResult | null): string {
  if (!r) return 'not run';
  return 'error' in r ? `– (${r.error.replace(/\|/g, '/')})` : String(r.score);
}

export function siteMarkdown(result: { buildSeconds: number | null; pages: PageBench[] }): string {
  const { pages } = result;
  const lhOk = pages.filter((p) => p.lighthouse && 'score' in p.lighthouse);
  const lines = [
    '| page | path | requests | transferred (gzip, KiB) | raw (KiB) | JS (gzip KiB) | wasm requests | charts | max SVG elements / chart | LCP (ms, local) | Lighthouse perf | Lighthouse LCP (ms) |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...pages.map(
      (p) =>
        `| ${p.page} | \`${p.path}\` | ${p.requests} | ${kb(p.gzipBytes)} | ${kb(p.rawBytes)} | ${kb(p.jsGzipBytes)} | ${p.wasmRequests} | ${p.charts} | ${p.maxSvgElements} | ${p.lcpMs ?? '–'} | ` +
        `${lighthouseCell(p.lighthouse)} | ${p.lighthouse && 'lcpMs' in p.lighthouse ? p.lighthouse.lcpMs : '–'} |`,
    ),
    '',
    `astro build (fresh, into a temporary folder): ${result.buildSeconds === null ? 'not timed (BENCH_BUILD=0)' : `${result.buildSeconds.toFixed(1)} s`}.`,
    lhOk.length
      ? `Lighthouse 12.2.3, performance category only, desktop preset (simulated throttling), Debian Chromium; the local server sends files uncompressed, so simulated transfer times are pessimistic.`
      : `Lighthouse did not run: ${pages.map((p) => lighthouseCell(p.lighthouse)).find((c) => c !== 'not run') ?? 'not run'}.`,
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchSite({ build: process.env.BENCH_BUILD !== '0', lighthouse: process.env.BENCH_LIGHTHOUSE !== '0' });
  console.log(siteMarkdown(result));
}
