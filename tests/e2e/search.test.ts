// The header's search box in Chromium, on the built site served with its own security headers: nothing under
// pagefind/ is requested until the box is focused; then the Chinese words (segmented by Pagefind's extended build)
// are found on the Chinese site and their English counterparts on the English site, each first result opening the
// indicator or section that holds the word, with no Content-Security-Policy violation on the way. Under a
// sub-path (the shared BASE=/sub/ build) the result links keep the sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Page } from 'playwright-core';
import { createStaticServer } from '../../pipelines/lib/staticServer.ts';
import { useSiteBrowser, watchedPage } from '../helpers/siteBrowser.ts';

// No csp override: the server sends the site's own policy (src/lib/securityPolicy.ts), as the deploy package does.
const site = useSiteBrowser({ csp: false });

const WORDS: Record<'zh' | 'en', string[]> = {
  zh: ['培育钻石', '加工贸易', '沙湾', '印度'],
  en: ['lab-grown', 'processing trade', 'Shawan', 'India'],
};

interface Hit {
  href: string;
  text: string;
}

async function search(page: Page, query: string): Promise<Hit[]> {
  const input = page.locator('[data-search-input]');
  await input.fill(query);
  await page.waitForFunction(
    (q) => {
      const form = document.querySelector<HTMLFormElement>('form[data-site-search]')!;
      const status = form.querySelector('[data-search-status]')!.textContent ?? '';
      return (form.dataset.searchState === 'done' || form.dataset.searchState === 'failed') && (status.includes(q) || form.querySelectorAll('[data-search-list] li').length > 0);
    },
    query,
    { timeout: 30_000 },
  );
  return page.$$eval('[data-search-list] li a', (as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent ?? '' })));
}

/** The text of the element a result links to (the indicator's section), or of <main> when the link has no anchor. */
async function targetText(page: Page, href: string): Promise<string> {
  await page.goto(href);
  return page.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = (id && document.getElementById(id)) || document.querySelector('main')!;
    // textContent, not innerText: a matched data table may sit in a closed <details>.
    return el.textContent ?? '';
  });
}

for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: the box loads nothing until focused, then finds ${WORDS[lang].join(', ')}`, { timeout: 180_000 }, async () => {
    const w = await watchedPage(site.browser, site.server.url.replace(/\/$/, ''));
    const requests: string[] = [];
    const violations: string[] = [];
    w.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    w.page.on('console', (m) => /Content Security Policy|Content-Security-Policy/i.test(m.text()) && violations.push(m.text()));
    try {
      const home = site.server.url + (lang === 'en' ? 'en/' : '');
      await w.page.goto(home, { waitUntil: 'networkidle' });
      assert.ok(await w.page.locator('[data-search-input]').isVisible(), 'the box is shown once its script runs');
      await w.page.mouse.wheel(0, 2000);
      await w.page.waitForTimeout(500);
      assert.deepEqual(requests.filter((p) => p.includes('/pagefind/')), [], 'no search file before the box is used');
      assert.ok(requests.some((p) => p.endsWith('.js')), 'the page did load its scripts (so the check above means something)');

      await w.page.focus('[data-search-input]');
      await w.page.waitForFunction(() => document.querySelector<HTMLFormElement>('form[data-site-search]')!.dataset.searchState === 'ready', null, { timeout: 30_000 });
      assert.ok(requests.some((p) => p.endsWith('/pagefind/pagefind.js')), 'focusing the box loads the search library');

      for (const word of WORDS[lang]) {
        await w.page.goto(home);
        const hits = await search(w.page, word);
        assert.ok(hits.length >= 1, `${lang}: "${word}" finds something`);
        for (const h of hits) assert.ok(new URL(h.href).pathname.startsWith(lang === 'en' ? '/en/' : '/') && !/\/(embed|brief|sql)\//.test(h.href), `${word}: ${h.href}`);
        if (lang === 'zh') assert.ok(hits.every((h) => !new URL(h.href).pathname.startsWith('/en/')), `${word}: Chinese results only`);
        const text = await targetText(w.page, hits[0].href);
        // Every word of the query is in what the first result opens (Pagefind matches words, not the phrase).
        for (const part of word.toLowerCase().split(/\s+/)) assert.ok(text.toLowerCase().includes(part), `${word}: the first result (${hits[0].href}) holds "${part}"`);
      }
      await w.page.goto(home);
      const none = await search(w.page, lang === 'zh' ? '鳄鱼' : 'zzzzqqq');
      assert.deepEqual(none, [], 'a word the site does not contain finds nothing');
      assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
      assert.deepEqual(w.errors, [], 'no console error');
      assert.deepEqual(w.foreign, [], 'nothing from another origin');
      assert.deepEqual(w.failed, [], 'no failed request');
    } finally {
      await w.context.close();
    }
  });
}

test('an indicator result links to the indicator’s section anchor', { timeout: 120_000 }, async () => {
  const w = await watchedPage(site.browser, site.server.url.replace(/\/$/, ''));
  try {
    await w.page.goto(site.server.url);
    const hits = await search(w.page, '印度');
    const anchored = hits.map((h) => new URL(h.href)).filter((u) => u.hash);
    assert.ok(anchored.length >= 1, 'at least one result with an anchor');
    await w.page.goto(anchored[0].href);
    const section = await w.page.evaluate(() => {
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      return el ? { tag: el.tagName, indicator: el.dataset.indicator ?? el.dataset.method ?? null } : null;
    });
    assert.deepEqual(section && { tag: section.tag, anchored: section.indicator !== null }, { tag: 'SECTION', anchored: true }, anchored[0].href);
  } finally {
    await w.context.close();
  }
});

const subDist = process.env.SUB_DIST && process.env.SUB_BASE === '/sub/' ? process.env.SUB_DIST : null;
test('under a sub-path the index loads from it and result links keep it', { skip: subDist ? false : 'needs the BASE=/sub/ build that npm test (scripts/run-tests.mjs) makes' }, async () => {
  const server = await createStaticServer({ root: subDist!, base: '/sub/' });
  const w = await watchedPage(site.browser, new URL(server.url).origin);
  try {
    await w.page.goto(`${server.url}en/`);
    const hits = await search(w.page, 'Shawan');
    assert.ok(hits.length >= 1, 'found under /sub/');
    for (const h of hits) assert.ok(new URL(h.href).pathname.startsWith('/sub/en/'), h.href);
    const text = await targetText(w.page, hits[0].href);
    assert.match(text, /Shawan/);
    assert.deepEqual(w.failed, []);
    assert.deepEqual(w.errors, []);
  } finally {
    await w.context.close();
    await server.close();
  }
});
