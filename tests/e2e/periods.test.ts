// The built site (dist/) against the real Kimberley Process file it ships: 2024 holds the first half-year only for
// the largest producers, so the world-production summary must speak of 2023 (not a 91% fall to 11 Mct in 2024), the
// "main producers, latest year" ranking must be 2023's with Russia and Botswana, and 2024 must be drawn as partial.
// Also: every link into data/ leads to a file that was written. Reads dist/ as files; no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { DIST } from '../helpers/siteBrowser.ts';
import type { Catalog } from '../../src/lib/contract/published.ts';

const BUILT = existsSync(join(DIST, 'index.html'));
const catalog: Catalog | null = existsSync(join(DIST, 'data', 'catalog.json')) ? JSON.parse(readFileSync(join(DIST, 'data', 'catalog.json'), 'utf8')) : null;
const kp = catalog?.tables.find((t) => t.name === 'mart_global_kp');
const KP_2024_PARTIAL = !!kp?.periods?.incomplete.some((i) => i.period === 2024);

function page(path: string): Document {
  return parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8')).document as unknown as Document;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'data' || n === '_astro' ? [] : htmlFiles(p);
    return n.endsWith('.html') ? [p] : [];
  });
}

test('world production: the summary speaks of the last complete year and leaves partial 2024 out', { skip: !KP_2024_PARTIAL && 'site not built with the shipped Kimberley file' }, () => {
  const zh = page('trade').querySelector('#global-kp-production [data-summary]')?.textContent?.trim() ?? '';
  const en = page('en/trade').querySelector('#global-kp-production [data-summary]')?.textContent?.trim() ?? '';
  assert.match(zh, /^2023年/, zh);
  assert.doesNotMatch(zh, /91\.4%|2024年，/, zh);
  assert.match(zh, /2024年数据不完整/, zh);
  assert.match(zh, /2024年上半年为[^，]+，比2023年同期（[^）]+，同一批报告方）(增长|下降)/, 'compared January–June with January–June');
  assert.match(en, /^In 2023,/, en);
  assert.doesNotMatch(en, /91\.4%|In 2024,/, en);
  const svg = page('trade').querySelector('#global-kp-production svg[data-chart="line"]');
  assert.ok(svg, 'chart drawn');
  const partial = [...svg.querySelectorAll('[data-partial="true"]')].map((el) => el.getAttribute('data-x'));
  assert.deepEqual(partial, ['2024'], '2024 is drawn as partial');
  assert.match(svg.outerHTML, /stroke-dasharray="5,4"/);
  const th = page('trade').querySelector('table[data-indicator-table="global-kp-production"] th[data-partial="true"]');
  assert.match(th?.textContent ?? '', /2024.*不完整/);
});

test('main producers rank 2023, with Russia and Botswana', { skip: !KP_2024_PARTIAL && 'site not built with the shipped Kimberley file' }, () => {
  const doc = page('en/trade');
  const svg = doc.querySelector('#global-kp-countries svg[data-chart="barLatest"]');
  const years = new Set([...(svg?.querySelectorAll('[data-x]') ?? [])].map((el) => el.getAttribute('data-x')));
  assert.deepEqual([...years], ['2023']);
  const labels = [...doc.querySelectorAll('table[data-indicator-table="global-kp-countries"] tbody th')].map((th) => th.textContent ?? '');
  assert.ok(labels.some((l) => /Russia/.test(l)), labels.join(' | '));
  assert.ok(labels.some((l) => /Botswana/.test(l)), labels.join(' | '));
  const summary = doc.querySelector('#global-kp-countries [data-summary]')?.textContent ?? '';
  assert.match(summary, /2023/);
});

test('every link into data/ on every page leads to a file that was written', { skip: !BUILT && 'no built site' }, () => {
  const missing: string[] = [];
  let links = 0;
  for (const file of htmlFiles(DIST)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\shref="([^"]*\bdata\/[^"#?]*)/g)) {
      const path = m[1].replace(/^\/+/, '');
      if (/^[a-z]+:/.test(path)) continue;
      links++;
      if (!existsSync(join(DIST, decodeURIComponent(path)))) missing.push(`${relative(DIST, file)} → ${m[1]}`);
    }
  }
  assert.ok(links > 0, 'the pages link published files');
  assert.deepEqual(missing, []);
});
