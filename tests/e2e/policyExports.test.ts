// The policy tracker exported like every indicator: PNG and DOCX beside its CSV (policy-tracker/<lang>.*), linked
// from /policy/ with the 示例 marker, and an embed page that shows the whole tracker inside another page's iframe.
// Needs a built dist/ (scripts/run-tests.mjs builds it; SKIP_BUILD=1 reuses one) and /usr/bin/chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { useSiteBrowser, watchedPage, DIST } from '../helpers/siteBrowser.ts';
import { policy } from '../../src/lib/policy.ts';
import { trackerModel } from '../../src/lib/tracker.ts';
import { trackerSvg } from '../../src/lib/trackerFiles.ts';

const HAS_PNG = existsSync(join(DIST, 'policy-tracker', 'zh.png'));
const ROWS = policy.measures.reduce((n, m) => n + m.indicators.length, 0);

let host = '';
const site = useSiteBrowser({
  setup: () => {
    host = mkdtempSync(join(DIST, 'tracker-host-'));
  },
  teardown: () => {
    if (host) rmSync(host, { recursive: true, force: true });
  },
});

function pngSize(buf: Buffer): { width: number; height: number } {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(buf.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

for (const lang of ['zh', 'en'] as const) {
  const root = lang === 'en' ? 'en/' : '';

  test(`${lang}: the tracker PNG is the tracker drawing at twice its size`, { skip: !HAS_PNG && 'no CJK font on this machine: PNG and DOCX are not built' }, () => {
    const png = readFileSync(join(DIST, 'policy-tracker', `${lang}.png`));
    const svg = trackerSvg(lang);
    const [w, h] = [/ width="(\d+)"/, / height="(\d+)"/].map((re) => Number(re.exec(svg)![1]));
    assert.deepEqual(pngSize(png), { width: 2 * w, height: 2 * h });
    assert.ok(h > ROWS * 24, `${h} px tall for ${ROWS} rows`);
    assert.ok(png.length > 40_000, `${png.length} bytes: drawn, not blank`);
  });

  test(`${lang}: the tracker DOCX holds every tracked row as a Word table, the picture and the sample marker`, { skip: !HAS_PNG && 'no CJK font on this machine' }, async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(DIST, 'policy-tracker', `${lang}.docx`)));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = unescapeXml(xml.replace(/<[^>]+>/g, ''));
    const measures = trackerModel(lang);
    for (const { measure, rows } of measures) {
      for (const r of rows) assert.ok(text.includes(r.title), `${measure.id}: ${r.title}`);
    }
    assert.equal((xml.match(/<w:tr>|<w:tr /g) ?? []).length, ROWS + 1, 'a head row and one row per tracked indicator');
    assert.ok(text.includes(lang === 'zh' ? '政策跟踪' : 'Policy tracker'));
    if (measures.some((m) => m.rows.some((r) => r.illustrative || r.synthetic))) assert.ok(text.includes('示例数据'), 'sample-data marker');
    if (lang === 'zh') assert.ok(text.includes('示例目标'), 'illustrative targets marked in the rows');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    assert.equal(media.length, 1);
    assert.deepEqual(pngSize(Buffer.from(await zip.file(media[0])!.async('uint8array'))), pngSize(readFileSync(join(DIST, 'policy-tracker', `${lang}.png`))), 'the PNG offered for download');
  });

  test(`${lang}: /policy/ links the exports, marked 示例, and its embed code shows the whole tracker in a frame`, async () => {
    const w = await watchedPage(site.browser, new URL(site.server.url).origin);
    try {
      await w.page.goto(site.server.url + root + 'policy/');
      const links = w.page.locator('[data-policy-downloads]');
      if (HAS_PNG) {
        for (const kind of ['png', 'docx']) {
          const href = await links.locator(`a[data-download="${kind}"]`).getAttribute('href');
          assert.equal(href, `/policy-tracker/${lang}.${kind}`);
          const res = await fetch(new URL(href!, site.server.url));
          assert.equal(res.status, 200, href!);
        }
      }
      assert.equal(await links.locator('[data-synthetic]').count(), 1, 'the exports are marked as sample');
      const code = await w.page.locator('[data-policy-embed] textarea[data-embed-code]').inputValue();
      assert.match(code, new RegExp(`^<iframe src="${site.server.url}${root}embed/policy-tracker/"`));
      writeFileSync(join(host, 'index.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title></head><body><h1>汇报</h1>${code}</body></html>`);
      await w.page.goto(`${site.server.url}${basename(host)}/`);
      const frame = w.page.frameLocator('iframe');
      await frame.locator('[data-embed="policy-tracker"]').waitFor();
      assert.equal(await frame.locator('tr[data-tracker-row]').count(), ROWS);
      assert.equal(await frame.locator('h1 [data-synthetic]').count(), 1);
      assert.equal(await frame.locator('[data-synthetic-note]').count(), 1);
      assert.ok((await frame.locator('[data-illustrative-target]').count()) > 0, 'illustrative targets marked');
      assert.equal(await frame.locator('tr[data-tracker-row] th a[target="_top"]').count(), ROWS, 'indicator links leave the frame');
      const box = await w.page.locator('iframe').boundingBox();
      const inner = await frame.locator('body').evaluate((b) => b.scrollHeight);
      assert.ok(box && inner <= box.height + 1, `the frame (${box?.height}px) shows the whole embed (${inner}px)`);
      assert.ok(box && box.height < inner + 400, `the frame (${box?.height}px) is not far taller than the embed (${inner}px)`);
      assert.deepEqual(w.errors, []);
      assert.deepEqual(w.failed, []);
    } finally {
      await w.context.close();
    }
  });
}
