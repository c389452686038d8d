// The built site (dist/) served by a test-controlled server, and Debian's Chromium, for the browser tests.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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
