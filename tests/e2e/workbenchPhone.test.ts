// The workbench on a 390 px phone screen (/sql/ and /en/sql/): after a result far wider than the screen, the page
// itself is no wider than the screen, and the result table scrolls sideways inside its own box.
// Needs a built site (dist/, or WORKBENCH_DIST=dir) and /usr/bin/chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createStaticServer, type StaticServer } from '../../pipelines/lib/staticServer.ts';
import { encodeQuery } from '../../src/lib/workbench/shareLink.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(process.env.WORKBENCH_DIST ?? join(ROOT, 'dist'));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { width: 390, height: 844 };

/** Twelve columns of 60-character text and numbers: several thousand pixels wide however it is drawn. */
const WIDE_SQL = `SELECT i, ${Array.from({ length: 12 }, (_, k) => `repeat('宽W', 30) || ${k} AS column_with_a_long_name_${k}`).join(', ')}\nFROM range(40) t(i)`;

let browser: Browser;
let server: StaticServer;

before(async () => {
  assert.ok(existsSync(join(DIST, 'sql', 'index.html')), `${DIST}/sql/ is missing: build the site first (npm run build)`);
  server = await createStaticServer({ root: DIST });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const path of ['sql/', 'en/sql/']) {
  test(`/${path} fits a 390 px screen with a wide result, which scrolls inside its own box`, async () => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      // A share link runs the wide query as the page's first query.
      await page.goto(`${server.url}${path}#${await encodeQuery(WIDE_SQL)}`);
      await page.waitForSelector('[data-workbench][data-ready="true"][data-runs="1"]', { timeout: 90_000 });
      assert.equal(await page.getAttribute('[data-wb-results]', 'data-rows'), '40', 'the wide query ran');
      const m = await page.evaluate(() => {
        const wrap = document.querySelector<HTMLElement>('[data-wb-grid-wrap]')!;
        const before = wrap.scrollLeft;
        wrap.scrollLeft = 300;
        window.scrollTo(500, 0);
        return {
          pageWidth: document.documentElement.scrollWidth,
          bodyWidth: document.body.scrollWidth,
          windowScrollX: window.scrollX,
          tableWidth: wrap.querySelector('table')!.getBoundingClientRect().width,
          boxWidth: wrap.clientWidth,
          boxScrollWidth: wrap.scrollWidth,
          overflowX: getComputedStyle(wrap).overflowX,
          scrolledFrom: before,
          scrolledTo: wrap.scrollLeft,
        };
      });
      assert.ok(m.tableWidth > 1500, `the result is wide (${m.tableWidth} px)`);
      assert.ok(m.pageWidth <= PHONE.width, `page is ${m.pageWidth} px wide on a ${PHONE.width} px screen`);
      assert.ok(m.bodyWidth <= PHONE.width, `body is ${m.bodyWidth} px wide`);
      assert.equal(m.windowScrollX, 0, 'the page does not scroll sideways');
      assert.ok(m.boxWidth <= PHONE.width, `the results box is ${m.boxWidth} px wide`);
      assert.ok(['auto', 'scroll'].includes(m.overflowX), `results box overflow-x is ${m.overflowX}`);
      assert.ok(m.boxScrollWidth > m.boxWidth, 'the results box has more to scroll to');
      assert.equal(m.scrolledFrom, 0);
      assert.equal(m.scrolledTo, 300, 'the results box scrolls sideways');
    } finally {
      await context.close();
    }
  });
}
