// What the raw folder may hold: regular files and folders inside it. A FIFO, a device, a symbolic link leaving
// the folder, a link loop or a file name that is not UTF-8 is refused by name, without reading it, and the CLI
// exits 2 (unusable input) with a one-line message: no hang, no stack trace, never 1 ("checks failed").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listRawFiles } from '../../pipelines/rawFolder.ts';
import { readDeclarations } from '../../pipelines/discover.ts';
import { StructuralError } from '../../pipelines/sources/types.ts';

const SECRET = 'root:x:0:0:the-target-content';

/** A raw folder with a valid sources.json declaring everything under it, and a file outside it. */
function rawFolder(): { dir: string; raw: string; outside: string; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'raw-folder-'));
  const raw = join(dir, 'raw');
  mkdirSync(join(raw, 'x'), { recursive: true });
  writeFileSync(
    join(raw, 'sources.json'),
    JSON.stringify({ sources: [{ path: 'x/', id: 'x', title: { zh: '某', en: 'x' }, publisher: 'p', licence: 'l', synthetic: true }] }),
  );
  const outside = join(dir, 'passwd.csv');
  writeFileSync(outside, `${SECRET}\n`);
  return { dir, raw, outside, done: () => rmSync(dir, { recursive: true, force: true }) };
}

function cli(raw: string, out: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', '--raw', raw, '--out', out, '--no-cache', '--quiet'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** Runs the CLI on the folder: it must stop with exit 2 and one clean message, never hang or crash. */
function assertRefused(raw: string, out: string, message: RegExp) {
  const r = cli(raw, out);
  assert.equal(r.signal, null, `the pipeline hung (killed by ${r.signal})`);
  assert.equal(r.status, 2, `exit ${r.status}\n${r.stderr}`);
  assert.match(r.stderr, message);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.ok(!r.stderr.includes(SECRET) && !r.stdout.includes(SECRET), 'the target of a link is never echoed');
}

function refusedBy(raw: string, message: RegExp) {
  assert.throws(() => listRawFiles(raw), (e) => e instanceof StructuralError && message.test(e.message) && !e.message.includes(SECRET));
}

test('a regular file, a folder and a link to a file inside the folder are listed', () => {
  const f = rawFolder();
  try {
    writeFileSync(join(f.raw, 'x', 'a.csv'), 'a\n');
    symlinkSync('a.csv', join(f.raw, 'x', 'b.csv'));
    writeFileSync(join(f.raw, '.hidden'), 'h');
    assert.deepEqual(listRawFiles(f.raw).map((e) => e.relPath), ['sources.json', 'x/a.csv', 'x/b.csv']);
  } finally {
    f.done();
  }
});

test('a FIFO named like an extract is refused by name without being opened', () => {
  const f = rawFolder();
  try {
    execFileSync('mkfifo', [join(f.raw, 'x', 'x.csv')]);
    refusedBy(f.raw, /^x\/x\.csv: not a regular file \(a named pipe\)/);
    assertRefused(f.raw, join(f.dir, 'out'), /x\/x\.csv: not a regular file \(a named pipe\)/);
  } finally {
    f.done();
  }
});

test('a device is refused by name', (t) => {
  const f = rawFolder();
  try {
    symlinkSync('/dev/zero', join(f.raw, 'x', 'zero.csv'));
    refusedBy(f.raw, /^x\/zero\.csv: a symbolic link leading outside the raw folder/);
    rmSync(join(f.raw, 'x', 'zero.csv'));
    if (process.getuid?.() !== 0) {
      t.skip('making a device node (mknod) needs root');
      return;
    }
    execFileSync('mknod', [join(f.raw, 'x', 'zero.csv'), 'c', '1', '5']); // the same device as /dev/zero
    refusedBy(f.raw, /^x\/zero\.csv: not a regular file \(a character device\)/);
    assertRefused(f.raw, join(f.dir, 'out'), /x\/zero\.csv: not a regular file \(a character device\)/);
  } finally {
    f.done();
  }
});

test('a symbolic link out of the raw folder is refused, and its target is never read or echoed', () => {
  const f = rawFolder();
  try {
    symlinkSync(f.outside, join(f.raw, 'x', 'passwd.csv'));
    refusedBy(f.raw, /^x\/passwd\.csv: a symbolic link leading outside the raw folder/);
    assertRefused(f.raw, join(f.dir, 'out'), /x\/passwd\.csv: a symbolic link leading outside the raw folder/);
  } finally {
    f.done();
  }
});

test('sources.json itself linked out of the raw folder is refused without echoing the target', () => {
  const f = rawFolder();
  try {
    rmSync(join(f.raw, 'sources.json'));
    symlinkSync(f.outside, join(f.raw, 'sources.json'));
    assert.throws(() => readDeclarations(f.raw), (e) => e instanceof StructuralError && /symbolic link leading outside/.test(e.message) && !e.message.includes(SECRET));
    assertRefused(f.raw, join(f.dir, 'out'), /sources\.json: a symbolic link leading outside the raw folder/);
  } finally {
    f.done();
  }
});

test('a symbolic link loop is reported cleanly', () => {
  const f = rawFolder();
  try {
    symlinkSync('loop-b.csv', join(f.raw, 'x', 'loop-a.csv'));
    symlinkSync('loop-a.csv', join(f.raw, 'x', 'loop-b.csv'));
    refusedBy(f.raw, /^x\/loop-a\.csv: a symbolic link loop/);
    assertRefused(f.raw, join(f.dir, 'out'), /x\/loop-a\.csv: a symbolic link loop/);
  } finally {
    f.done();
  }
});

test('a folder linked to its own parent is a loop, not an endless walk', () => {
  const f = rawFolder();
  try {
    symlinkSync('..', join(f.raw, 'x', 'up'));
    refusedBy(f.raw, /^x\/up: a symbolic link loop/);
  } finally {
    f.done();
  }
});

test('a link to nothing is refused by name', () => {
  const f = rawFolder();
  try {
    symlinkSync('gone.csv', join(f.raw, 'x', 'dangling.csv'));
    refusedBy(f.raw, /^x\/dangling\.csv: a symbolic link to nothing/);
  } finally {
    f.done();
  }
});

test('a file name that is not valid UTF-8 is reported cleanly, its bytes shown', () => {
  const f = rawFolder();
  try {
    const name = Buffer.from([0x62, 0xe5, 0xff, 0x2e, 0x63, 0x73, 0x76]); // "b", two bytes no UTF-8 allows, ".csv"
    writeFileSync(Buffer.concat([Buffer.from(join(f.raw, 'x') + '/'), name]), 'a\n1\n');
    assert.equal(readdirSync(join(f.raw, 'x')).length, 1, 'the file system took the name');
    refusedBy(f.raw, /^x\/b\uFFFD+\.csv: the file name is not valid UTF-8 \(bytes 62 e5 ff 2e 63 73 76\)/);
    assertRefused(f.raw, join(f.dir, 'out'), /the file name is not valid UTF-8 \(bytes 62 e5 ff 2e 63 73 76\)/);
  } finally {
    f.done();
  }
});

test('a null entry in sources.json exits 2 naming it, not 70', () => {
  const f = rawFolder();
  try {
    writeFileSync(join(f.raw, 'sources.json'), JSON.stringify({ sources: [null] }));
    assertRefused(f.raw, join(f.dir, 'out'), /sources\.json: sources\[0\]: must be an object/);
  } finally {
    f.done();
  }
});

test('a raw folder that is a file is refused', () => {
  const f = rawFolder();
  try {
    refusedBy(join(f.raw, 'sources.json'), /not a folder/);
  } finally {
    f.done();
  }
});
