// The deploy package's pure parts: its name, the tar writer (read back by the system's tar), the manifest, and
// the nginx rules (nginx drops inherited add_header lines in a location that sets its own, so each must carry all).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageEntries, packageName } from '../../../scripts/deploy/packageSite.ts';
import { nginxSiteConf, caddyfile } from '../../../scripts/deploy/serverConfig.ts';
import { tarGz } from '../../../scripts/deploy/tarball.ts';

test('the package is named for cluster, date and commit; an unusable cluster id is refused', () => {
  assert.equal(packageName('panyu-diamond', new Date('2026-12-01T23:59:00Z'), 'abc1234'), 'panyu-diamond-site-2026-12-01-abc1234');
  assert.throws(() => packageName('../x', new Date(), 'abc1234'), /cluster\.json: id/);
});

test('the archive unpacks with tar, long and non-ASCII paths included, and its SHA256SUMS verifies', async () => {
  const long = `charts/zh/${'很长的名字'.repeat(6)}/${'x'.repeat(90)}.svg`;
  const site = [
    { path: 'index.html', data: Buffer.from('<!doctype html>' + '页面'.repeat(2000)) },
    { path: long, data: Buffer.from('<svg/>') },
    { path: 'data/warehouse.duckdb', data: Buffer.alloc(5000, 7) },
  ];
  const entries = await packageEntries(site, { name: 'c-site-2026-12-01-abc1234', base: '/sub/' });
  const paths = entries.map((e) => e.path);
  assert.ok(paths.includes('c-site-2026-12-01-abc1234/site/sub/index.html.gz') && paths.includes('c-site-2026-12-01-abc1234/site/sub/index.html.br'));
  assert.ok(!paths.some((p) => p.includes('warehouse.duckdb.')), 'the DuckDB file has no compressed copy');
  const dir = mkdtempSync(join(tmpdir(), 'tar-'));
  try {
    writeFileSync(join(dir, 'a.tar.gz'), tarGz(entries, new Date('2026-12-01T00:00:00Z')));
    execFileSync('tar', ['-xzf', 'a.tar.gz'], { cwd: dir });
    const top = join(dir, 'c-site-2026-12-01-abc1234');
    assert.equal(readFileSync(join(top, 'site/sub', long), 'utf8'), '<svg/>');
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: top });
    writeFileSync(join(top, 'site/sub/index.html'), 'tampered');
    assert.throws(() => execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: top, stdio: 'pipe' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every nginx location carries the whole header set; only embed pages lack the frame restriction', () => {
  const conf = nginxSiteConf('/sub/');
  const blocks = [...conf.matchAll(/location ([^{]+)\{([^}]*)\}/g)].filter((m) => !m[2].includes('return 301'));
  assert.equal(blocks.length, 6);
  for (const [, where, body] of blocks) {
    for (const h of ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Cache-Control']) assert.match(body, new RegExp(`add_header ${h} `), `${where}: ${h}`);
    const embed = where.includes('embed');
    assert.equal(/X-Frame-Options/.test(body), !embed, where);
    assert.equal(/frame-ancestors/.test(body), !embed, where);
  }
  assert.match(conf, /location = \/sub \{\s+return 301 \/sub\/;/);
  assert.match(conf, /application\/wasm wasm;/);
  assert.match(caddyfile('/sub/'), /@embed path \/sub\/embed\/\* \/sub\/en\/embed\/\*/);
});
