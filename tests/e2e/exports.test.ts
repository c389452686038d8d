// Browser and file tests of what officials lift out of the site: the embed pages (inside an iframe on another
// page of the same origin), and each indicator's PNG, DOCX and chart CSV, checked against the published data.
// Needs a built dist/ (scripts/run-tests.mjs builds it; SKIP_BUILD=1 reuses one) and /usr/bin/chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { useSiteBrowser, publishedRows as tableRows, DIST, ROOT } from '../helpers/siteBrowser.ts';

const DATA = join(DIST, 'data');
const HAS_DATA = existsSync(join(DATA, 'catalog.json'));


// The host page lives in a temporary folder inside dist/, so the test server serves it from the same origin.
let host = '';
const site = useSiteBrowser({
  setup: () => {
    host = mkdtempSync(join(DIST, 'embed-host-'));
  },
  teardown: () => {
    if (host) rmSync(host, { recursive: true, force: true });
  },
});

test('a page with the embed code shows the chart, its title, source line and sample-data marker', { skip: !HAS_DATA && 'no published data' }, async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  // The embed code as the panel offers it, after the script made the address absolute.
  await page.goto(site.server.url + 'trade/');
  const code = await page.locator('#natural-vs-lab-grown textarea[data-embed-code]').inputValue();
  assert.match(code, new RegExp(`^<iframe src="${site.server.url}embed/natural-vs-lab-grown/"`));
  const synthetic = (await page.getAttribute('#natural-vs-lab-grown', 'data-synthetic-indicator')) === 'true';

  writeFileSync(join(host, 'index.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title></head><body><h1>政策建议</h1>${code}</body></html>`);
  await page.goto(`${site.server.url}${basename(host)}/`);
  const frame = page.frameLocator('iframe');
  await frame.locator('figure svg[role="img"]').waitFor();
  assert.ok((await frame.locator('figure svg [aria-label="bar"] rect, figure svg rect').count()) > 3, 'bars drawn');
  assert.equal((await frame.locator('h1').innerText()).replace('示例数据', '').trim(), '天然钻石与培育钻石');
  assert.match(await frame.locator('[data-source-line]').innerText(), /^数据来源：/);
  assert.equal(await frame.locator('h1 [data-synthetic]').count(), synthetic ? 1 : 0);
  assert.equal(await frame.locator('[data-synthetic-note]').count(), synthetic ? 1 : 0);
  const box = await page.locator('iframe').boundingBox();
  const inner = await frame.locator('body').evaluate((b) => b.scrollHeight);
  assert.ok(box && inner <= box.height + 1, `the frame (${box?.height}px) shows the whole embed (${inner}px)`);

  // English embed, at /en/embed/<id>/.
  const en = await context.newPage();
  assert.equal((await en.goto(site.server.url + 'en/embed/district-share/'))?.status(), 200);
  assert.equal(await en.getAttribute('html', 'lang'), 'en');
  assert.match(await en.locator('[data-source-line]').innerText(), /^Source: /);
  assert.deepEqual(errors, []);
  await context.close();
});

function pngSize(buf: Buffer): { width: number; height: number } {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(buf.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test('each panel downloads a valid PNG and a DOCX with caption, source and sample-data marker', { skip: !HAS_DATA && 'no published data' }, async () => {
  const context = await site.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  for (const [path, id] of [['', 'district-share'], ['en/trade/', 'partners-export']]) {
    await page.goto(site.server.url + path);
    const section = page.locator(`#${id}`);
    const title = (await section.locator(`#${id}-title`).innerText()).replace(/示例数据|Sample data/, '').trim();
    const synthetic = (await section.getAttribute('data-synthetic-indicator')) === 'true';

    const [download] = await Promise.all([page.waitForEvent('download'), section.locator('a[data-download="png"]').click()]);
    assert.equal(download.suggestedFilename(), `${id}.png`);
    const png = readFileSync((await download.path())!);
    const { width, height } = pngSize(png);
    assert.ok(width >= 1200 && height >= 400 && width < 4000 && height < 4000, `${id}: ${width}×${height}`);
    assert.ok(png.length > 20_000 && png.length < 2_000_000, `${id}: ${png.length} bytes`);

    const docxHref = await section.locator('a[data-download="docx"]').getAttribute('href');
    const res = await fetch(new URL(docxHref!, site.server.url));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /wordprocessingml/);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    assert.ok(text.includes(title), `${id}: caption has the title`);
    assert.match(text, path.startsWith('en/') ? /Source: / : /数据来源：/);
    assert.equal(text.includes('示例数据'), synthetic, `${id}: sample-data marker`);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    assert.equal(media.length, 1);
    pngSize(Buffer.from(await zip.file(media[0])!.async('uint8array')));
  }
  await context.close();
});

test('the chart CSV holds exactly the rows the chart draws, with BOM and the sample-data column', { skip: !HAS_DATA && 'no published data' }, async () => {
  const res = await fetch(site.server.url + 'charts/zh/share-by-flow.csv');
  assert.equal(res.status, 200);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const rows = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
  const published = tableRows('mart_trade_share').filter((r) => r.group_id === 'diamonds' && ['total', 'import', 'export'].includes(String(r.flow)));
  assert.equal(rows.length, published.length);
  for (const r of published) {
    const shown = rows.find((x) => x['年份/year'] === String(r.year) && x['系列代码/series_id'] === r.flow);
    assert.ok(shown, `${r.year} ${r.flow}`);
    if (r.share_of_nation === null) assert.equal(shown['数值/value'], '');
    else assert.ok(Math.abs(Number(shown['数值/value']) - Number(r.share_of_nation)) < 1e-12, `${r.year} ${r.flow}`);
    assert.equal(shown['示例数据/sample_data'], String(r.synthetic === true));
    assert.match(shown['来源/source'], /^数据来源：/);
  }
  // No text cell of any chart CSV would run as a formula in Excel or WPS.
  for (const file of ['charts/zh/partners-export.csv', 'charts/en/global-kp-countries.csv']) {
    const r = await fetch(site.server.url + file);
    if (r.status !== 200) continue;
    const cells = Papa.parse<string[]>((await r.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat();
    for (const c of cells) assert.ok(!/^[=+@\t\r]/.test(c) && !/^-[^\d]/.test(c), `${file}: ${c}`);
  }
});

test('the trade explorer keeps ?group=&flow= in the address and shows the matching pre-rendered chart', { skip: !HAS_DATA && 'no published data' }, async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  // Without JavaScript the default chart is there (written into the page) and the menus, which need the script, are not.
  const noJs = await site.browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(site.server.url + 'trade/');
  assert.match((await plain.getAttribute('[data-explorer-chart]', 'data-src')) ?? '', /\/charts\/zh\/trade\/trade-share-diamonds-total\.svg$/);
  assert.equal(await plain.locator('[data-explorer-chart] svg[role="img"] svg[data-chart]').count(), 1);
  assert.equal(await plain.locator('[data-explorer-form]').isVisible(), false);
  await noJs.close();

  await page.goto(site.server.url + 'trade/?group=natural_polished&flow=export#trade-explorer');
  assert.equal(await page.inputValue('[data-explorer-group]'), 'natural_polished');
  assert.equal(await page.inputValue('[data-explorer-flow]'), 'export');
  await page.waitForSelector('[data-explorer-chart][data-src$="trade-share-natural_polished-export.svg"] svg[data-chart]');
  const src = await page.getAttribute('[data-explorer-chart]', 'data-src');
  assert.match((await page.locator('[data-explorer-chart] svg[role="img"]').getAttribute('aria-label')) ?? '', /天然钻石成品/, 'the chosen chart is in the page');
  assert.equal(await page.getAttribute('[data-explorer-download]', 'href'), src);
  const svg = await (await fetch(new URL(src!, site.server.url))).text();
  assert.match(svg, /天然钻石成品/);
  const rows = tableRows('mart_trade_share').filter((r) => r.group_id === 'natural_polished' && r.flow === 'export');
  if (rows.some((r) => r.synthetic === true)) assert.match(svg, /示例数据/);

  await page.selectOption('[data-explorer-group]', 'jewelry');
  await page.selectOption('[data-explorer-flow]', 'import');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('group'), 'jewelry');
  assert.equal(url.searchParams.get('flow'), 'import');
  assert.equal(url.hash, '#trade-explorer');
  await page.waitForSelector('[data-explorer-chart][data-src$="trade-share-jewelry-import.svg"] svg[data-chart]');
  assert.match(await page.locator('[data-explorer-summary]').innerText(), /贵金属首饰|首饰/);

  // The address round-trips: reloading, and the language switch, reopen the same choice.
  await page.reload();
  assert.equal(await page.inputValue('[data-explorer-group]'), 'jewelry');
  await page.click('a[data-lang-switch]');
  await page.waitForURL(/\/en\/trade\//);
  assert.equal(await page.inputValue('[data-explorer-flow]'), 'import');
  await page.waitForSelector('[data-explorer-chart][data-src$="/charts/en/trade/trade-share-jewelry-import.svg"] svg[data-chart]');

  // Back to the default choice: the parameters leave the address.
  await page.selectOption('[data-explorer-group]', 'diamonds');
  await page.selectOption('[data-explorer-flow]', 'total');
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the brief shows the chosen indicators with renumbered figures, captions and sources', { skip: !HAS_DATA && 'no published data' }, async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.server.url + 'brief/?ids=core-firms,district-share');
  const shown = await page.locator('[data-brief-item]:not([hidden])').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.briefItem));
  assert.deepEqual(shown, ['district-share', 'core-firms'], 'registry order');
  const captions = await page.locator('[data-brief-item]:not([hidden]) .brief-caption').allInnerTexts();
  assert.match(captions[0], /^图1\s*本区钻石进出口占全国比重/);
  assert.match(captions[1], /^图2/);
  for (const id of shown) {
    const item = page.locator(`[data-brief-item="${id}"]`);
    assert.match(await item.locator('[data-source-line]').innerText(), /^数据来源：/);
    if ((await item.getAttribute('data-synthetic-indicator')) === 'true') assert.equal(await item.locator('.brief-caption [data-synthetic]').count(), 1);
  }
  assert.equal(await page.locator('input[data-brief-choice]:checked').count(), 2);
  // Choosing more and submitting updates the address to one comma-separated list.
  await page.check('input[data-brief-choice][value="share-by-flow"]');
  await page.click('form[data-brief-form] button[type="submit"]');
  assert.equal(decodeURIComponent(new URL(page.url()).search), '?ids=district-share,core-firms,share-by-flow');
  assert.equal(await page.locator('[data-brief-item]:not([hidden])').count(), 3);
  // Print: the chooser is left out, the figures stay on A4.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('form[data-brief-form]').isVisible(), false);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000);
  await context.close();
});

test('the whole brief does not shift once its script runs; without script it still shows the tracker, last', { skip: !HAS_DATA && 'no published data' }, async () => {
  // Tall enough that the tracker and the first figures are on screen, below the chooser's list.
  const context = await site.browser.newContext({ viewport: { width: 1350, height: 2400 } });
  const page = await context.newPage();
  // The script held back until the page has painted, as on a slow connection: a local server delivers it before the
  // first paint, when moving things costs nothing.
  await page.route('**/_astro/*.js', async (route) => {
    await new Promise((r) => setTimeout(r, 500));
    await route.continue();
  });
  for (const path of ['brief/', 'en/brief/']) {
    await page.goto(site.server.url + path, { waitUntil: 'load' });
    assert.equal(await page.locator('[data-brief-tracker]').isVisible(), false, `${path}: no tracker without the preset`);
    // Cumulative layout shift as Chromium reports it (Lighthouse's CLS): hiding the tracker used to move every figure.
    const shift = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          let sum = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) sum += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => done(sum), 300);
        }),
    );
    assert.ok(shift < 0.01, `${path}: layout shift ${shift}`);
  }
  await context.close();
  const noJs = await site.browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(site.server.url + 'brief/');
  assert.ok(await plain.locator('[data-brief-tracker]').isVisible(), 'tracker shown without script');
  const lastIsTracker = await plain.evaluate(() => document.querySelector('[data-brief]')?.nextElementSibling?.hasAttribute('data-brief-tracker'));
  assert.equal(lastIsTracker, true, 'after the figures');
  await noJs.close();
});

test('every panel’s embed code gives a frame tall enough for its whole embed page', { skip: !HAS_DATA && 'no published data', timeout: 180_000 }, async () => {
  const cluster = JSON.parse(readFileSync(join(ROOT, 'data/cluster.json'), 'utf8')) as { parks: { id: string }[] };
  const routes = ['', 'trade/', 'workforce/', 'enterprises/', 'parks/', ...cluster.parks.map((p) => `parks/${p.id}/`)];
  // The snippet's width is 760 px; the frame's viewport is that wide.
  const context = await site.browser.newContext({ viewport: { width: 760, height: 400 } });
  const page = await context.newPage();
  const frames: { src: string; height: number }[] = [];
  for (const path of routes.flatMap((r) => [r, `en/${r}`])) {
    await page.goto(site.server.url + path);
    for (const code of await page.locator('textarea[data-embed-code]').evaluateAll((ts) => ts.map((t) => (t as HTMLTextAreaElement).value))) {
      frames.push({ src: /src="([^"]+)"/.exec(code)![1], height: Number(/height="(\d+)"/.exec(code)![1]) });
    }
  }
  assert.ok(frames.length > 20);
  const tooSmall: string[] = [];
  for (const f of frames) {
    assert.equal((await page.goto(f.src))?.status(), 200, f.src);
    const need = await page.evaluate(() => document.body.scrollHeight);
    if (need > f.height) tooSmall.push(`${f.src}: ${need} > ${f.height}`);
  }
  assert.deepEqual(tooSmall, []);
  await context.close();
});
