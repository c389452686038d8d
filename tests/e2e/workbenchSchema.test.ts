// The workbench's schema panel documents every published table, from the published catalog, in both languages:
// title, description, row count, and every column with its description (as pipelines/models/schema.json words
// it for a mart). The panel is written from catalog.json at build time, so a mart another engineer adds to
// schema.json and pipelines/models/marts/ appears here with no code change, and this test checks it too.
// Reads the built site (dist/, or WORKBENCH_DIST=dir); no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Catalog } from '../../src/lib/catalog.ts';
import { pick, type Lang } from '../../src/lib/i18n.ts';
import { schemaPanel } from '../../src/scripts/workbench/panels/schema.ts';
import { FakeSession } from '../unit/workbench/panels/fakeSession.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(process.env.WORKBENCH_DIST ?? join(ROOT, 'dist'));
const CATALOG = join(DIST, 'data', 'catalog.json');

interface SchemaDoc {
  tables: Record<string, { title: { zh: string; en: string }; description: { zh: string; en: string }; columns: Record<string, { zh: string; en: string }> }>;
}
const schema = JSON.parse(readFileSync(join(ROOT, 'pipelines', 'models', 'schema.json'), 'utf8')) as SchemaDoc;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

for (const [lang, path] of [['zh', 'sql/index.html'], ['en', 'en/sql/index.html']] as [Lang, string][]) {
  test(`the ${lang} schema panel documents every published table and column`, { skip: !existsSync(CATALOG) && 'no published catalog: build the site first' }, () => {
    const catalog = JSON.parse(readFileSync(CATALOG, 'utf8')) as Catalog;
    assert.ok(catalog.tables.length > 0, 'the catalog publishes tables');
    const { document } = parseHTML(readFileSync(join(DIST, path), 'utf8'));
    const root = document.querySelector('[data-wb-schema]') as unknown as HTMLElement;
    assert.ok(root, 'the page has a schema panel');
    // The panel module sees the same tables, in the catalog's order.
    assert.deepEqual(schemaPanel(root, new FakeSession(lang)).tables(), catalog.tables.map((t) => t.name));

    const marts = catalog.tables.filter((t) => t.layer === 'mart');
    assert.ok(marts.length > 0, 'the catalog publishes marts');
    for (const table of catalog.tables) {
      const box = root.querySelector(`[data-wb-table="${table.name}"]`);
      assert.ok(box, `${table.name} is in the ${lang} schema panel`);
      const doc = schema.tables[table.name];
      if (table.layer === 'mart') assert.ok(doc, `${table.name} is documented in pipelines/models/schema.json`);
      const title = doc ? doc.title[lang] : pick(lang, table.title);
      const description = doc ? doc.description[lang] : pick(lang, table.description);
      assert.ok(title, `${table.name} has a ${lang} title`);
      assert.equal(squash(box.querySelector('.title')?.textContent), squash(title), `${table.name} title`);
      assert.equal(squash(box.querySelector('.desc')?.textContent), squash(description), `${table.name} description`);
      assert.ok(box.querySelector(`[data-wb-preview="${table.name}"]`), `${table.name} can be previewed`);
      const rows = [...box.querySelectorAll('table.cols tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => squash(td.textContent)));
      assert.deepEqual(rows.map((r) => r[0]), table.columns.map((c) => c.name), `${table.name} lists every column`);
      table.columns.forEach((c, i) => {
        const text = doc?.columns[c.name]?.[lang] ?? (lang === 'en' ? c.en ?? c.zh : c.zh ?? c.en);
        assert.ok(text, `${table.name}.${c.name} has a description`);
        assert.equal(rows[i][2], squash(text), `${table.name}.${c.name} ${lang} description`);
        assert.equal(rows[i][1], c.type, `${table.name}.${c.name} type`);
      });
    }
  });
}
