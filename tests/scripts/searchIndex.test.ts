// Which built pages the search index holds, which of Pagefind's files are dropped, and that a missing extended
// binary (the one that segments Chinese) stops the build with a reason instead of shipping a weaker index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { extendedBinary, isSearchedPage, isUnusedUiFile, writeSearchIndex } from '../../scripts/searchIndex.ts';

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

test('a small built site is indexed per language, skipping the pages that do not belong, with no UI files left', async () => {
  const site = mkdtempSync(join(tmpdir(), 'search-index-'));
  try {
    const page = (lang: string, text: string) => `<!doctype html><html lang="${lang}"><body><nav>导航</nav><main data-pagefind-body><h1>${text}</h1><section id="a"><h3 id="a-title">${text}</h3><p>${text}</p></section></main></body></html>`;
    const files: Record<string, string> = {
      'index.html': page('zh-CN', '本区培育钻石出口'),
      'en/index.html': page('en', 'Lab-grown diamond exports'),
      'trade/index.html': page('zh-CN', '加工贸易'),
      '404.html': page('zh-CN', '找不到页面'),
      'embed/a/index.html': page('zh-CN', '嵌入'),
      'sql/index.html': page('zh-CN', '工作台'),
    };
    for (const [p, html] of Object.entries(files)) {
      mkdirSync(dirname(join(site, p)), { recursive: true });
      writeFileSync(join(site, p), html);
    }
    const s = await writeSearchIndex(site);
    assert.equal(s.pages, 3, 'home, English home and trade; not 404, embed or the workbench');
    assert.deepEqual(s.languages, ['en', 'zh-CN']);
    const out = readdirSync(join(site, 'pagefind'));
    assert.ok(out.includes('pagefind.js') && out.some((f) => /^pagefind\.zh-cn_.*\.pf_meta$/.test(f)) && out.some((f) => /^pagefind\.en_.*\.pf_meta$/.test(f)), out.join(', '));
    assert.deepEqual(out.filter(isUnusedUiFile), []);
    assert.ok(!readdirSync(site).some((f) => f.includes('partial')), 'no partial folder left');
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});
