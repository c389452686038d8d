// Names and type in the reader's language, in the built site (dist/) in Chromium: the Kimberley Process producers
// carry Chinese names on 中文 pages (chart, table, chart CSV) and English ones on English pages, never KP's own
// spelling; English pages set Latin faces first, so ’ is not a full-width CJK glyph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSiteBrowser, watchedPage, DIST } from '../helpers/siteBrowser.ts';

const site = useSiteBrowser();
const HAS_KP = existsSync(join(DIST, 'data', 'tables', 'mart_global_kp.json'));
const CJK = /[\u3400-\u9fff]/;
/** KP's own spellings of producers that the site must not show on a Chinese page. */
const KP_SPELLINGS = /Congo|Russian Federation|People's Republic|Botswana|Angola|Canada/;

async function kpLabels(path: string): Promise<{ table: string[]; chart: string[] }> {
  const w = await watchedPage(site.browser, new URL(site.server.url).origin);
  try {
    await w.page.goto(new URL(path, site.server.url).href);
    const table = await w.page.$$eval('[data-indicator-table="global-kp-countries"] tbody th', (ths) => ths.map((th) => th.textContent?.trim() ?? ''));
    const chart = await w.page.$$eval('#global-kp-countries svg text', (ts) => ts.map((t) => t.textContent?.trim() ?? '').filter(Boolean));
    return { table, chart };
  } finally {
    await w.context.close();
  }
}

test('KP producers have Chinese names on the Chinese trade page and English names on the English one', { skip: !HAS_KP && 'no published KP data' }, async () => {
  const zh = await kpLabels('trade/');
  assert.ok(zh.table.length >= 5, `zh table rows: ${zh.table.join(', ')}`);
  for (const name of zh.table) assert.ok(CJK.test(name) && !/[A-Za-z]/.test(name), `zh table shows "${name}"`);
  assert.ok(!zh.chart.some((s) => KP_SPELLINGS.test(s)), `zh chart text: ${zh.chart.join(' | ')}`);
  assert.ok(zh.chart.some((s) => zh.table.includes(s)), 'the chart is labelled with the same Chinese names');
  const en = await kpLabels('en/trade/');
  assert.equal(en.table.length, zh.table.length);
  for (const name of en.table) assert.ok(!CJK.test(name), `en table shows "${name}"`);
});

test('the chart CSV and SVG of the KP ranking carry the reader’s names', { skip: !HAS_KP && 'no published KP data' }, () => {
  const file = (lang: string, ext: string) => readFileSync(join(DIST, 'charts', lang, `global-kp-countries.${ext}`), 'utf8');
  const zhCsv = file('zh', 'csv');
  const seriesOf = (csv: string) => csv.split(/\r\n/).slice(1).filter(Boolean).map((l) => l.split(',')[3]);
  assert.ok(seriesOf(zhCsv).length >= 5);
  for (const s of seriesOf(zhCsv)) assert.ok(CJK.test(s) && !/[A-Za-z]/.test(s), `zh CSV series "${s}"`);
  assert.doesNotMatch(file('zh', 'svg'), KP_SPELLINGS);
  for (const s of seriesOf(file('en', 'csv'))) assert.ok(!CJK.test(s), `en CSV series "${s}"`);
});

/** The first family of the body's computed font, and the rendered width of ten right single quotes. */
async function typeOf(path: string): Promise<{ first: string; quotes: number; m: number }> {
  const w = await watchedPage(site.browser, new URL(site.server.url).origin);
  try {
    await w.page.goto(new URL(path, site.server.url).href);
    // A string, not a function: the test runner's transform would add helpers the page does not have.
    return (await w.page.evaluate(`(() => {
      const family = getComputedStyle(document.body).fontFamily;
      const span = document.createElement('span');
      document.body.append(span);
      span.textContent = '’’’’’’’’’’';
      const quotes = span.getBoundingClientRect().width;
      span.textContent = 'M';
      const m = span.getBoundingClientRect().width;
      span.remove();
      return { first: family.split(',')[0].trim().replace(/^["']|["']$/g, ''), quotes, m };
    })()`)) as { first: string; quotes: number; m: number };
  } finally {
    await w.context.close();
  }
}

test('English pages set Latin faces first, Chinese pages CJK faces first; ’ is narrow on English pages', async () => {
  const en = await typeOf('en/');
  const zh = await typeOf('');
  const cjkFaces = ['PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei'];
  assert.ok(!cjkFaces.includes(en.first) && en.first !== 'system-ui', `English page's first face: ${en.first}`);
  assert.ok(cjkFaces.includes(zh.first), `Chinese page's first face: ${zh.first}`);
  // In a CJK face ’ is full-width (one em each); in a Latin face it is a narrow mark.
  assert.ok(en.quotes < zh.quotes / 2, `ten ’: ${en.quotes.toFixed(1)} px on the English page, ${zh.quotes.toFixed(1)} px on the Chinese page`);
});

test('the firm list names industries in English on the English page (a labelled code when the configuration has no name)', async () => {
  const w = await watchedPage(site.browser, new URL(site.server.url).origin);
  try {
    await w.page.goto(new URL('en/enterprises/', site.server.url).href);
    const industries = await w.page.$$eval('[data-firm-table] tbody tr td:nth-of-type(3)', (tds) => [...new Set(tds.map((td) => td.textContent?.trim() ?? ''))]);
    assert.ok(industries.length > 1, industries.join(' | '));
    for (const name of industries) assert.ok(!CJK.test(name), `English firm list shows industry "${name}"`);
  } finally {
    await w.context.close();
  }
});
