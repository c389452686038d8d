// The committed UN Comtrade sample through the whole pipeline (detect, land, stage, marts, checks, publish): every
// row loads, the checks pass, and the published mirror mart tells the sample's story with China's unpublished
// latest year marked partial and its empty sides explained.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline, type RunSummary } from '../../pipelines/run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'comtrade-run-'));
const out = join(tmp, 'out');
let summary: RunSummary;

before(async () => {
  summary = await runPipeline({ rawDir: 'data/raw', outDir: out, cacheDir: null });
});
after(() => rmSync(tmp, { recursive: true, force: true }));

type Mirror = {
  year: number;
  group_id: string;
  importer_iso3: string;
  exporter_iso3: string;
  importer_name_zh: string | null;
  importer_reported_usd: number | null;
  exporter_reported_usd: number | null;
  gap_usd: number | null;
  mirror_ratio: number | null;
  reading: string | null;
  note: string | null;
  synthetic: boolean;
  period_complete: boolean;
};

test('the Comtrade sample loads whole, the checks pass, and the mirror mart is published with its complete periods', () => {
  assert.equal(summary.status, 'built');
  const q = JSON.parse(readFileSync(join(out, 'quality.json'), 'utf8'));
  const f = q.files.find((x: { kind: string }) => x.kind === 'comtrade');
  assert.ok(f, 'the Comtrade export was recognised');
  assert.deepEqual([f.rowsIn > 200, f.loaded, f.quarantined], [true, f.rowsIn, 0]);
  const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
  const t = catalog.tables.find((x: { name: string }) => x.name === 'mart_mirror_trade');
  assert.ok(t, 'mart_mirror_trade is in the catalog');
  assert.equal(t.synthetic, true, 'sample data is marked synthetic');
  assert.equal(t.periods.completeThrough, 2024, 'China has not published 2025: the year is partial');
  assert.deepEqual(t.periods.incomplete.map((p: { period: number }) => p.period), [2025]);
});

test('the published mirror: India books more lab-grown rough from China than China reports, and every empty side says why', () => {
  const published: { columns: string[]; rows: unknown[][] } = JSON.parse(readFileSync(join(out, 'tables', 'mart_mirror_trade.json'), 'utf8'));
  const rows = published.rows.map((r) => Object.fromEntries(published.columns.map((c, i) => [c, r[i]])) as Mirror);
  assert.ok(rows.length > 0);
  const pick = (y: number, g: string, imp: string) => rows.find((r) => r.year === y && r.group_id === g && r.importer_iso3 === imp)!;
  const lgd = pick(2022, 'lab_grown_rough', 'IND');
  assert.deepEqual([lgd.exporter_iso3, lgd.importer_name_zh, lgd.reading, lgd.note], ['CHN', '印度', 'importer_higher', null]);
  assert.ok(lgd.mirror_ratio! > 1.1, `ratio ${lgd.mirror_ratio}`);
  assert.equal(lgd.gap_usd, lgd.importer_reported_usd! - lgd.exporter_reported_usd!);
  // India's confidential 2020 line of polished exports to China.
  const hidden = pick(2020, 'natural_polished', 'CHN');
  assert.deepEqual([hidden.exporter_reported_usd, hidden.gap_usd, hidden.mirror_ratio, hidden.note], [null, null, null, 'exporter_no_line']);
  for (const r of rows.filter((x) => x.year === 2025)) {
    assert.equal(r.period_complete, false);
    assert.ok(r.note === 'importer_not_published' || r.note === 'exporter_not_published', `${r.group_id} ${r.importer_iso3}: ${r.note}`);
  }
  for (const r of rows) {
    assert.equal(r.synthetic, true);
    assert.ok(r.mirror_ratio === null || Number.isFinite(r.mirror_ratio));
    assert.ok((r.mirror_ratio === null) === (r.reading === null));
    assert.ok(r.mirror_ratio !== null || r.note !== null, `${r.year} ${r.group_id} ${r.importer_iso3}: an empty ratio has a reason`);
  }
});
