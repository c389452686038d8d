// The methods page in Chromium, in both languages: every formula the site computes is there, each analytic's
// indicator links to its formula, and the formula links to the published tables it reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSiteBrowser, watchedPage } from '../helpers/siteBrowser.ts';
import { METHODS } from '../../src/lib/methods.ts';
import { allIndicators } from '../../src/lib/indicators.ts';

const site = useSiteBrowser();

for (const lang of ['zh', 'en'] as const) {
  const root = lang === 'en' ? 'en/' : '';

  test(`${lang}: the methods page shows every formula, and its table links land on a published table`, async () => {
    const w = await watchedPage(site.browser, new URL(site.server.url).origin);
    try {
      await w.page.goto(site.server.url + root + 'methods/');
      for (const m of METHODS) {
        const section = w.page.locator(`section[data-method="${m.id}"]`);
        assert.equal(await section.count(), 1, m.id);
        assert.ok((await section.locator('.formula').innerText()).trim().length > 3, `${m.id}: formula shown`);
        assert.equal(await section.locator('h2').innerText(), m.title[lang]);
      }
      const tableLinks = await w.page.locator('section[data-method] a[href*="#table-"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      assert.ok(tableLinks.length >= METHODS.length);
      await w.page.goto(tableLinks.find((h) => h.endsWith('#table-mart_rca'))!);
      assert.equal(await w.page.locator('tr#table-mart_rca').count(), 1, 'the sources page lists mart_rca');
      assert.deepEqual(w.errors, []);
      assert.deepEqual(w.failed, []);
    } finally {
      await w.context.close();
    }
  });

  test(`${lang}: each analytic's indicator links to its formula on the methods page`, async () => {
    const w = await watchedPage(site.browser, new URL(site.server.url).origin);
    try {
      const linked = allIndicators().filter((d) => d.method && d.page === 'trade');
      assert.ok(linked.length >= 2);
      for (const d of linked) {
        await w.page.goto(site.server.url + root + 'trade/');
        const link = w.page.locator(`section[data-indicator="${d.id}"] [data-method-link] a`);
        assert.equal(await link.count(), 1, `${d.id} has a method link`);
        await link.click();
        await w.page.waitForURL((u) => u.pathname.endsWith('/methods/') && u.hash === `#${d.method}`);
        assert.ok(await w.page.locator(`section#${d.method}`).isVisible(), `${d.id} → #${d.method}`);
      }
    } finally {
      await w.context.close();
    }
  });
}
