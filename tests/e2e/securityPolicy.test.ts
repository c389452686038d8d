// The Content-Security-Policy on every built page (meta tag) and from `npm start`'s server (headers), in
// Chromium: a `javascript:` link on /sources/ does not run; embed pages show inside an iframe on another origin
// (an intranet portal), other pages refuse to be framed there; the built HTML has no inline script to allow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createStaticServer, type StaticServer } from '../../pipelines/lib/staticServer.ts';
import { CHROMIUM_ARGS, DIST } from '../helpers/siteBrowser.ts';
import { EMBED_CSP, PAGE_CSP } from '../../src/lib/securityPolicy.ts';
import { WORKBENCH_CSP } from '../../src/lib/workbench/csp.ts';

let browser: Browser;
let site: StaticServer;
let portal: StaticServer;
let portalRoot: string;
before(async () => {
  site = await createStaticServer({ root: DIST });
  portalRoot = mkdtempSync(join(tmpdir(), 'portal-'));
  // Another port on 127.0.0.1 is another origin, as an intranet portal on another host would be.
  // The portal's own policy lets it frame other hosts (the site's policy would refuse any foreign frame).
  portal = await createStaticServer({ root: portalRoot, headers: { 'Content-Security-Policy': "default-src 'self'; frame-src http:" } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await site?.close();
  await portal?.close();
  rmSync(portalRoot, { recursive: true, force: true });
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

test('every built page has its policy as the first thing in <head> and no inline script to allow', () => {
  const files = htmlFiles(DIST);
  assert.ok(files.length > 50, `${files.length} pages`);
  for (const f of files) {
    const html = readFileSync(f, 'utf8');
    const route = relative(DIST, f).replace(/index\.html$/, '');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1].replace(/&#39;/g, "'"));
    const expected = /^(en\/)?sql\//.test(route) ? WORKBENCH_CSP : /^(en\/)?embed\//.test(route) ? EMBED_CSP : PAGE_CSP;
    assert.deepEqual(metas, [expected], route);
    const head = html.slice(0, html.indexOf('<meta http-equiv="Content-Security-Policy"'));
    assert.doesNotMatch(head, /<script|<link|<style/, `${route}: nothing loads before the policy`);
    assert.deepEqual(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [], [], `${route}: inline script`);
    assert.doesNotMatch(html, /\son[a-z]+=["']|href=["']\s*javascript:/i, `${route}: event-handler attribute or javascript: link`);
  }
});

test('a javascript: link on /sources/ does not run, by the meta tag alone and with the headers', async () => {
  for (const mode of ['meta only', 'headers and meta', 'no policy (control)'] as const) {
    const context = await browser.newContext({ bypassCSP: mode === 'no policy (control)' });
    if (mode === 'meta only') {
      // As if dist/ were copied to a server that sends no headers of its own.
      await context.route('**/*', async (route) => {
        const response = await route.fetch();
        const headers = Object.fromEntries(Object.entries(response.headers()).filter(([k]) => !/content-security-policy|x-frame-options/i.test(k)));
        await route.fulfill({ response, headers });
      });
    }
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
    await page.goto(site.url + 'sources/');
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.id = 'hostile';
      a.href = 'javascript:void(document.title="pwned")';
      a.textContent = 'source';
      document.querySelector('main')!.append(a);
    });
    await page.click('#hostile');
    await page.waitForTimeout(300);
    const title = await page.title();
    if (mode === 'no policy (control)') assert.equal(title, 'pwned', 'without a policy the link runs, so the check below can fail');
    else {
      assert.notEqual(title, 'pwned', `${mode}: the javascript: link ran`);
      assert.ok(violations.some((v) => /script-src/.test(v)), `${mode}: Chromium reports the blocked script (${violations.join(' | ')})`);
    }
    await context.close();
  }
});

test('embed pages show in an iframe on another origin; other pages refuse to be framed there', async () => {
  const frames = [
    { id: 'zh-embed', src: `${site.url}embed/natural-vs-lab-grown/`, framed: true },
    { id: 'en-embed', src: `${site.url}en/embed/natural-vs-lab-grown/`, framed: true },
    { id: 'page', src: `${site.url}trade/`, framed: false },
    { id: 'sql', src: `${site.url}sql/`, framed: false },
  ];
  writeFileSync(
    join(portalRoot, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title></head><body>${frames
      .map((f) => `<iframe id="${f.id}" src="${f.src}" width="760" height="500" title="${f.id}"></iframe>`)
      .join('')}</body></html>`,
  );
  assert.notEqual(new URL(portal.url).origin, new URL(site.url).origin);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(portal.url);
  await page.waitForLoadState('load');
  for (const f of frames) {
    const frame = await (await page.$(`#${f.id}`))!.contentFrame();
    // A refused frame shows Chromium's error page (chrome-error://) instead of the site's.
    const shown = frame?.url() === f.src && (await frame.locator('[data-source-line], .site-header').count()) > 0;
    assert.equal(shown, f.framed, `${f.id}: ${f.framed ? 'shown' : 'refused'} in a frame on another origin (${frame?.url()})`);
    if (f.framed) {
      assert.ok(await frame!.locator('figure svg[role="img"]').count(), `${f.id}: chart drawn`);
      assert.match(await frame!.locator('[data-source-line]').innerText(), /数据来源|Source/);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});
