// `npm run pipeline -- --plan`: prints each step with its key and fresh or stale and why, and writes nothing
// (not the output folder, not the cache).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { runPipeline } from '../../../pipelines/run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'plan-option-'));
const raw = join(tmp, 'raw');
const out = join(tmp, 'out');
const cache = join(tmp, 'cache');

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', ...args], { encoding: 'utf8' });
}

/** Every file under a folder with its content hash and modification time. */
function snapshot(dir: string): Record<string, string> {
  const outMap: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else outMap[relative(dir, p)] = `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${st.mtimeMs}`;
    }
  };
  walk(dir);
  return outMap;
}

function lineOf(stdout: string, id: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith(id + ' '));
  assert.ok(line, `a line for ${id} in:\n${stdout}`);
  return line!;
}

before(async () => {
  cpSync('data/raw', raw, { recursive: true });
  await runPipeline({ rawDir: raw, outDir: out, cacheDir: cache });
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('--plan with no output yet: every step stale, "not built before", and the output folder is not created', () => {
  const none = join(tmp, 'none');
  const r = cli(['--plan', '--raw', raw, '--out', none, '--cache', join(tmp, 'no-cache-yet')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(lineOf(r.stdout, 'stage:registry'), /^stage:registry\s+[0-9a-f]{12}\s+stale: not built before$/);
  assert.match(r.stdout, /steps stale/);
  assert.match(r.stdout, /\n\s+then frees stg_[a-z_]+/, 'says when staged tables are freed');
  assert.ok(!existsSync(none), 'no output folder');
  assert.ok(!existsSync(join(tmp, 'no-cache-yet')), 'no cache folder');
});

test('--plan after a build says fresh; after one extract changes, names it for its kind only; writes nothing', () => {
  const before = { out: snapshot(out), cache: snapshot(cache) };
  const r1 = cli(['--plan', '--raw', raw, '--out', out, '--cache', cache]);
  assert.equal(r1.status, 0, r1.stderr);
  assert.match(r1.stdout, /Nothing to do: every step is fresh/);
  assert.match(lineOf(r1.stdout, 'mart:mart_enterprises'), /\s[0-9a-f]{12}\s+fresh$/);

  const dir = join(raw, 'registry');
  const name = readdirSync(dir).find((n) => n.endsWith('.csv'))!;
  const lines = readFileSync(join(dir, name), 'utf8').replace(/\n$/, '').split('\n');
  writeFileSync(join(dir, name), lines.slice(0, -1).join('\n') + '\n');
  const r2 = cli(['--plan', '--raw', raw, '--out', out, '--cache', cache]);
  assert.equal(r2.status, 0, r2.stderr);
  assert.match(lineOf(r2.stdout, 'stage:registry'), new RegExp(`stale: input registry/${name.replace(/\./g, '\\.')} changed$`));
  assert.match(lineOf(r2.stdout, 'mart:mart_enterprises'), /stale: .*stage:registry.* changed$/);
  assert.match(lineOf(r2.stdout, 'stage:kimberley'), /fresh$/);
  assert.match(lineOf(r2.stdout, 'mart:mart_trade_monthly'), /fresh$/);
  assert.match(lineOf(r2.stdout, 'publish'), /stale/);
  assert.deepEqual(snapshot(out), before.out, 'the output folder is untouched');
  assert.deepEqual(snapshot(cache), before.cache, 'the cache is untouched');
});
