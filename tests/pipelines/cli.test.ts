// The command line: help, exit codes scripts can trust, and a clear message naming the file for bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', ...args], { encoding: 'utf8' });
}

test('--help prints usage and exits 0', () => {
  const r = cli(['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Usage: npm run pipeline/);
  assert.match(r.stdout, /--raw DIR/);
});

test('an unknown option exits 64 with the usage', () => {
  const r = cli(['--bogus']);
  assert.equal(r.status, 64);
  assert.match(r.stderr, /bogus/);
});

test('an undeclared file exits 2 and names it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  try {
    mkdirSync(join(dir, 'raw', 'x'), { recursive: true });
    writeFileSync(join(dir, 'raw', 'sources.json'), JSON.stringify({ sources: [] }));
    writeFileSync(join(dir, 'raw', 'x', 'mystery.csv'), 'a,b\n1,2\n');
    const r = cli(['--raw', join(dir, 'raw'), '--out', join(dir, 'out'), '--no-cache']);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /x\/mystery\.csv: not declared in sources\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file no adapter recognises exits 2, names the file and lists the formats expected', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  try {
    mkdirSync(join(dir, 'raw'), { recursive: true });
    writeFileSync(
      join(dir, 'raw', 'sources.json'),
      JSON.stringify({ sources: [{ path: 'odd.csv', id: 'odd', title: { zh: '怪', en: 'odd' }, publisher: 'p', licence: 'l', synthetic: true }] }),
    );
    writeFileSync(join(dir, 'raw', 'odd.csv'), '名称,数值\n甲,1\n');
    const r = cli(['--raw', join(dir, 'raw'), '--out', join(dir, 'out'), '--no-cache']);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /odd\.csv: no known extract format recognises this header: \[名称, 数值\]/);
    assert.match(r.stderr, /Enterprise registry/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
