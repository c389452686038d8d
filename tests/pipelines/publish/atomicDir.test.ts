// The output swap: a run killed between its two renames (the output moved aside, the new one not yet in place)
// is repaired by the next run before it does anything else, even if that run then fails or has nothing to do.
// The crash states are made on disk by hand, as a killed process leaves them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recoverInterruptedPublish, swapIn, prepareStagingDir } from '../../../pipelines/publish/atomicDir.ts';
import { runPipeline } from '../../../pipelines/run.ts';

// Above Linux's largest possible process id (2^22), so no process has it: a staging folder of a killed run.
const DEAD_PID = 9_999_999;

function folder(path: string, files: Record<string, string>): void {
  mkdirSync(path, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
}

function contents(path: string): Record<string, string> {
  return Object.fromEntries(readdirSync(path).sort().map((n) => [n, readFileSync(join(path, n), 'utf8')]));
}

/** The state a run killed between the two renames leaves: previous output aside, the new one still staged. */
function killedBetweenRenames(parent: string): { out: string; previous: Record<string, string> } {
  const out = join(parent, 'data');
  const previous = { 'build.json': '{"buildKey":"old"}', 'catalog.json': '{"tables":[]}' };
  folder(join(parent, '.data.previous'), previous);
  folder(join(parent, `.data.building-${DEAD_PID}`), { 'build.json': '{"buildKey":"new"}' });
  return { out, previous };
}

test('killed between the two renames: the previous output is put back and the leftovers removed', () => {
  const parent = mkdtempSync(join(tmpdir(), 'swap-'));
  try {
    const { out, previous } = killedBetweenRenames(parent);
    assert.equal(existsSync(out), false);
    recoverInterruptedPublish(out);
    assert.deepEqual(contents(out), previous);
    assert.deepEqual(readdirSync(parent), ['data']);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('killed after the second rename: the new output stays, the previous one is removed', () => {
  const parent = mkdtempSync(join(tmpdir(), 'swap-'));
  try {
    const out = join(parent, 'data');
    folder(out, { 'build.json': '{"buildKey":"new"}' });
    folder(join(parent, '.data.previous'), { 'build.json': '{"buildKey":"old"}' });
    recoverInterruptedPublish(out);
    assert.deepEqual(contents(out), { 'build.json': '{"buildKey":"new"}' });
    assert.deepEqual(readdirSync(parent), ['data']);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('the staging folder of a run still going is left alone', () => {
  const parent = mkdtempSync(join(tmpdir(), 'swap-'));
  try {
    const out = join(parent, 'data');
    folder(out, { 'build.json': '{}' });
    // The parent of this test process is alive for sure (and is not this process).
    const running = join(parent, `.data.building-${process.ppid}`);
    folder(running, { 'half.parquet': 'x' });
    recoverInterruptedPublish(out);
    assert.ok(existsSync(running));
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('a normal swap leaves only the new output', () => {
  const parent = mkdtempSync(join(tmpdir(), 'swap-'));
  try {
    const out = join(parent, 'data');
    folder(out, { 'a.txt': 'old' });
    const staging = prepareStagingDir(out);
    writeFileSync(join(staging, 'a.txt'), 'new');
    swapIn(staging, out);
    assert.deepEqual(contents(out), { 'a.txt': 'new' });
    assert.deepEqual(readdirSync(parent), ['data']);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('the next run restores the previous output before anything else, even when it then fails', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'swap-'));
  try {
    const { out, previous } = killedBetweenRenames(parent);
    // A raw folder the run refuses at once (an undeclared file): nothing is built.
    folder(join(parent, 'raw'), { 'sources.json': JSON.stringify({ sources: [] }), 'stray.csv': 'a\n1\n' });
    await assert.rejects(runPipeline({ rawDir: join(parent, 'raw'), outDir: out, cacheDir: null }), /stray\.csv: not declared/);
    assert.deepEqual(contents(out), previous);
    assert.deepEqual(readdirSync(parent).sort(), ['data', 'raw']);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
