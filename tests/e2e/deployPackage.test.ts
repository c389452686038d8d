// The deploy package on a real nginx (Debian's package): `npm run package` on the sub-path build, unpacked with
// tar, checked with sha256sum, served by nginx with the shipped configuration under /sub/ on 127.0.0.1, then
// its headers asserted and the site crawled in Chromium: pages, an embed page, and a workbench query that reads
// the DuckDB file in Range requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, watchedPage } from '../helpers/siteBrowser.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const SUB_DIST = process.env.SUB_DIST;
const SUB_BASE = process.env.SUB_BASE ?? '/sub/';
const skip = !NGINX ? 'nginx is not installed (apt-get install -y nginx; .ci/run does)' : !SUB_DIST ? 'needs the sub-path build that npm test (scripts/run-tests.mjs) makes' : false;

let work: string;
let pkg: string;
let archiveName: string;
let nginx: ChildProcess | undefined;
let origin: string;
let browser: Browser | undefined;

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

before(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'deploy-'));
  // nginx's workers run as an unprivileged user when started by root: they must be able to read the package.
  chmodSync(work, 0o755);
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--dist', SUB_DIST!, '--out', join(work, 'out')], { cwd: ROOT, env: { ...process.env, BASE: SUB_BASE }, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  [archiveName] = readdirSync(join(work, 'out'));
  execFileSync('tar', ['-xzf', join(work, 'out', archiveName), '-C', work]);
  pkg = join(work, archiveName.replace(/\.tar\.gz$/, ''));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const run = join(work, 'run');
  mkdirSync(run);
  // Only what a test needs around the shipped server block: its own prefix, pid, logs and temp paths, a free port.
  writeFileSync(join(run, 'nginx.conf'), `daemon off;
pid ${run}/nginx.pid;
error_log ${run}/error.log;
worker_processes 1;
events { worker_connections 64; }
http {
  access_log ${run}/access.log;
  client_body_temp_path ${run}/body; proxy_temp_path ${run}/proxy; fastcgi_temp_path ${run}/fastcgi; uwsgi_temp_path ${run}/uwsgi; scgi_temp_path ${run}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${pkg}/site;
    include ${pkg}/nginx/cluster-site.conf;
  }
}
`);
  nginx = spawn(NGINX!, ['-p', run, '-e', join(run, 'error.log'), '-c', join(run, 'nginx.conf')], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (await fetch(origin + SUB_BASE).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  if (nginx && nginx.exitCode === null) {
    nginx.kill('SIGQUIT');
    await new Promise((r) => nginx!.once('exit', r));
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the archive is named for cluster, date and commit and its manifest checks out', { skip }, () => {
  const cluster = JSON.parse(readFileSync(join(ROOT, 'data/cluster.json'), 'utf8')) as { id: string };
  assert.match(archiveName, new RegExp(`^${cluster.id}-site-${new Date().toISOString().slice(0, 10)}-([0-9a-f]{7}|nogit)\\.tar\\.gz$`));
  execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: pkg });
  const site = join(pkg, 'site', SUB_BASE.replace(/^\/|\/$/g, ''));
  const wasm = readdirSync(join(site, '_astro')).filter((f) => f.endsWith('.wasm'));
  assert.ok(wasm.length > 0);
  for (const f of [...wasm.map((w) => `_astro/${w}`), 'index.html']) {
    for (const ext of ['.gz', '.br']) assert.ok(existsSync(join(site, f + ext)), `${f}${ext}`);
  }
  assert.ok(!existsSync(join(site, 'data/warehouse.duckdb.gz')), 'the DuckDB file is not precompressed (it is read in ranges)');
  // The standalone nginx.conf is valid as shipped.
  const t = spawnSync(NGINX!, ['-t', '-p', pkg, '-e', join(work, 'run', 't.log'), '-c', 'nginx/nginx.conf'], { encoding: 'utf8' });
  assert.equal(t.status, 0, t.stderr);
});

test('nginx sends the policy, security, type and caching headers and answers Range requests', { skip }, async () => {
  const get = (path: string, headers: Record<string, string> = {}) => fetch(origin + SUB_BASE + path, { headers, redirect: 'manual' });
  const page = await get('');
  assert.equal(page.status, 200);
  // 'wasm-unsafe-eval' for the header's search box (Pagefind); nothing else beyond 'self'.
  assert.match(page.headers.get('content-security-policy')!, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';.*frame-ancestors 'self'$/);
  assert.equal(page.headers.get('x-frame-options'), 'SAMEORIGIN');
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  assert.ok(page.headers.get('etag'), 'pages revalidate by ETag');

  const sql = await get('en/sql/');
  assert.match(sql.headers.get('content-security-policy')!, /script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:/);
  const embed = await get('embed/natural-vs-lab-grown/');
  assert.equal(embed.status, 200);
  assert.doesNotMatch(embed.headers.get('content-security-policy')!, /frame-ancestors|wasm-unsafe-eval/);
  assert.equal(embed.headers.get('x-frame-options'), null);

  const astro = readdirSync(join(pkg, 'site', SUB_BASE.replace(/^\/|\/$/g, ''), '_astro'));
  const wasm = await get(`_astro/${astro.find((f) => f.endsWith('.wasm'))}`, { 'accept-encoding': 'gzip' });
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('content-encoding'), 'gzip', 'the precompressed copy is served');
  assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  await wasm.body?.cancel();

  const db = readFileSync(join(SUB_DIST!, 'data', 'warehouse.duckdb'));
  const part = await get('data/warehouse.duckdb', { range: 'bytes=4096-4111', 'accept-encoding': 'gzip, br' });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), `bytes 4096-4111/${db.length}`);
  assert.deepEqual(Buffer.from(await part.arrayBuffer()), db.subarray(4096, 4112));
  assert.equal(part.headers.get('cache-control'), 'no-cache');

  // The search index: Pagefind's binary pieces arrive byte for byte (already gzipped by Pagefind: no second
  // encoding), revalidated like the pages; its script as JavaScript.
  const searchDir = join(SUB_DIST!, 'pagefind');
  const meta = readdirSync(searchDir).find((f) => f.endsWith('.pf_meta'))!;
  const pf = await get(`pagefind/${meta}`, { 'accept-encoding': 'gzip, br' });
  assert.equal(pf.status, 200);
  assert.equal(pf.headers.get('content-type'), 'application/octet-stream');
  assert.equal(pf.headers.get('content-encoding'), null);
  assert.equal(pf.headers.get('cache-control'), 'no-cache');
  assert.deepEqual(Buffer.from(await pf.arrayBuffer()), readFileSync(join(searchDir, meta)));
  const pfjs = await get('pagefind/pagefind.js');
  assert.match(pfjs.headers.get('content-type')!, /^text\/javascript/);
  await pfjs.body?.cancel();

  const bare = await fetch(origin + SUB_BASE.replace(/\/$/, ''), { redirect: 'manual' });
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.get('location'), SUB_BASE);
  const missing = await get('no-such-page/');
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /404|找不到|not found/i);
  assert.ok(missing.headers.get('content-security-policy'));
});

test('in Chromium the site works from nginx under the sub-path: pages, an embed, a workbench query by Range', { skip, timeout: 180_000 }, async () => {
  const w = await watchedPage(browser!, origin);
  const ranges: string[] = [];
  w.page.on('response', (r) => {
    if (r.url().endsWith('/data/warehouse.duckdb') && r.status() === 206) ranges.push(r.headers()['content-range']);
  });
  for (const path of ['', 'trade/', 'en/sources/', 'embed/natural-vs-lab-grown/', 'en/embed/natural-vs-lab-grown/']) {
    const res = await w.page.goto(origin + SUB_BASE + path);
    assert.equal(res?.status(), 200, path);
    assert.ok(await w.page.locator('h1').count(), path);
  }
  assert.ok(await w.page.locator('figure svg[role="img"]').count(), 'the embed chart is drawn');
  // The search box, its index and WebAssembly under nginx's headers: a result linking below the sub-path.
  await w.page.goto(origin + SUB_BASE + 'en/');
  await w.page.locator('[data-search-input]').fill('Shawan');
  const hit = w.page.locator('[data-search-list] li a').first();
  await hit.waitFor({ timeout: 30_000 });
  assert.ok(new URL((await hit.getAttribute('href'))!, origin).pathname.startsWith(`${SUB_BASE}en/`), 'a result under the sub-path');
  await w.page.goto(origin + SUB_BASE + 'sql/');
  await w.page.waitForSelector('[data-workbench][data-ready="true"][data-runs]', { timeout: 90_000 });
  assert.ok(Number(await w.page.getAttribute('[data-wb-results]', 'data-rows')) > 0, 'the first query returned rows');
  assert.ok(ranges.length > 0, 'the database was read in Range requests');
  assert.deepEqual(w.foreign, []);
  assert.deepEqual(w.failed, []);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});
