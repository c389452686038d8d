// Browser tests of the built site (dist/): every page in both languages renders without console errors and
// without a single request to another origin, under a strict Content-Security-Policy; chart tables match the
// published JSON; synthetic data is marked; the language switch keeps the page; a sub-path build works.
// Needs a built dist/ (scripts/run-tests.mjs builds it; SKIP_BUILD=1 reuses one) and /usr/bin/chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { createStaticServer } from '../../pipelines/lib/staticServer.ts';
import { useSiteBrowser, watchedPage as watched, SITE_CSP, DIST, ROOT } from '../helpers/siteBrowser.ts';

const CLUSTER = JSON.parse(readFileSync(join(ROOT, 'data/cluster.json'), 'utf8'));
const CSP = SITE_CSP;

/** The published data the site was built from: the copy in dist/, or the folder named by PUBLISHED_DATA_DIR. */
function dataDir(): string {
  if (existsSync(join(DIST, 'data', 'catalog.json'))) return join(DIST, 'data');
  if (process.env.PUBLISHED_DATA_DIR) return resolve(process.env.PUBLISHED_DATA_DIR);
  return join(ROOT, 'public', 'data');
}
const DATA = dataDir();
const HAS_DATA = existsSync(join(DATA, 'catalog.json'));
const catalog = HAS_DATA ? JSON.parse(readFileSync(join(DATA, 'catalog.json'), 'utf8')) : { anySynthetic: false, tables: [] };

type Row = Record<string, unknown>;
function tableRows(name: string): Row[] {
  const p = join(DATA, 'tables', `${name}.json`);
  if (!existsSync(p)) return [];
  const t = JSON.parse(readFileSync(p, 'utf8')) as { columns: string[]; rows: unknown[][] };
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

const ROUTES = ['', 'policy/', 'trade/', 'workforce/', 'enterprises/', 'parks/', 'methods/', 'sources/', 'brief/', ...CLUSTER.parks.map((p: { id: string }) => `parks/${p.id}/`)];
const PAGES = ROUTES.flatMap((r) => [r, `en/${r}`]);
/** The eight sections, plus the SQL workbench when the build has it. */
const NAV_LINKS = 8 + (existsSync(join(DIST, 'sql', 'index.html')) ? 1 : 0);

const site = useSiteBrowser();

/** A page whose every request is checked: other origins are aborted and recorded; errors and 4xx/5xx collected. */
const watchedPage = (origin: string) => watched(site.browser, origin);

test('every page renders in both languages, with no console errors and nothing from another origin', async () => {
  const origin = new URL(site.server.url).origin;
  const w = await watchedPage(origin);
  const downloads = new Set<string>();
  for (const path of PAGES) {
    const res = await w.page.goto(site.server.url + path);
    assert.equal(res?.status(), 200, path);
    const lang = await w.page.getAttribute('html', 'lang');
    assert.equal(lang, path.startsWith('en/') ? 'en' : 'zh-CN', path);
    assert.ok(await w.page.locator('h1').count(), `${path}: no h1`);
    assert.equal(await w.page.locator('nav.site-nav a').count(), NAV_LINKS, `${path}: navigation`);
    assert.equal(await w.page.locator('a[data-lang-switch]').count(), 1, `${path}: language switch`);
    if (HAS_DATA) assert.match((await w.page.locator('.site-footer').innerText()).replace(/\s+/g, ''), /\d{4}/, `${path}: as-of date`);
    for (const href of await w.page.locator('a[data-download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) downloads.add(href);
  }
  assert.deepEqual(w.foreign, [], 'requests to other origins');
  assert.deepEqual(w.errors, [], 'console errors');
  assert.deepEqual(w.failed, [], 'failed requests');
  if (HAS_DATA) {
    assert.ok(downloads.size > 0);
    for (const href of downloads) assert.equal((await fetch(href, { method: 'HEAD' })).status, 200, href);
  }
  await w.context.close();
});

/** The table view's cells of an indicator: x → series key → value. */
async function tableValues(page: Page, id: string): Promise<Map<string, number | null>> {
  const cells = await page.locator(`table[data-indicator-table="${id}"] td[data-x]`).evaluateAll((tds) =>
    tds.map((td) => [(td as HTMLElement).dataset.x, (td as HTMLElement).dataset.key, (td as HTMLElement).dataset.value]),
  );
  return new Map(cells.map(([x, k, v]) => [`${x}|${k}`, v === '' || v === undefined ? null : Number(v)]));
}

function assertClose(actual: number | null | undefined, expected: number | null, what: string) {
  if (expected === null) return assert.equal(actual ?? null, null, what);
  assert.ok(actual !== null && actual !== undefined, `${what}: missing`);
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);
}

test('chart tables show the published values', { skip: !HAS_DATA && 'no published data' }, async () => {
  const origin = new URL(site.server.url).origin;
  const w = await watchedPage(origin);

  await w.page.goto(site.server.url);
  const share = tableRows('mart_trade_share').filter((r) => r.group_id === 'diamonds' && r.flow === 'total');
  const shown = await tableValues(w.page, 'district-share');
  assert.ok(share.length > 0 && shown.size > 0, 'district share has data');
  for (const r of share) assertClose(shown.get(`${r.year}|total`), r.share_of_nation as number | null, `share ${r.year}`);
  const value = await tableValues(w.page, 'district-trade-value');
  for (const r of share) assertClose(value.get(`${r.year}|total`), r.district_value_usd as number | null, `value ${r.year}`);

  // Active core firms: summed over parks, computed here independently of the site's code.
  const byYear = new Map<number, number>();
  for (const r of tableRows('mart_park_year')) byYear.set(r.year as number, (byYear.get(r.year as number) ?? 0) + Number(r.active_core_firms ?? 0));
  const firms = await tableValues(w.page, 'core-firms');
  for (const [y, n] of byYear) assertClose(firms.get(`${y}|total`), n, `core firms ${y}`);

  // The headline card shows the latest value of the same series.
  const latest = [...share].filter((r) => r.share_of_nation !== null).sort((a, b) => (b.year as number) - (a.year as number))[0];
  if (latest) assertClose(Number(await w.page.getAttribute('[data-headline="district-share"] .value', 'data-value')), latest.share_of_nation as number, 'card');

  await w.page.goto(site.server.url + 'trade/');
  const flows = await tableValues(w.page, 'share-by-flow');
  for (const r of tableRows('mart_trade_share').filter((r) => r.group_id === 'diamonds')) {
    assertClose(flows.get(`${r.year}|${r.flow}`), r.share_of_nation as number | null, `share ${r.year} ${r.flow}`);
  }
  // Years whose values could not be converted to USD (no exchange rate yet) have NULL values and are not charted.
  const partners = tableRows('mart_trade_partner_year').filter((r) => r.region_level === 'district' && r.group_id === 'diamonds' && r.flow === 'export' && r.value_usd !== null);
  if (partners.length) {
    const lastYear = Math.max(...partners.map((r) => r.year as number));
    const shownPartners = await tableValues(w.page, 'partners-export');
    for (const [key, v] of shownPartners) {
      const [x, code] = key.split('|');
      assert.equal(Number(x), lastYear);
      const expected = partners.filter((r) => r.year === lastYear && String(r.partner_code) === code).reduce((a, r) => a + Number(r.value_usd), 0);
      assertClose(v, expected, `partner ${code}`);
    }
  }
  await w.context.close();
});

test('synthetic data carries the 示例数据 marker on the page and in the chart file', { skip: !HAS_DATA && 'no published data' }, async () => {
  const origin = new URL(site.server.url).origin;
  const w = await watchedPage(origin);
  await w.page.goto(site.server.url);
  const used = tableRows('mart_trade_share').filter((r) => r.group_id === 'diamonds' && r.flow === 'total');
  const synthetic = used.some((r) => r.synthetic === true);
  assert.equal(await w.page.locator('[data-synthetic-banner]').count(), catalog.anySynthetic ? 1 : 0, 'site banner');
  const badge = w.page.locator('#district-share h2 [data-synthetic]');
  if (synthetic) {
    assert.ok(await badge.isVisible(), 'badge next to the figure');
    assert.equal((await badge.innerText()).trim(), '示例数据');
    assert.match(await w.page.locator('#district-share [data-summary]').innerText(), /示例数据/);
    const svg = await (await fetch(site.server.url + 'charts/zh/district-share.svg')).text();
    assert.match(svg, /示例数据/);
    assert.match(svg, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    await w.page.goto(site.server.url + 'en/');
    assert.equal((await w.page.locator('#district-share h2 [data-synthetic]').innerText()).trim(), 'Sample data');
  } else assert.equal(await badge.count(), 0);
  // Every indicator built from synthetic rows says so.
  for (const path of ['trade/', 'workforce/', 'enterprises/']) {
    await w.page.goto(site.server.url + path);
    const flags = await w.page.locator('section[data-indicator]').evaluateAll((ss) =>
      ss.map((s) => [(s as HTMLElement).dataset.syntheticIndicator, s.querySelector(':scope > h2 [data-synthetic]') !== null]),
    );
    for (const [flag, hasBadge] of flags) assert.equal(flag === 'true', hasBadge, path);
  }
  await w.context.close();
});

test('the language switch keeps the page, the query string and the anchor', async () => {
  const origin = new URL(site.server.url).origin;
  const w = await watchedPage(origin);
  await w.page.goto(site.server.url + 'trade/?year=2013#share-by-flow');
  await w.page.click('a[data-lang-switch]');
  await w.page.waitForURL(/\/en\/trade\//);
  assert.equal(new URL(w.page.url()).pathname, '/en/trade/');
  assert.equal(new URL(w.page.url()).search, '?year=2013');
  assert.equal(new URL(w.page.url()).hash, '#share-by-flow');
  assert.equal(await w.page.getAttribute('html', 'lang'), 'en');
  assert.equal(await w.page.locator('nav.site-nav a[aria-current="page"]').innerText(), 'Trade');
  await w.page.click('a[data-lang-switch]');
  await w.page.waitForURL((u) => u.pathname === '/trade/');
  assert.equal(await w.page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await w.page.locator('nav.site-nav a[aria-current="page"]').innerText(), '贸易');
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('the firm list searches and sorts', async () => {
  const origin = new URL(site.server.url).origin;
  const w = await watchedPage(origin);
  await w.page.goto(site.server.url + 'enterprises/');
  const rows = w.page.locator('table[data-firm-table] tbody tr');
  const n = await rows.count();
  if (n > 1) {
    const firstName = (await rows.first().locator('th').innerText()).trim();
    await w.page.fill('input[data-firm-search]', firstName);
    const visible = await w.page.locator('table[data-firm-table] tbody tr:not([hidden])').count();
    assert.ok(visible >= 1 && visible <= n);
    await w.page.fill('input[data-firm-search]', '');
    await w.page.click('table[data-firm-table] thead th:nth-child(6) button');
    const years = await w.page.locator('table[data-firm-table] tbody tr td:nth-child(6)').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.value ?? ''));
    const nums = years.filter(Boolean).map(Number);
    assert.deepEqual(nums, [...nums].sort((a, b) => a - b));
  }
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test('a build under a sub-path works', { timeout: 300_000 }, async () => {
  // The sub-path build scripts/run-tests.mjs made for all sub-path tests, or one of our own.
  const shared = process.env.SUB_DIST && process.env.SUB_BASE === '/sub/' ? process.env.SUB_DIST : null;
  const out = shared ?? mkdtempSync(join(tmpdir(), 'site-sub-'));
  try {
    if (!shared) {
      const b = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build', '--outDir', out], {
        cwd: ROOT,
        env: { ...process.env, BASE: '/sub/', ASTRO_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
      });
      assert.equal(b.status, 0, b.stderr || b.stdout);
    }
    const sub = await createStaticServer({ root: out, base: '/sub/', headers: { 'Content-Security-Policy': CSP } });
    try {
      const w = await watchedPage(new URL(sub.url).origin);
      await w.page.goto(sub.url);
      assert.equal(await w.page.getAttribute('html', 'lang'), 'zh-CN');
      await w.page.click('nav.site-nav a:text("贸易")');
      await w.page.waitForURL((u) => u.pathname === '/sub/trade/');
      assert.ok(await w.page.locator('h1').count());
      await w.page.click('a[data-lang-switch]');
      await w.page.waitForURL((u) => u.pathname === '/sub/en/trade/');
      if (HAS_DATA && existsSync(join(out, 'data', 'catalog.json'))) {
        // The explorer fetches the chosen chart from under the base, and its values answer hover there too.
        await w.page.selectOption('[data-explorer-group]', 'jewelry');
        await w.page.waitForSelector('[data-explorer-chart][data-src^="/sub/charts/en/trade/trade-share-jewelry-"] svg[data-chart]');
        const last = w.page.locator('#trade-explorer svg[data-chart] [data-x]').last();
        await last.scrollIntoViewIfNeeded();
        const mark = (await last.boundingBox())!;
        await w.page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
        assert.equal(await w.page.locator('#trade-explorer .chart-tip:not([hidden])').count(), 1);
      }
      if (HAS_DATA && existsSync(join(out, 'data', 'catalog.json'))) {
        // The embed code carries the full address of the embed page, base included, and that page loads.
        const code = await w.page.locator('textarea[data-embed-code]').first().inputValue();
        const src = /src="([^"]+)"/.exec(code)?.[1] ?? '';
        assert.ok(src.startsWith(`${new URL(sub.url).origin}/sub/en/embed/`), src);
        assert.equal((await fetch(src)).status, 200);
        const png = await w.page.locator('a[data-download="png"]').first().getAttribute('href');
        assert.ok(png?.startsWith('/sub/charts/en/'), png ?? '');
      }
      const hrefs = await w.page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const h of hrefs) assert.ok(h.startsWith('/sub/'), `link outside the base: ${h}`);
      if (HAS_DATA && existsSync(join(out, 'data', 'catalog.json'))) {
        const csv = await w.page.locator('a[data-download="csv"]').first().getAttribute('href');
        assert.ok(csv?.startsWith('/sub/data/'));
        assert.equal((await fetch(new URL(csv!, sub.url))).status, 200);
      }
      assert.deepEqual(w.foreign, []);
      assert.deepEqual(w.errors, []);
      assert.deepEqual(w.failed, []);
      await w.context.close();
    } finally {
      await sub.close();
    }
  } finally {
    if (!shared) rmSync(out, { recursive: true, force: true });
  }
});

test('the sources page lists every source and the quality report', { skip: !HAS_DATA && 'no published data' }, async () => {
  const quality = JSON.parse(readFileSync(join(DATA, 'quality.json'), 'utf8')) as {
    files: { file: string; rowsIn: number; loaded: number; quarantined: number }[];
    checks: unknown[];
  };
  const w = await watchedPage(new URL(site.server.url).origin);
  for (const path of ['sources/', 'en/sources/']) {
    await w.page.goto(site.server.url + path);
    const ids = await w.page.locator('table[data-sources-table] tr[data-source]').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.source));
    assert.deepEqual(ids, catalog.sources.map((s: { id: string }) => s.id));
    for (const s of catalog.sources as { id: string; synthetic: boolean }[]) {
      assert.equal(await w.page.locator(`tr[data-source="${s.id}"] [data-synthetic]`).count(), s.synthetic ? 1 : 0, s.id);
    }
    const files = await w.page.locator('table[data-quality-table] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [(tr as HTMLElement).dataset.file, ...[...tr.querySelectorAll('td[data-value]')].map((td) => Number((td as HTMLElement).dataset.value))]),
    );
    assert.deepEqual(files, quality.files.map((f) => [f.file, f.rowsIn, f.loaded, f.quarantined]));
    assert.equal(await w.page.locator('table[data-checks-table] tbody tr').count(), quality.checks.length);
  }
  assert.deepEqual(w.errors, []);
  await w.context.close();
});
