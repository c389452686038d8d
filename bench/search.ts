// Issue 10 benchmark: the search index's size and how fast the header's box answers its first query. The index
// is dist/pagefind/ (Pagefind writes its index pieces gzipped already, so bytes on disk are bytes on the wire).
// In Chromium, per language and round: load the home page (its load event time, from navigation start, is the
// yardstick), then focus the box, type a word and time until the first result is on screen (the box sets a
// performance mark). Reported as a ratio to the page's own load in the same browser session, because the machine
// is shared and absolute times drift; also the bytes the first search fetched from pagefind/.
//   npx tsx bench/search.ts            (reads dist/: run `npm run build` first)
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createStaticServer } from '../pipelines/lib/staticServer.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const QUERIES = { zh: '培育钻石', en: 'lab-grown' } as const;

export interface SearchBench {
  indexBytes: number;
  indexFiles: number;
  /** Bytes per language of the index proper (meta, index chunks, fragments), without the shared script and wasm. */
  perLanguage: Record<string, number>;
  rounds: number;
  langs: {
    lang: 'zh' | 'en';
    query: string;
    /** Median over rounds. */
    pageLoadMs: number;
    firstResultMs: number;
    ratio: number;
    ratioMin: number;
    ratioMax: number;
    /** Bytes fetched from pagefind/ for the first search of a fresh page (a new browser context: empty cache). */
    searchBytes: number;
    searchRequests: number;
  }[];
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchSearch(o: { dist?: string; rounds?: number } = {}): Promise<SearchBench> {
  const dist = o.dist ?? join(ROOT, 'dist');
  const dir = join(dist, 'pagefind');
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run build\` first`);
  const all = files(dir);
  const perLanguage: Record<string, number> = {};
  for (const f of all) {
    const m = /^(?:pagefind\.)?([a-z-]+)_[0-9a-f]+\.pf_(meta|index|fragment|filter)$/.exec(relative(dir, f).split('/').at(-1)!);
    if (m) perLanguage[m[1]] = (perLanguage[m[1]] ?? 0) + statSync(f).size;
  }
  const rounds = o.rounds ?? 5;
  const server = await createStaticServer({ root: dist });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const langs: SearchBench['langs'] = [];
    for (const lang of ['zh', 'en'] as const) {
      const query = QUERIES[lang];
      const loads: number[] = [];
      const firsts: number[] = [];
      const ratios: number[] = [];
      let searchBytes = 0;
      let searchRequests = 0;
      for (let i = 0; i < rounds; i++) {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        const page = await context.newPage();
        // Bytes as sent, counted per finished request of the whole context, so the search worker's fetches count too.
        const pf: Promise<number>[] = [];
        context.on('requestfinished', (r) => {
          if (r.url().includes('/pagefind/')) pf.push(r.sizes().then((z) => z.responseBodySize + z.responseHeadersSize));
        });
        await page.goto(server.url + (lang === 'en' ? 'en/' : ''), { waitUntil: 'load' });
        const load = await page.evaluate(() => {
          const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return n.loadEventEnd || n.loadEventStart;
        });
        const t0 = await page.evaluate(() => performance.now());
        await page.focus('[data-search-input]');
        await page.keyboard.type(query);
        await page.waitForFunction(() => performance.getEntriesByName('search:first-result').length > 0, null, { timeout: 60_000 });
        const first = await page.evaluate((start) => performance.getEntriesByName('search:first-result')[0].startTime - start, t0);
        loads.push(load);
        firsts.push(first);
        ratios.push(first / load);
        if (i === 0) {
          await page.waitForTimeout(300);
          searchBytes = (await Promise.all(pf)).reduce((a, b) => a + b, 0);
          searchRequests = pf.length;
        }
        await context.close();
      }
      langs.push({
        lang,
        query,
        pageLoadMs: median(loads),
        firstResultMs: median(firsts),
        ratio: median(ratios),
        ratioMin: Math.min(...ratios),
        ratioMax: Math.max(...ratios),
        searchBytes,
        searchRequests,
      });
    }
    return { indexBytes: all.reduce((a, f) => a + statSync(f).size, 0), indexFiles: all.length, perLanguage, rounds, langs };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export function searchMarkdown(b: SearchBench): string {
  const langs = Object.entries(b.perLanguage).map(([l, n]) => `${l} ${kib(n)}`).join(', ');
  return [
    `Index: ${kib(b.indexBytes)} in ${b.indexFiles} files under pagefind/ (index proper per language: ${langs}; the rest is Pagefind's script, worker and WebAssembly).`,
    '',
    `| language | query | page load (ms) | focus → first result (ms) | ratio to page load (median, min–max of ${b.rounds}) | first search fetched |`,
    '|---|---|---:|---:|---|---:|',
    ...b.langs.map((l) => `| ${l.lang} | ${l.query} | ${l.pageLoadMs.toFixed(0)} | ${l.firstResultMs.toFixed(0)} | ${l.ratio.toFixed(2)} (${l.ratioMin.toFixed(2)}–${l.ratioMax.toFixed(2)}) | ${kib(l.searchBytes)} in ${l.searchRequests} requests |`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(searchMarkdown(await benchSearch()));
}
