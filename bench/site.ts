// Issue 3 benchmark: what each page type costs a reader on the intranet. For every page type the built site is
// loaded in Chromium from a local server and every response is recorded: bytes as gzip would send them (each
// resource gzipped here, since the test server sends files uncompressed), JavaScript bytes, wasm requests (must be
// 0 outside the SQL workbench), and the largest chart's SVG element count. Also the `astro build` time, and a
// Lighthouse performance score and LCP when lighthouse@12.2.3 is installed (skipped otherwise: it is optional).
//   npx tsx bench/site.ts            (uses dist/; BENCH_BUILD=1 also times a fresh astro build)
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
}

export interface SiteBenchOptions {
  dist?: string;
  /** Time a fresh `astro build` into a temporary folder (about 30 s). */
  build?: boolean;
}

function pageTypes(dist: string): { page: string; path: string }[] {
  const cluster = JSON.parse(readFileSync(join(ROOT, 'data/cluster.json'), 'utf8')) as { parks: { id: string }[] };
  const all = [
    { page: 'overview', path: '' },
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

async function lighthouse(url: string): Promise<{ score: number; lcpMs: number } | string> {
  const bin = join(ROOT, 'node_modules/.bin/lighthouse');
  if (!existsSync(bin)) return 'not installed (optional: npm i -D lighthouse@12.2.3)';
  const r = spawnSync(bin, [url, '--output=json', '--quiet', '--only-categories=performance', '--chrome-flags=--headless=new --no-sandbox'], {
    env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' },
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    timeout: 180_000,
  });
  if (r.status !== 0) return `failed: ${(r.stderr || '').split('\n')[0]}`;
  const j = JSON.parse(r.stdout) as { categories: { performance: { score: number } }; audits: Record<string, { numericValue?: number }> };
  return { score: Math.round(j.categories.performance.score * 100), lcpMs: Math.round(j.audits['largest-contentful-paint']?.numericValue ?? 0) };
}

export async function benchSite(opts: SiteBenchOptions = {}): Promise<Record<string, unknown>> {
  const dist = opts.dist ?? join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no built site: run npm run build first`);
  const buildSeconds = opts.build ? astroBuildSeconds() : null;
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
      const r: PageBench = { page: name, path: '/' + path, requests: 0, gzipBytes: 0, rawBytes: 0, jsBytes: 0, jsGzipBytes: 0, wasmRequests: 0, charts: 0, maxSvgElements: 0, lcpMs: null };
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
    const lh = await lighthouse(server.url);
    return { buildSeconds, pages, lighthouse: lh };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (n: number) => (n / 1024).toFixed(1);

export function siteMarkdown(result: Record<string, unknown>): string {
  const pages = result.pages as PageBench[];
  const lines = [
    '| page | path | requests | transferred (gzip, KiB) | raw (KiB) | JS (gzip KiB) | wasm requests | charts | max SVG elements / chart | LCP (ms, local) |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...pages.map((p) => `| ${p.page} | \`${p.path}\` | ${p.requests} | ${kb(p.gzipBytes)} | ${kb(p.rawBytes)} | ${kb(p.jsGzipBytes)} | ${p.wasmRequests} | ${p.charts} | ${p.maxSvgElements} | ${p.lcpMs ?? '–'} |`),
    '',
    `astro build: ${result.buildSeconds === null ? 'not timed (BENCH_BUILD=1 to time it)' : `${(result.buildSeconds as number).toFixed(1)} s`}.`,
    `Lighthouse (overview): ${typeof result.lighthouse === 'string' ? result.lighthouse : `performance ${(result.lighthouse as { score: number }).score}, LCP ${(result.lighthouse as { lcpMs: number }).lcpMs} ms`}.`,
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchSite({ build: process.env.BENCH_BUILD === '1' });
  console.log(siteMarkdown(result));
}
