// The policy tracker in Chromium, in both languages: every measure of data/policy.json with its rows, statuses
// computed by the documented rule from the published data, illustrative targets marked, links to the full
// indicators, the CSV, and the brief's policy preset printing the tracker before the tracked figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { useSiteBrowser, watchedPage, DIST } from '../helpers/siteBrowser.ts';
import { policy } from '../../src/lib/policy.ts';
import { trackStatus } from '../../src/lib/policyStatus.ts';
import { trackedIndicatorIds } from '../../src/lib/tracker.ts';

const site = useSiteBrowser();

for (const lang of ['zh', 'en'] as const) {
  const root = lang === 'en' ? 'en/' : '';

  test(`${lang}: every measure and tracked indicator is on the tracker, with the status its numbers give`, async () => {
    const w = await watchedPage(site.browser, new URL(site.server.url).origin);
    try {
      const res = await w.page.goto(site.server.url + root + 'policy/');
      assert.equal(res?.status(), 200);
      for (const m of policy.measures) {
        assert.equal(await w.page.locator(`section[data-measure="${m.id}"]`).count(), 1, m.id);
        assert.equal(await w.page.locator(`section[data-measure="${m.id}"] tr[data-tracker-row]`).count(), m.indicators.length, `${m.id} rows`);
        for (const ti of m.indicators) {
          const row = w.page.locator(`tr[data-tracker-row="${m.id}/${ti.indicator}"]`);
          const status = await row.getAttribute('data-status');
          const latest = await row.locator('[data-latest]').getAttribute('data-latest');
          const baseline = await row.locator('[data-baseline]').getAttribute('data-baseline');
          const years = (await row.locator('td small').allInnerTexts()).join(' ');
          const latestYear = Number(/(\d{4})/.exec(years)?.[1]);
          const expected = trackStatus(
            baseline ? { year: ti.baselineYear, value: Number(baseline) } : null,
            latest ? { year: latestYear, value: Number(latest) } : null,
            ti.target ? { year: ti.target.year, value: ti.target.value, direction: ti.target.direction } : null,
          ).status;
          assert.equal(status, expected, `${m.id}/${ti.indicator}`);
          if (ti.target?.illustrative) assert.equal(await row.locator('[data-illustrative-target]').count(), 1, `${ti.indicator}: illustrative target marked`);
          // The row links to its full indicator, which exists on the page it names.
          const href = await row.locator('th a').getAttribute('href');
          const target = new URL(href!, site.server.url);
          await w.page.goto(target.href);
          assert.equal(await w.page.locator(`section[data-indicator="${ti.indicator}"]`).count(), 1, `${href}`);
          await w.page.goto(site.server.url + root + 'policy/');
        }
      }
      assert.ok(await w.page.locator('[data-synthetic]').count(), 'figures from sample data carry the marker');
      assert.deepEqual(w.errors, []);
      assert.deepEqual(w.failed, []);
    } finally {
      await w.context.close();
    }
  });

  test(`${lang}: the tracker CSV holds one row per tracked indicator, with the sample markers as columns`, () => {
    const csv = readFileSync(join(DIST, 'policy-tracker', `${lang}.csv`), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'BOM for Excel/WPS');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines.length - 1, policy.measures.reduce((n, m) => n + m.indicators.length, 0));
    assert.match(lines[0], /示例目标\/illustrative_target,示例数据\/sample_data$/);
  });

  test(`${lang}: the brief's policy preset prints the tracker and the tracked figures only`, async () => {
    const w = await watchedPage(site.browser, new URL(site.server.url).origin);
    try {
      await w.page.goto(site.server.url + root + 'policy/');
      await w.page.locator('a[data-policy-brief]').click();
      await w.page.waitForURL(/preset=policy/);
      assert.ok(await w.page.locator('[data-brief-tracker]').isVisible(), 'tracker shown');
      assert.equal(await w.page.evaluate(() => document.querySelector('[data-brief-tracker]')?.nextElementSibling?.hasAttribute('data-brief')), true, 'the tracker before the figures');
      assert.equal(await w.page.locator('[data-brief-tracker] tr[data-tracker-row]').count(), policy.measures.reduce((n, m) => n + m.indicators.length, 0));
      const shown = await w.page.locator('[data-brief-item]:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.briefItem));
      // The brief keeps the registry's order (stable figure numbers); the set is the tracker's.
      assert.deepEqual([...shown].sort(), trackedIndicatorIds().filter((id) => shown.includes(id)).sort(), 'only tracked indicators');
      assert.ok(shown.every((id) => trackedIndicatorIds().includes(id!)));
      assert.ok(shown.length >= 3);
      // Without the preset, the tracker is not printed.
      await w.page.goto(site.server.url + root + 'brief/?ids=' + shown[0]);
      assert.equal(await w.page.locator('[data-brief-tracker]').isVisible(), false);
      assert.deepEqual(w.errors, []);
    } finally {
      await w.context.close();
    }
  });
}

test('the tracker page stays small: under 60 KiB gzipped in all, under 10 KiB of script, no wasm', async () => {
  const w = await watchedPage(site.browser, new URL(site.server.url).origin);
  try {
    let gzip = 0;
    let js = 0;
    let wasm = 0;
    w.page.on('response', async (r) => {
      const body = await r.body().catch(() => Buffer.alloc(0));
      gzip += gzipSync(body).length;
      if (/\.m?js($|\?)/.test(r.url())) js += body.length;
      if (r.url().endsWith('.wasm')) wasm++;
    });
    await w.page.goto(site.server.url + 'policy/', { waitUntil: 'networkidle' });
    await w.page.waitForTimeout(200);
    assert.equal(wasm, 0);
    assert.ok(js <= 10 * 1024, `script ${js} bytes`);
    assert.ok(gzip <= 60 * 1024, `page ${gzip} bytes gzipped`);
  } finally {
    await w.context.close();
  }
});
