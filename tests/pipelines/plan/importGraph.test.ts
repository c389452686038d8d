// The import walk that decides which modules are part of a step's key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importClosure, staticImports } from '../../../pipelines/plan/importGraph.ts';
import { diskReader, withEdits } from '../../../pipelines/plan/codeReader.ts';

test('staticImports: run-time relative imports only (not types, comments or packages)', () => {
  const src = [
    `import { a } from './a.ts';`,
    `import type { T } from './types.ts';`,
    `export type { U } from './moreTypes.ts';`,
    `import {\n  b,\n  type B,\n} from "../b.ts";`,
    `import './side.ts';`,
    `export { c } from './c.ts';`,
    `export * from './d.ts';`,
    `// import { gone } from './commented.ts';`,
    `/* import { gone2 } from './blockComment.ts'; */`,
    `import { parse } from 'papaparse';`,
    `import { join } from 'node:path';`,
    `const m = await import('./lazy.ts');`,
    `const url = 'http://example.org/x'; export const y = 1;`,
  ].join('\n');
  assert.deepEqual(staticImports(src).sort(), ['../b.ts', './a.ts', './c.ts', './d.ts', './lazy.ts', './side.ts']);
});

test('importClosure finds transitive imports, each once, and nothing else', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-graph-'));
  try {
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'entry.ts'), `import { b } from './b.ts';\nimport type { T } from './typesOnly.ts';\nexport const a = b;`);
    writeFileSync(join(dir, 'b.ts'), `import { c } from './shared/c.ts';\nimport { a } from './entry.ts';\nexport const b = c;`);
    writeFileSync(join(dir, 'shared', 'c.ts'), `import { d } from '../d';\nexport const c = d;`);
    writeFileSync(join(dir, 'd.ts'), `export const d = 1;`);
    writeFileSync(join(dir, 'typesOnly.ts'), `export type T = number;`);
    writeFileSync(join(dir, 'unrelated.ts'), `export const u = 1;`);
    const rel = (files: string[]) => files.map((f) => f.slice(dir.length + 1));
    assert.deepEqual(rel(importClosure([join(dir, 'entry.ts')], diskReader)), ['b.ts', 'd.ts', 'entry.ts', 'shared/c.ts']);
    // An edit that adds an import adds the module (and what it imports) to the closure.
    const edited = withEdits(diskReader, { [join(dir, 'd.ts')]: `import { u } from './unrelated.ts';\nexport const d = u;` });
    assert.deepEqual(rel(importClosure([join(dir, 'entry.ts')], edited)), ['b.ts', 'd.ts', 'entry.ts', 'shared/c.ts', 'unrelated.ts']);
    // An import of a file that does not exist is an error, not a silently smaller key.
    const broken = withEdits(diskReader, { [join(dir, 'd.ts')]: `import { x } from './missing.ts';` });
    assert.throws(() => importClosure([join(dir, 'entry.ts')], broken), /missing\.ts/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
