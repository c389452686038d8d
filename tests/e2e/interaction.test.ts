// Browser tests of the charts' small islands against the built site (dist/): hover and keyboard tooltips show the
// published values in the reader's formatting, the same values sit in each mark's SVG <title> with JavaScript off,
// the trade explorer's period and the parks page's park choice live in the address and survive a reload, and
// axe stays clean with the islands in use. Expected values come from the published JSON and are formatted with
// the site's formatter; the numbers themselves are never written here.
// Needs a built dist/ (scripts/run-tests.mjs builds it; SKIP_BUILD=1 reuses one) and /usr/bin/chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatValue, type Unit } from '../../src/lib/format.ts';
import type { Lang } from '../../src/lib/i18n.ts';
import { useSiteBrowser, watchedPage as watched, publishedRows as tableRows, DIST, ROOT, type Watched } from '../helpers/siteBrowser.ts';

const DATA = join(DIST, 'data');
const HAS_DATA = existsSync(join(DATA, 'catalog.json'));
const CLUSTER = JSON.parse(readFileSync(join(ROOT, 'data/cluster.json'), 'utf8')) as { parks: { id: string }[] };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MARKER = { zh: '示例数据', en: 'Sample data' } as const;

type Row = Record<string, unknown>;

/** Sums a column per (series, year) the way a reader would from the published table; null when every row is null. */
function sumBy(rows: Row[], seriesOf: (r: Row) => string | null, column: string): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const r of rows) {
    const s = seriesOf(r);
    if (s === null) continue;
    const k = `${s}|${r.year}`;
    const v = r[column] === null || r[column] === undefined ? null : Number(r[column]);
    const cur = out.get(k) ?? null;
    out.set(k, v === null ? cur : (cur ?? 0) + v);
  }
  return out;
}

interface Expected {
  /** (series key|year) → published value. */
  values: Map<string, number | null>;
  unit: Unit;
  synthetic: boolean;
}

/** What three charts of different kinds should show, computed from the published tables only. */
function expected(id: string): Expected {
  const share = tableRows('mart_trade_share');
  if (id === 'district-share') {
    const rows = share.filter((r) => r.group_id === 'diamonds' && r.flow === 'total');
    return { values: sumBy(rows, () => 'total', 'share_of_nation'), unit: 'ratio', synthetic: rows.some((r) => r.synthetic === true) };
  }
  if (id === 'natural-vs-lab-grown') {
    const rows = share.filter((r) => r.flow === 'total');
    const group = (r: Row) => (/^natural_/.test(String(r.group_id)) ? 'natural' : /^lab_grown_/.test(String(r.group_id)) ? 'lab_grown' : null);
    const used = rows.filter((r) => group(r) !== null);
    return { values: sumBy(rows, group, 'district_value_usd'), unit: 'usd', synthetic: used.some((r) => r.synthetic === true) };
  }
  if (id === 'parks-active-firms') {
    const rows = tableRows('mart_park_year');
    return { values: sumBy(rows, (r) => String(r.park_id), 'active_firms'), unit: 'firms', synthetic: rows.some((r) => r.synthetic === true) };
  }
  throw new Error(`no expectation for ${id}`);
}

const site = useSiteBrowser();

/** A page whose requests to other origins are aborted and recorded, and whose console errors are collected. */
const watchedPage = (options: { javaScriptEnabled?: boolean } = {}) =>
  watched(site.browser, new URL(site.server.url).origin, { viewport: { width: 1100, height: 900 }, ...options });

async function closeClean(w: Watched): Promise<void> {
  assert.deepEqual(w.foreign, [], 'requests to other origins');
  assert.deepEqual(w.errors, [], 'console errors');
  await w.context.close();
}

interface Tip {
  text: string;
  x: string;
  key: string;
  v: string;
}

async function visibleTip(page: Page, scope: string): Promise<Tip> {
  const tip = page.locator(`${scope} .chart-tip:not([hidden])`);
  assert.equal(await tip.count(), 1, `${scope}: one tooltip shown`);
  return tip.evaluate((el) => {
    const d = (el as HTMLElement).dataset;
    return { text: (el as HTMLElement).innerText, x: d.x ?? '', key: d.key ?? '', v: d.v ?? '' };
  });
}

/** The tooltip names the value it shows; that value must be the published one, formatted as the site formats. */
function assertTipMatches(tip: Tip, e: Expected, lang: Lang, what: string): void {
  const want = e.values.get(`${tip.key}|${tip.x}`);
  assert.ok(want !== undefined && want !== null, `${what}: ${tip.key} ${tip.x} is a published value`);
  assert.ok(Math.abs(Number(tip.v) - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${what}: ${tip.v} ≠ ${want}`);
  assert.ok(tip.text.includes(formatValue(want, e.unit, lang)), `${what}: "${tip.text}" lacks ${formatValue(want, e.unit, lang)}`);
  assert.ok(tip.text.includes(lang === 'zh' ? `${tip.x}年` : tip.x), `${what}: the year`);
  assert.equal(tip.text.includes(MARKER[lang]), e.synthetic, `${what}: sample-data marker`);
}

async function hoverMark(page: Page, scope: string, x: number, s: number): Promise<void> {
  const mark = page.locator(`${scope} svg[data-chart] [data-x="${x}"][data-s="${s}"]`);
  await mark.scrollIntoViewIfNeeded();
  const box = await mark.boundingBox();
  assert.ok(box, `${scope}: mark ${x}/${s} is drawn`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

test('hovering a value shows a tooltip with the published value, in both languages and all chart kinds', { skip: !HAS_DATA && 'no published data' }, async () => {
  const w = await watchedPage();
  const cases = [
    { path: '', id: 'district-share' },
    { path: 'trade/', id: 'natural-vs-lab-grown' },
    { path: 'parks/', id: 'parks-active-firms' },
  ];
  for (const lang of ['zh', 'en'] as const) {
    for (const c of cases) {
      await w.page.goto(site.server.url + (lang === 'en' ? 'en/' : '') + c.path);
      const e = expected(c.id);
      const scope = `#${c.id}`;
      const keys = JSON.parse((await w.page.getAttribute(`${scope} svg[data-chart]`, 'data-keys')) ?? '[]') as string[];
      // Every published (series, year) with a value, hovered one after another.
      const targets = [...e.values].filter(([, v]) => v !== null).map(([k]) => k.split('|'));
      assert.ok(targets.length > 1, `${c.id}: published values`);
      for (const [key, year] of [targets[0], targets[Math.floor(targets.length / 2)], targets[targets.length - 1]]) {
        assert.ok(keys.includes(key), `${c.id}: series ${key} is drawn`);
        await hoverMark(w.page, scope, Number(year), keys.indexOf(key));
        const tip = await visibleTip(w.page, scope);
        assertTipMatches(tip, e, lang, `${lang} ${c.id} ${key} ${year}`);
      }
      // Off the chart, the tooltip goes.
      await w.page.mouse.move(1, 1);
      assert.equal(await w.page.locator(`${scope} .chart-tip:not([hidden])`).count(), 0, `${c.id}: tooltip hides`);
    }
  }
  await closeClean(w);
});

test('the keyboard reaches every value: focus shows the first, arrows walk years and series, Escape hides', { skip: !HAS_DATA && 'no published data' }, async () => {
  const w = await watchedPage();
  await w.page.goto(site.server.url + 'parks/');
  const e = expected('parks-active-firms');
  const scope = '#parks-active-firms';
  const svg = w.page.locator(`${scope} svg[data-chart]`);
  assert.equal(await svg.getAttribute('tabindex'), '0', 'the chart takes focus');
  // Reached with Tab like any control: from the element just before the figure.
  await w.page.locator(`${scope} h2`).evaluate((h) => {
    h.setAttribute('tabindex', '-1');
    (h as HTMLElement).focus();
  });
  await w.page.keyboard.press('Tab');
  assert.equal(await svg.evaluate((el) => el === document.activeElement), true, 'Tab lands on the chart');
  const first = await visibleTip(w.page, scope);
  assertTipMatches(first, e, 'zh', 'focus');
  await w.page.keyboard.press('ArrowRight');
  const next = await visibleTip(w.page, scope);
  assert.equal(next.key, first.key, 'ArrowRight keeps the series');
  assert.equal(Number(next.x), Math.min(...[...e.values].filter(([k, v]) => k.startsWith(`${first.key}|`) && v !== null).map(([k]) => Number(k.split('|')[1])).filter((y) => y > Number(first.x))));
  assertTipMatches(next, e, 'zh', 'ArrowRight');
  await w.page.keyboard.press('ArrowDown');
  const down = await visibleTip(w.page, scope);
  assert.equal(down.x, next.x, 'ArrowDown keeps the year');
  assert.notEqual(down.key, next.key, 'ArrowDown changes the series');
  assertTipMatches(down, e, 'zh', 'ArrowDown');
  await w.page.keyboard.press('End');
  const end = await visibleTip(w.page, scope);
  assert.equal(Number(end.x), Math.max(...[...e.values].filter(([k, v]) => k.startsWith(`${down.key}|`) && v !== null).map(([k]) => Number(k.split('|')[1]))));
  assertTipMatches(end, e, 'zh', 'End');
  // Screen readers hear the value the arrows land on.
  assert.ok((await w.page.locator('[role="status"]').innerText()).includes(formatValue(e.values.get(`${end.key}|${end.x}`)!, e.unit, 'zh')), 'announced');
  await w.page.keyboard.press('Escape');
  assert.equal(await w.page.locator(`${scope} .chart-tip:not([hidden])`).count(), 0, 'Escape hides');
  await closeClean(w);
});

test('with JavaScript off every value carries its formatted value in an SVG <title>', { skip: !HAS_DATA && 'no published data' }, async () => {
  const w = await watchedPage({ javaScriptEnabled: false });
  for (const lang of ['zh', 'en'] as const) {
    for (const [path, id] of [['', 'district-share'], ['trade/', 'natural-vs-lab-grown'], ['parks/', 'parks-active-firms']] as const) {
      await w.page.goto(site.server.url + (lang === 'en' ? 'en/' : '') + path);
      const e = expected(id);
      const keys = JSON.parse((await w.page.getAttribute(`#${id} svg[data-chart]`, 'data-keys')) ?? '[]') as string[];
      const marks = await w.page.locator(`#${id} svg[data-chart] [data-x]`).evaluateAll((els) =>
        els.map((el) => ({ x: (el as SVGElement).dataset.x!, s: Number((el as SVGElement).dataset.s), title: el.querySelector(':scope > title')?.textContent ?? null })),
      );
      const published = [...e.values].filter(([, v]) => v !== null);
      assert.equal(marks.length, published.length, `${lang} ${id}: one mark per published value`);
      for (const m of marks) {
        const want = e.values.get(`${keys[m.s]}|${m.x}`);
        assert.ok(want !== undefined && want !== null, `${id}: ${keys[m.s]} ${m.x} published`);
        assert.ok(m.title?.includes(formatValue(want, e.unit, lang)), `${lang} ${id} ${keys[m.s]} ${m.x}: title "${m.title}"`);
        assert.equal(m.title?.includes(MARKER[lang]), e.synthetic, `${id}: marker in the title`);
      }
      // No island ran: no tooltip element, no focus stop added.
      assert.equal(await w.page.locator('.chart-tip').count(), 0);
      assert.equal(await w.page.locator('svg[data-chart][tabindex]').count(), 0);
    }
  }
  // Every chart on the page has titles on its values, not only the three checked above.
  await w.page.goto(site.server.url + 'trade/');
  const untitled = await w.page.locator('svg[data-chart] [data-x]').evaluateAll((els) => els.filter((el) => !el.querySelector(':scope > title')?.textContent).length);
  assert.equal(untitled, 0);
  assert.ok((await w.page.locator('#trade-explorer svg[data-chart] [data-x] > title').count()) > 0, 'the explorer’s default chart is in the page');
  await closeClean(w);
});

/** The explorer's choice as published: the district's share for one group and flow. */
function shareOf(group: string, flow: string): Map<number, number> {
  return new Map(
    tableRows('mart_trade_share')
      .filter((r) => r.group_id === group && r.flow === flow && r.share_of_nation !== null)
      .map((r) => [Number(r.year), Number(r.share_of_nation)]),
  );
}

test('the trade explorer keeps the period in the address, veils the other years and states the period’s values', { skip: !HAS_DATA && 'no published data' }, async () => {
  const w = await watchedPage();
  const values = shareOf('natural_polished', 'export');
  const years = [...values.keys()].sort((a, b) => a - b);
  assert.ok(years.length >= 4, 'enough years to choose a period');
  const from = years[1];
  const to = years[years.length - 2];
  await w.page.goto(site.server.url + `trade/?group=natural_polished&flow=export&from=${from}&to=${to}#trade-explorer`);
  const period = w.page.locator('[data-explorer-period]');
  await period.waitFor({ state: 'visible' });
  assert.equal(await w.page.inputValue('[data-explorer-from]'), String(from));
  assert.equal(await w.page.inputValue('[data-explorer-to]'), String(to));
  assert.match((await w.page.locator('[data-explorer-chart]').getAttribute('data-src')) ?? '', /trade-share-natural_polished-export\.svg$/);
  const text = await period.innerText();
  assert.ok(text.includes(formatValue(values.get(from)!, 'ratio', 'zh')) && text.includes(formatValue(values.get(to)!, 'ratio', 'zh')), text);
  assert.ok(text.includes(`${from}年`) && text.includes(`${to}年`), text);
  assert.equal(await w.page.locator('#trade-explorer .period-shade').count(), 2, 'years before and after the period are veiled');

  // The swapped-in chart answers hover like the others, with the published value.
  await hoverMark(w.page, '#trade-explorer', to, 0);
  const tip = await visibleTip(w.page, '#trade-explorer');
  assert.equal(tip.x, String(to));
  assert.ok(tip.text.includes(formatValue(values.get(to)!, 'ratio', 'zh')), tip.text);

  // Changing the period rewrites the address; a reload and the language switch reopen it.
  await w.page.selectOption('[data-explorer-from]', String(years[0]));
  let url = new URL(w.page.url());
  assert.equal(url.searchParams.get('from'), String(years[0]));
  assert.equal(url.searchParams.get('to'), String(to));
  assert.equal(url.searchParams.get('group'), 'natural_polished');
  assert.equal(url.hash, '#trade-explorer');
  assert.equal(await w.page.locator('#trade-explorer .period-shade').count(), 1, 'only the years after the period are veiled');
  await w.page.reload();
  await period.waitFor({ state: 'visible' });
  assert.equal(await w.page.inputValue('[data-explorer-from]'), String(years[0]));
  assert.equal(await w.page.inputValue('[data-explorer-to]'), String(to));
  assert.equal(await w.page.inputValue('[data-explorer-group]'), 'natural_polished');
  await w.page.click('a[data-lang-switch]');
  await w.page.waitForURL(/\/en\/trade\//);
  await period.waitFor({ state: 'visible' });
  assert.equal(await w.page.inputValue('[data-explorer-to]'), String(to));
  assert.ok((await period.innerText()).includes(formatValue(values.get(to)!, 'ratio', 'en')));

  // A reversed period is put the right way round; the full period leaves the address.
  await w.page.goto(site.server.url + `trade/?from=${to}&to=${from}`);
  await period.waitFor({ state: 'visible' });
  assert.equal(await w.page.inputValue('[data-explorer-from]'), String(from));
  assert.equal(await w.page.inputValue('[data-explorer-to]'), String(to));
  const all = await w.page.locator('[data-explorer-from] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  await w.page.selectOption('[data-explorer-from]', all[0]);
  await w.page.selectOption('[data-explorer-to]', all[all.length - 1]);
  url = new URL(w.page.url());
  assert.equal(url.searchParams.has('from') || url.searchParams.has('to'), false, url.search);
  assert.equal(await w.page.locator('#trade-explorer .period-shade').count(), 0);
  await closeClean(w);
});

test('the parks page brings the chosen park forward and keeps ?park= in the address', { skip: !HAS_DATA && 'no published data' }, async () => {
  const w = await watchedPage();
  const park = CLUSTER.parks[1]?.id ?? CLUSTER.parks[0].id;
  await w.page.goto(site.server.url + `parks/?park=${park}`);
  assert.equal(await w.page.inputValue('[data-park-choice]'), park);
  assert.deepEqual(await w.page.locator('tr.is-chosen').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.parkRow)), [park]);
  for (const id of ['parks-active-firms', 'parks-diamond-trade']) {
    const keys = JSON.parse((await w.page.getAttribute(`#${id} svg[data-chart]`, 'data-keys')) ?? '[]') as string[];
    const chosen = String(keys.indexOf(park));
    assert.notEqual(chosen, '-1', `${id}: the park is charted`);
    const faded = await w.page.locator(`#${id} svg[data-chart] [data-s]`).evaluateAll((els) => els.map((el) => [(el as SVGElement).dataset.s, el.classList.contains('is-faded')]));
    for (const [s, isFaded] of faded) assert.equal(isFaded, s !== chosen, `${id}: series ${s}`);
  }
  const open = w.page.locator('[data-park-open]');
  assert.equal(await open.isVisible(), true);
  assert.equal(new URL((await open.getAttribute('href'))!, site.server.url).pathname, `/parks/${park}/`);

  // Hover still reads the chosen park's value.
  const e = expected('parks-active-firms');
  const keys = JSON.parse((await w.page.getAttribute('#parks-active-firms svg[data-chart]', 'data-keys')) ?? '[]') as string[];
  const lastYear = Math.max(...[...e.values].filter(([k, v]) => k.startsWith(`${park}|`) && v !== null).map(([k]) => Number(k.split('|')[1])));
  await hoverMark(w.page, '#parks-active-firms', lastYear, keys.indexOf(park));
  assertTipMatches(await visibleTip(w.page, '#parks-active-firms'), e, 'zh', 'chosen park');

  // Another park: the address follows and a reload keeps it; "all parks" clears it.
  const other = CLUSTER.parks[0].id;
  await w.page.selectOption('[data-park-choice]', other);
  assert.equal(new URL(w.page.url()).searchParams.get('park'), other);
  await w.page.reload();
  assert.equal(await w.page.inputValue('[data-park-choice]'), other);
  assert.equal(await w.page.locator(`tr.is-chosen[data-park-row="${other}"]`).count(), 1);
  await w.page.selectOption('[data-park-choice]', '');
  assert.equal(new URL(w.page.url()).search, '');
  assert.equal(await w.page.locator('tr.is-chosen, svg .is-faded').count(), 0);
  // An unknown park in a stale link shows every park alike.
  await w.page.goto(site.server.url + 'parks/?park=no-such-park');
  assert.equal(await w.page.inputValue('[data-park-choice]'), '');
  assert.equal(await w.page.locator('svg .is-faded').count(), 0);
  await closeClean(w);
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

test('axe finds nothing serious with the islands in use (tooltip shown, period and park chosen)', { skip: !HAS_DATA && 'no published data' }, async () => {
  // axe is injected as an inline script, which the site's own CSP would block: only this context bypasses it.
  const context = await site.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const problems: string[] = [];
  const states = [
    { path: '', focus: '#district-share svg[data-chart]' },
    {
      path: 'en/trade/?group=jewelry&flow=import&from=2015&to=2020',
      ready: '[data-explorer-chart][data-src$="trade-share-jewelry-import.svg"] svg[data-chart]',
      focus: '#trade-explorer svg[role="img"]',
    },
    { path: `parks/?park=${CLUSTER.parks[0].id}`, focus: '#parks-active-firms svg[data-chart]' },
    { path: 'brief/?ids=district-share,natural-vs-lab-grown', focus: '[data-brief-item]:not([hidden]) svg[data-chart]' },
  ];
  for (const s of states) {
    await page.goto(site.server.url + s.path);
    if (s.ready) await page.waitForSelector(s.ready);
    await page.locator(s.focus).first().focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('.chart-tip:not([hidden])').count(), 1, `${s.path}: tooltip shown`);
    await page.addScriptTag({ content: AXE });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })).violations;
    })) as AxeViolation[];
    for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      problems.push(`/${s.path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
  await context.close();
});
