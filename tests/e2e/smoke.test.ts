// A short browser smoke test of a built site, also run by .ci/run on Node 22 (SMOKE_DIST: a build made there):
// the home page, a chart page, an embed page and the SQL workbench's first query, with nothing from another
// origin, no failed request and no console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createStaticServer, type StaticServer } from '../../pipelines/lib/staticServer.ts';
import { CHROMIUM_ARGS, DIST, watchedPage } from '../helpers/siteBrowser.ts';

const root = resolve(process.env.SMOKE_DIST ?? DIST);
let server: StaticServer;
let browser: Browser;
before(async () => {
  assert.ok(existsSync(join(root, 'index.html')), `${root} holds no built site`);
  server = await createStaticServer({ root });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test(`smoke on Node ${process.versions.node}: pages, a chart, an embed and a workbench query`, { timeout: 120_000 }, async () => {
  const w = await watchedPage(browser, new URL(server.url).origin);
  for (const path of ['', 'en/', 'trade/', 'embed/natural-vs-lab-grown/']) {
    assert.equal((await w.page.goto(server.url + path))?.status(), 200, path);
    assert.ok(await w.page.locator('h1').count(), path);
  }
  assert.ok(await w.page.locator('figure svg[role="img"]').count(), 'a chart is drawn');
  await w.page.goto(server.url + 'sql/');
  await w.page.waitForSelector('[data-workbench][data-ready="true"][data-runs]', { timeout: 90_000 });
  assert.ok(Number(await w.page.getAttribute('[data-wb-results]', 'data-rows')) > 0, 'the first query returned rows');
  assert.deepEqual(w.foreign, []);
  assert.deepEqual(w.failed, []);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});
