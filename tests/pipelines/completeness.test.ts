// Complete periods: the generic rule (models/completeness/rule.sql) on small inputs, and the whole pipeline on the
// shipped Kimberley Process file, whose 2024 holds only the first half-year for Russia, Botswana, Canada, Angola….
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { all, exec, openDuck } from '../../pipelines/lib/duck.ts';
import { ruleSql } from '../../pipelines/completeness.ts';
import { runPipeline } from '../../pipelines/run.ts';
import type { Catalog, Quality } from '../../src/lib/contract/published.ts';

type Judged = { period: number; measure: string; complete: boolean; reference_period: number | null };

async function judge(rows: [number, string, number, number][]): Promise<Judged[]> {
  const { instance, conn } = await openDuck();
  try {
    const values = rows.map(([p, m, v, t]) => `(${p}, '${m}', ${v}, ${t})`).join(', ');
    await exec(conn, `CREATE TABLE coverage_input AS SELECT * FROM (VALUES ${values}) t(period, measure, value, tolerance)`);
    return (await all<Judged>(conn, ruleSql())).map((r) => ({ ...r, period: Number(r.period), reference_period: r.reference_period === null ? null : Number(r.reference_period) }));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const verdicts = (j: Judged[]) => Object.fromEntries([...new Set(j.map((r) => r.period))].map((p) => [p, j.filter((r) => r.period === p).every((r) => r.complete)]));

test('a last year with fewer months than the last complete year is incomplete', async () => {
  const j = await judge([[2022, 'months', 12, 0], [2023, 'months', 12, 0], [2024, 'months', 6, 0]]);
  assert.deepEqual(verdicts(j), { 2022: true, 2023: true, 2024: false });
  assert.equal(j.find((r) => r.period === 2024)!.reference_period, 2023);
});

test('partial periods are compared with the last complete one, never with each other', async () => {
  const j = await judge([[2021, 'months', 12, 0], [2022, 'months', 6, 0], [2023, 'months', 6, 0], [2024, 'months', 12, 0]]);
  assert.deepEqual(verdicts(j), { 2021: true, 2022: false, 2023: false, 2024: true });
  assert.equal(j.find((r) => r.period === 2023)!.reference_period, 2021);
});

test('every measure must hold, each within its tolerance; a measure missing from a period counts as 0', async () => {
  const j = await judge([
    [2022, 'reporters', 100, 0.1], [2022, 'months', 12, 0],
    [2023, 'reporters', 90, 0.1], [2023, 'months', 12, 0],
    [2024, 'reporters', 80, 0.1], [2024, 'months', 12, 0],
    [2025, 'reporters', 90, 0.1],
  ]);
  assert.deepEqual(verdicts(j), { 2022: true, 2023: true, 2024: false, 2025: false });
});

test('the shipped Kimberley file: 2024 is incomplete, the catalog says complete through 2023', { timeout: 120_000 }, async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'complete-kp-'));
  try {
    const raw = join(tmp, 'raw');
    mkdirSync(raw);
    cpSync('data/raw/kimberley', join(raw, 'kimberley'), { recursive: true });
    const decl = JSON.parse(readFileSync('data/raw/sources.json', 'utf8'));
    decl.sources = decl.sources.filter((s: { path: string }) => s.path.startsWith('kimberley/'));
    writeFileSync(join(raw, 'sources.json'), JSON.stringify(decl));
    const out = join(tmp, 'out');
    await runPipeline({ rawDir: raw, outDir: out, cacheDir: null });
    const { instance, conn } = await openDuck();
    try {
      const years = await all<{ year: number; complete: boolean; mct: number }>(
        conn,
        `SELECT year, bool_and(period_complete) AS complete, sum(carats) / 1e6 AS mct FROM read_parquet('${join(out, 'tables', 'mart_global_kp.parquet')}') GROUP BY 1 ORDER BY 1`,
      );
      const byYear = new Map(years.map((y) => [Number(y.year), y]));
      assert.equal(byYear.get(2024)?.complete, false, '2024 holds H1 only for the large producers');
      for (let y = 2003; y <= 2023; y++) assert.equal(byYear.get(y)?.complete, true, `${y} is complete`);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    const catalog: Catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
    const kp = catalog.tables.find((t) => t.name === 'mart_global_kp')!;
    assert.equal(kp.periods?.completeThrough, 2023);
    assert.deepEqual(kp.periods?.incomplete.map((i) => i.period), [2024]);
    const quality: Quality = JSON.parse(readFileSync(join(out, 'quality.json'), 'utf8'));
    const q = quality.periods?.find((p) => p.table === 'mart_global_kp');
    const m = q?.incomplete[0].measures[0];
    assert.ok(m && m.value < 0.5 && m.referencePeriod === 2023 && (m.referenceValue ?? 0) > 0.95, `coverage vs reference: ${JSON.stringify(m)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

const TRADEMAP = ['/work/shared/data/real/itc-trademap-diamonds-7102-7104', join(process.cwd(), '../shared/data/real/itc-trademap-diamonds-7102-7104')].find((d) => existsSync(d));

test('the team\'s Trade Map workbooks: every year is judged and the catalog gives complete-through', { timeout: 180_000 }, async (t) => {
  if (!TRADEMAP) return t.skip('shared Trade Map files not present (../shared/data/real)');
  const tmp = mkdtempSync(join(tmpdir(), 'complete-tm-'));
  try {
    const raw = join(tmp, 'raw');
    mkdirSync(join(raw, 'trademap'), { recursive: true });
    // Into a temporary folder only: Trade Map files are never copied into the project.
    cpSync(join(TRADEMAP, 'Diamonds_7102_trademap.xlsx'), join(raw, 'trademap', 'Diamonds_7102_trademap.xlsx'));
    writeFileSync(
      join(raw, 'sources.json'),
      JSON.stringify({ sources: [{ path: 'trademap/Diamonds_7102_trademap.xlsx', id: 'trademap_7102', title: { zh: 'Trade Map', en: 'Trade Map' }, publisher: 'ITC', licence: 'ITC terms', synthetic: false, asOf: '2025-06-30' }] }),
    );
    const out = join(tmp, 'out');
    await runPipeline({ rawDir: raw, outDir: out, cacheDir: null });
    const catalog: Catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
    const tm = catalog.tables.find((x) => x.name === 'mart_global_trademap')!;
    assert.ok(tm.periods, 'periods declared');
    const { instance, conn } = await openDuck();
    try {
      const years = await all<{ year: number; complete: boolean; reporters: number }>(
        conn,
        `SELECT year, bool_and(period_complete) AS complete, count(DISTINCT reporter) FILTER (WHERE value_usd_thousand IS NOT NULL) AS reporters
         FROM read_parquet('${join(out, 'tables', 'mart_global_trademap.parquet')}') GROUP BY 1 ORDER BY 1`,
      );
      const last = years.filter((y) => y.complete).at(-1)!;
      assert.equal(tm.periods!.completeThrough, Number(last.year));
      // Whatever is incomplete has fewer reporters than its reference allows: the rule, not a guess.
      for (const inc of tm.periods!.incomplete) assert.ok(inc.measures.some((m) => m.referenceValue !== null && m.value < m.referenceValue * (1 - m.tolerance)), JSON.stringify(inc));
      t.diagnostic(`Trade Map 7102: complete through ${tm.periods!.completeThrough}; incomplete ${tm.periods!.incomplete.map((i) => i.period).join(', ') || 'none'}`);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
