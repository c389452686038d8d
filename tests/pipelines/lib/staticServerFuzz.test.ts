// Seeded fuzz of the `npm start` server over raw sockets: well over a thousand malformed requests (broken
// percent-encodings, traversal, bad methods and versions, oversized and duplicated headers, byte flips,
// truncation, binary garbage, hostile Range and framing headers). Every one gets a 4xx (or, when a mutation
// happens to leave a valid request, a normal answer) or a closed connection; none a 5xx, none the contents of a
// file outside the site; and the same process answers correct requests exactly afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawRequest, useServeProcess, type RawReply } from '../../helpers/rawHttp.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const COUNT = 1200;

/** mulberry32: a small seeded generator, so a failure is replayed with the same FUZZ_SEED. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

const PATHS = ['/sub/', '/sub/sources/', '/sub/sql/', '/sub/embed/x/', '/sub/data/warehouse.duckdb', '/sub/_astro/app.abc123.js', '/sub/index.html', '/', '/sub'];
const request = (method: string, path: string, headers: string[] = [], version = 'HTTP/1.1') =>
  `${method} ${path} ${version}\r\n${['Host: 127.0.0.1', ...headers, 'Connection: close'].join('\r\n')}\r\n\r\n`;

/** Each generator returns the bytes to send and the statuses that request may get (null: closed unanswered). */
const GENERATORS: Record<string, (r: Rng) => { bytes: Buffer | string; allowed: (number | null)[] }> = {
  percent: (r) => {
    const junk = r.pick(['%', '%%', '%g', '%2', '%zz', '%E0%A4%A', '%C0%AF', '%FF%FE', '%ED%A0%80', '%F4%90%80%80', '%u2215', '%0']);
    const p = r.pick(PATHS);
    // At the end of a segment, so the next character cannot complete the escape into a valid one.
    const at = r.pick([...p].flatMap((c, i) => (c === '/' && i > 0 ? [i] : [])).concat(p.length));
    return { bytes: request('GET', p.slice(0, at) + junk + p.slice(at)), allowed: [400] };
  },
  traversal: (r) => {
    const up = r.pick(['..', '%2e%2e', '.%2e', '%2E%2E', '..%2f..', '..\\..', '%2e%2e%5c', '....//']);
    const sep = r.pick(['/', '%2f', '%2F', '\\', '//']);
    const target = r.pick(['etc/passwd', 'etc/hostname', 'proc/self/environ', 'package.json', '.git/config']);
    const p = `/sub/${Array.from({ length: 1 + r.int(8) }, () => up).join(sep)}${sep}${target}`;
    return { bytes: request(r.pick(['GET', 'HEAD']), p), allowed: [400, 404] };
  },
  method: (r) => {
    const m = r.pick(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND', 'MKCOL', 'BREW', 'get', 'G ET', 'GET\t', 'XYZZY', '']);
    return { bytes: request(m, r.pick(PATHS), m === 'POST' || m === 'PUT' ? ['Content-Length: 3'] : []), allowed: [400, 405] };
  },
  version: (r) => ({ bytes: request('GET', r.pick(PATHS), [], r.pick(['HTTP/2.0', 'HTTP/3', 'HTTP/1.9', 'HTTP/0.9', 'HTTPS/1.1', 'http/1.1', '', 'HTTP/1.1 extra'])), allowed: [400, 505] }),
  hugeHeader: (r) => ({ bytes: request('GET', r.pick(PATHS), [`X-Pad: ${'a'.repeat(17_000 + r.int(50_000))}`]), allowed: [431, 400] }),
  manyHeaders: (r) => ({ bytes: request('GET', r.pick(PATHS), Array.from({ length: 2500 + r.int(3000) }, (_, i) => `X-H${i}: v`)), allowed: [431, 400] }),
  hugeUrl: (r) => ({ bytes: request('GET', `/sub/${'a/'.repeat(9_000 + r.int(20_000))}`), allowed: [431, 414, 400] }),
  badHeaders: (r) => {
    const h = r.pick([
      'Content-Length: -1', 'Content-Length: 1e9x', 'Content-Length: 5\r\nContent-Length: 6', 'Transfer-Encoding: chunked\r\nContent-Length: 4',
      'Transfer-Encoding: gzip, chunked, identity', 'Bad Header: x', 'X-Nul: a\0b', 'X-Ctl: \x07\x08', ': empty-name', 'Host: a\r\nHost: b',
      'Expect: 100-continue-please', 'X-Folded: a\r\n continued',
    ]);
    // A repeated Host or an unknown Expect is tolerated (Node answers 100 Continue, then the page).
    return { bytes: request('GET', r.pick(PATHS), [h]), allowed: [100, 200, 400, 404, 417] };
  },
  range: (r) => {
    const v = r.pick(['bytes=-', 'bytes=5-2', 'bytes=99999999999999999999-', 'bytes=0-1,2-3', 'bytes=abc', 'items=0-1', 'bytes=-0', 'bytes=4096-', 'bytes=--1', `bytes=${r.int(5000)}-${r.int(5000)}`]);
    return { bytes: request('GET', '/sub/data/warehouse.duckdb', [`Range: ${v}`]), allowed: [200, 206, 416] };
  },
  rawBytes: (r) => {
    const p = '/sub/' + Array.from({ length: 1 + r.int(12) }, () => String.fromCharCode(r.pick([0, 1, 0x7f, 0x80, 0xc0, 0xff, 0x20, 0x3c, 0x22, 0x0b]))).join('');
    // Only spaces (the parser folds a run of them) leave a valid request for the home page.
    return { bytes: Buffer.from(request('GET', p), 'latin1'), allowed: /^\/sub\/ +$/.test(p) ? [200] : [400, 404] };
  },
  flip: (r) => {
    const b = Buffer.from(request('GET', r.pick(PATHS), r.next() < 0.5 ? ['Range: bytes=0-9'] : []), 'latin1');
    for (let k = 1 + r.int(4); k > 0; k--) b[r.int(b.length)] = r.int(256);
    return { bytes: b, allowed: [200, 206, 301, 400, 404, 405, 416, 431, 505, null] };
  },
  truncate: (r) => {
    const b = request('GET', r.pick(PATHS), ['Accept: text/html']);
    return { bytes: b.slice(0, 1 + r.int(b.length - 2)), allowed: [400, null] };
  },
  garbage: (r) => ({ bytes: Buffer.from(Array.from({ length: 1 + r.int(3000) }, () => r.int(256))), allowed: [400, null] }),
  tlsHello: () => ({ bytes: Buffer.from('160301020001', 'hex'), allowed: [400, null] }),
};

const site = useServeProcess('/sub/');

test(`${COUNT} seeded malformed HTTP requests: no crash, no 5xx, no file outside the site, and the server keeps answering`, { timeout: 120_000 }, async () => {
  const r = rng(SEED);
  const kinds = Object.keys(GENERATORS);
  const jobs = Array.from({ length: COUNT }, (_, i) => {
    const kind = kinds[i % kinds.length];
    return { i, kind, ...GENERATORS[kind](r) };
  });
  const bad: string[] = [];
  const statuses = new Map<string, number>();
  const started = Date.now();
  let next = 0;
  // 16 connections at a time; each exchange is bounded, so the whole run is too.
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const reply: RawReply = await rawRequest(site.serve.port, job.bytes);
      const key = `${job.kind} ${reply.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      const show = () => `#${job.i} ${job.kind} ${JSON.stringify(job.bytes.toString('latin1').slice(0, 80))}`;
      if (reply.timedOut) bad.push(`${show()}: no answer and not closed in time`);
      else if (!job.allowed.includes(reply.status)) bad.push(`${show()}: ${reply.status}, allowed ${job.allowed.join('/')}`);
      if (/root:x:0:|\[core\]|"name": "cluster-dashboard"/.test(reply.text)) bad.push(`${show()}: served a file outside the site`);
    }
  }));
  const seconds = (Date.now() - started) / 1000;
  assert.deepEqual(bad.slice(0, 40), [], `seed ${SEED}: ${bad.length} bad replies`);
  assert.equal(site.serve.child.exitCode, null, 'the server process is still running');
  assert.ok(seconds < 90, `bounded in time (${seconds.toFixed(1)} s)`);
  // Every kind got an answer (not only closed sockets), so the requests did reach the request handling.
  for (const kind of kinds.filter((k) => !['truncate', 'garbage', 'tlsHello', 'flip'].includes(k))) {
    assert.ok([...statuses.keys()].some((k) => k.startsWith(kind + ' ') && !k.endsWith(' null')), `${kind} was answered`);
  }

  // Correct requests afterwards: exact bytes for a page, a Range of the database, the 404 page.
  const home = await rawRequest(site.serve.port, request('GET', '/sub/'));
  assert.equal(home.status, 200);
  assert.equal(home.text.split('\r\n\r\n')[1], readFileSync(join(site.root, 'index.html'), 'latin1'));
  const part = await rawRequest(site.serve.port, request('GET', '/sub/data/warehouse.duckdb', ['Range: bytes=10-19']));
  assert.equal(part.status, 206);
  assert.deepEqual(Buffer.from(part.text.split('\r\n\r\n')[1], 'latin1'), readFileSync(join(site.root, 'data/warehouse.duckdb')).subarray(10, 20));
  assert.equal((await rawRequest(site.serve.port, request('GET', '/sub/missing/'))).status, 404);
  console.log(`# ${COUNT} malformed requests in ${seconds.toFixed(1)} s (seed ${SEED}); replies: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
});
