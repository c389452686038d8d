// Which built pages the search index holds, which of Pagefind's files are dropped, and that a missing extended
// binary (the one that segments Chinese) stops the build with a reason instead of shipping a weaker index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { extendedBinary, isSearchedPage, isUnusedUiFile } from '../../scripts/searchIndex.ts';

test('indicator, methods and sources pages are indexed in both languages; embeds, brief, workbench and 404 are not', () => {
  for (const p of ['index.html', 'en/index.html', 'trade/index.html', 'en/parks/shawan/index.html', 'methods/index.html', 'en/sources/index.html', 'policy/index.html']) {
    assert.ok(isSearchedPage(p), p);
  }
  for (const p of ['404.html', 'embed/partners-export/index.html', 'en/embed/x/index.html', 'brief/index.html', 'en/brief/index.html', 'sql/index.html', 'en/sql/index.html', 'trade/other.html']) {
    assert.ok(!isSearchedPage(p), p);
  }
});

test("Pagefind's ready-made interface files are dropped, the search library and index are kept", () => {
  for (const n of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js']) assert.ok(isUnusedUiFile(n), n);
  for (const n of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.unknown.pagefind', 'fragment', 'index']) assert.ok(!isUnusedUiFile(n), n);
});

test('the extended binary is found here, and its absence is an error that says what to do', () => {
  assert.ok(existsSync(extendedBinary()), 'installed with pagefind for this platform');
  assert.throws(
    () => extendedBinary(() => {
      throw new Error('MODULE_NOT_FOUND');
    }),
    /pagefind_extended is not installed.*segments Chinese.*npm ci/,
  );
});
