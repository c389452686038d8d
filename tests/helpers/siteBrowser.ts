// The built site (dist/) served by a test-controlled server, and Debian's Chromium, for the browser tests.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { createStaticServer, type StaticServer } from '../../pipelines/lib/staticServer.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

/** Debian's Chromium without anything that would reach the network on its own. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The Content-Security-Policy a strict intranet host would send with the content pages. */
export const SITE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

export interface SiteBrowser {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/**
 * Registers the test file's before/after hooks: serve dist/ (with SITE_CSP unless csp is false) and launch
 * Chromium. setup runs before the server starts, teardown after both are closed.
 */
export function useSiteBrowser(o: { csp?: boolean; setup?: () => void; teardown?: () => void } = {}): SiteBrowser {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), 'dist/ is missing: build the site first (npm run build)');
    o.setup?.();
    server = await createStaticServer({ root: DIST, ...(o.csp === false ? {} : { headers: { 'Content-Security-Policy': SITE_CSP } }) });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    o.teardown?.();
  });
  return {
    get browser() {
      return browser!;
    },
    get server() {
      return server!;
    },
  };
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Requests to other origins: aborted, and recorded here. */
  foreign: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Responses with a 4xx or 5xx status. */
  failed: string[];
}

/** A fresh context and page whose every request is checked: other origins aborted and recorded, errors collected. */
export async function watchedPage(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  const foreign: string[] = [];
  const errors: string[] = [];
  const failed: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin) {
      foreign.push(url);
      return route.abort();
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  return { context, page, foreign, errors, failed };
}

/** A published table's rows from its JSON file in dist/, as objects (none when the table has no JSON). */
export function publishedRows(name: string): Record<string, unknown>[] {
  const p = join(DIST, 'data', 'tables', `${name}.json`);
  if (!existsSync(p)) return [];
  const t = JSON.parse(readFileSync(p, 'utf8')) as { columns: string[]; rows: unknown[][] };
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}
