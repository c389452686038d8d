import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { writeSample } from '../../../pipelines/generate/cli.ts';
import { generateSample } from '../../../pipelines/generate/generate.ts';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

test('two runs with the same seed write byte-identical folders', async () => {
  const [a, b] = [mkdtempSync(join(tmpdir(), 'gen-a-')), mkdtempSync(join(tmpdir(), 'gen-b-'))];
  try {
    await writeSample({ out: a });
    // XLSX zip entries carry a 2-second DOS timestamp: wait so an unpinned clock would show up as a diff.
    await new Promise((r) => setTimeout(r, 2100));
    await writeSample({ out: b });
    const fa = listFiles(a).map((p) => relative(a, p)).sort();
    const fb = listFiles(b).map((p) => relative(b, p)).sort();
    assert.deepEqual(fa, fb);
    assert.ok(fa.some((f) => f.endsWith('.xlsx')) && fa.some((f) => f.endsWith('.csv')));
    for (const f of fa) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs between runs`);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('the seed matters: another seed changes the data', async () => {
  const one = await generateSample({ seed: 1 });
  const two = await generateSample({ seed: 2 });
  const path = 'registry/panyu_registry_licence_fields.csv';
  assert.ok(!one.files.get(path)!.equals(two.files.get(path)!));
});

test('the CLI only replaces its own folders and leaves kimberley/ alone', async () => {
  const out = mkdtempSync(join(tmpdir(), 'gen-k-'));
  try {
    const { mkdirSync, writeFileSync, existsSync } = await import('node:fs');
    mkdirSync(join(out, 'kimberley'));
    writeFileSync(join(out, 'kimberley', 'kp.csv'), 'real');
    mkdirSync(join(out, 'registry'));
    writeFileSync(join(out, 'registry', 'stale.csv'), 'old');
    await writeSample({ out });
    assert.equal(readFileSync(join(out, 'kimberley', 'kp.csv'), 'utf8'), 'real');
    assert.ok(!existsSync(join(out, 'registry', 'stale.csv')), 'stale generated files must go');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the committed data/raw sample is what the generator produces today', async (t) => {
  const { existsSync } = await import('node:fs');
  if (!existsSync('data/raw/sources.json')) return t.skip('no committed sample');
  const sample = await generateSample();
  const stale = [...sample.files].filter(([rel, bytes]) => !existsSync(join('data/raw', rel)) || !readFileSync(join('data/raw', rel)).equals(bytes)).map(([rel]) => rel);
  assert.deepEqual(stale, [], 'run `npm run generate` and commit data/raw');
});
