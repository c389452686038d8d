// The `npm start` server (scripts/serve.ts over pipelines/lib/staticServer.ts) run as its own process: the
// security headers per page kind, and the malformed requests that once killed it (GET /% threw URIError).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawRequest, useServeProcess } from '../../helpers/rawHttp.ts';

const site = useServeProcess('/sub/');

const get = (path: string, extra = '') => rawRequest(site.serve.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`);
const header = (text: string, name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(text.split('\r\n\r\n')[0])?.[1];

test('every page carries the CSP and security headers; only embed pages may be framed by another origin', async () => {
  for (const path of ['/sub/', '/sub/sources/', '/sub/nothing-here', '/sub/sql/', '/sub/en/sql/', '/sub/embed/x/', '/sub/en/embed/x/']) {
    const r = await get(path);
    assert.ok(r.status === 200 || (r.status === 404 && path.includes('nothing')), `${path}: ${r.status}`);
    const csp = header(r.text, 'Content-Security-Policy') ?? '';
    assert.match(csp, /default-src 'self'/, path);
    assert.match(csp, /script-src 'self'(;| 'wasm-unsafe-eval')/, `${path}: no inline script allowed`);
    assert.doesNotMatch(csp, /unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe-inline/, path);
    assert.equal(header(r.text, 'X-Content-Type-Options'), 'nosniff', path);
    assert.equal(header(r.text, 'Referrer-Policy'), 'no-referrer', path);
    const embed = path.includes('/embed/');
    assert.equal(header(r.text, 'X-Frame-Options'), embed ? undefined : 'SAMEORIGIN', path);
    assert.equal(/frame-ancestors/.test(csp), !embed, `${path}: frame-ancestors only outside embed pages`);
    // WebAssembly for the workbench and the header's search box (Pagefind); embed pages have neither.
    assert.equal(/'wasm-unsafe-eval'/.test(csp), !embed, `${path}: wasm everywhere but on embed pages`);
  }
  assert.match(header((await get('/sub/sql/')).text, 'Content-Security-Policy')!, /worker-src 'self' blob:/);
});

test('malformed requests get 400, 404 or 405 and the server keeps serving', async () => {
  const cases: [string, number[]][] = [
    ['GET /% HTTP/1.1', [400]],
    ['GET /sub/% HTTP/1.1', [400]],
    ['GET /sub/%E0%A4%A HTTP/1.1', [400]],
    ['GET /sub/%C0%AF HTTP/1.1', [400]],
    ['GET /sub/%00 HTTP/1.1', [400]],
    ['GET /sub/../../../../etc/passwd HTTP/1.1', [400, 404]],
    ['GET /sub/%2e%2e/%2e%2e/%2e%2e/etc/passwd HTTP/1.1', [400, 404]],
    ['GET /sub/..%2f..%2f..%2fetc%2fpasswd HTTP/1.1', [400, 404]],
    ['DELETE /sub/ HTTP/1.1', [405]],
    ['PUT /sub/index.html HTTP/1.1', [405]],
    ['OPTIONS * HTTP/1.1', [400, 405]],
    ['BREW /sub/ HTTP/1.1', [400, 405]],
    [`GET /sub/ HTTP/1.1\r\nX-Huge: ${'x'.repeat(70_000)}`, [431]],
    ['GET /sub/ HTTP/7.0', [400, 505]],
  ];
  for (const [head, want] of cases) {
    const r = await rawRequest(site.serve.port, `${head}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    assert.ok(r.status !== null && want.includes(r.status), `${head.slice(0, 60)}: got ${r.status}, want ${want}`);
    assert.doesNotMatch(r.text, /root:x:0:0/, 'nothing outside the site is served');
  }
  assert.equal(site.serve.child.exitCode, null, 'the server is still running');
  const ok = await get('/sub/');
  assert.equal(ok.status, 200);
  assert.match(ok.text, /home page/);
});

test('Range requests on the database file answer exactly the bytes asked for', async () => {
  const r = await get('/sub/data/warehouse.duckdb', 'Range: bytes=100-103\r\n');
  assert.equal(r.status, 206);
  assert.equal(header(r.text, 'Content-Range'), 'bytes 100-103/4096');
  assert.deepEqual([...Buffer.from(r.text.split('\r\n\r\n')[1], 'latin1')], [100, 101, 102, 103].map((i) => (i * 7) % 256));
  assert.equal((await get('/sub/data/warehouse.duckdb', 'Range: bytes=5000-\r\n')).status, 416);
});
