// No silent NULLs: a measure that is NULL where its inputs are present fails the build, naming the table, the
// column, the rows and the cause; USD conversions follow the extract's USD column, then monthly, then annual
// rates, and the catalog says which. Real DuckDB, the sample's enterprise CNY workbook, temporary folders.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline, CheckFailedError } from '../../pipelines/run.ts';
import { declaredChecks, runChecks, type Schema } from '../../pipelines/checks.ts';
import { openDuck } from '../../pipelines/lib/duck.ts';

const tmp = mkdtempSync(join(tmpdir(), 'measures-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const CNY_FILE = 'enterprise_customs/panyu_enterprise_trade_cny_2020-2025.xlsx';

/** A raw folder holding only the district's CNY-valued enterprise workbook (2020–2025). */
function rawWithCnyFile(): string {
  const raw = join(tmp, 'raw');
  mkdirSync(join(raw, 'enterprise_customs'), { recursive: true });
  cpSync(join('data/raw', CNY_FILE), join(raw, CNY_FILE));
  cpSync('data/raw/sources.json', join(raw, 'sources.json'));
  return raw;
}

/** A copy of data/reference whose annual rates drop `dropYear` and that may carry a monthly table. */
function referenceCopy(name: string, opts: { dropYear?: number; monthly?: string } = {}): string {
  const ref = join(tmp, name);
  cpSync('data/reference', ref, { recursive: true });
  const annual = join(ref, 'exchange-rates/cny_usd_annual.csv');
  if (opts.dropYear) writeFileSync(annual, readFileSync(annual, 'utf8').split('\n').filter((l) => !l.startsWith(`${opts.dropYear},`)).join('\n'));
  if (opts.monthly) writeFileSync(join(ref, 'exchange-rates/cny_usd_monthly.csv'), opts.monthly);
  return ref;
}

test('the shipped rates cover 2025, with the published figure and its source', () => {
  const rates = new Map(readFileSync('data/reference/exchange-rates/cny_usd_annual.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).map(([y, r]) => [+y, r]));
  assert.equal(rates.get(2025), '7.1429');
  const source = readFileSync('data/reference/exchange-rates/SOURCE.md', 'utf8');
  assert.ok(source.includes('2025年国民经济和社会发展统计公报') && source.includes('1美元兌7.1429元人民幣'), 'SOURCE.md quotes the communiqué');
});

test('a declared measure check groups NULL measures by cause and counts the rows', async () => {
  const { instance, conn } = await openDuck();
  try {
    await conn.run(`CREATE TABLE t AS SELECT * FROM (VALUES (2024, 1.0, 10.0), (2025, NULL, 7.0), (2025, NULL, 8.0), (2026, NULL, NULL)) v(year, usd, cny)`);
    const schema: Schema = {
      tables: { t: { title: { zh: '', en: '' }, description: { zh: '', en: '' }, columns: {}, measures: { usd: { inputsPresent: 'cny IS NOT NULL', cause: `printf('no rate for %d', year)` } } } },
    };
    const [r] = await runChecks(conn, declaredChecks(schema));
    assert.equal(r.passed, false);
    assert.equal(r.failingRows, 2, 'two table rows, not one group; the row without inputs is not counted');
    assert.equal(r.sample[0].cause, 'no rate for 2025');
    assert.equal(r.sample[0].column, 'usd');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
});

test('a missing CNY→USD rate fails the build with a check naming the year, the table and the rows', async () => {
  const raw = rawWithCnyFile();
  const out = join(tmp, 'out-missing');
  await assert.rejects(
    runPipeline({ rawDir: raw, outDir: out, cacheDir: null, referenceDir: referenceCopy('ref-no-2025', { dropYear: 2025 }) }),
    (e: unknown) => {
      assert.ok(e instanceof CheckFailedError, String(e));
      const measure = e.failed.filter((c) => c.name === 'measure_not_null(value_usd)');
      assert.ok(measure.some((c) => c.table === 'mart_trade_monthly'), e.message);
      assert.match(e.message, /no CNY→USD rate for 2025 \(data\/reference\/exchange-rates\/cny_usd_annual\.csv\): \d+ rows of mart_trade_monthly\.value_usd are NULL/);
      assert.doesNotMatch(e.message, /rate for 2024/);
      return true;
    },
  );
});

test('with the shipped rates the same file builds clean and the catalog says the annual rate converted 2020–2025', async () => {
  const out = join(tmp, 'out-ok');
  await runPipeline({ rawDir: rawWithCnyFile(), outDir: out, cacheDir: null });
  const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
  const firm = catalog.tables.find((t: { name: string }) => t.name === 'mart_firm_trade_year');
  assert.deepEqual(
    firm.usdConversion.map((c: { basis: string; fromYear: number; toYear: number }) => [c.basis, c.fromYear, c.toYear]),
    [['annual', 2020, 2025]],
  );
  const quality = JSON.parse(readFileSync(join(out, 'quality.json'), 'utf8'));
  const f = quality.files.find((x: { file: string }) => x.file.startsWith(CNY_FILE));
  assert.equal(f.usdBasis.annual.rows, f.loaded, 'every loaded row was converted');
});

test('a monthly rate is used before the annual one for its month, and the catalog counts those rows', async () => {
  const out = join(tmp, 'out-monthly');
  const reference = referenceCopy('ref-monthly', { monthly: 'year,month,cny_per_usd\n2021,3,6.5\n' });
  await runPipeline({ rawDir: rawWithCnyFile(), outDir: out, cacheDir: null, referenceDir: reference });
  // Built by the previous test (tests in a file run in order) with the annual rates only.
  const annualOut = join(tmp, 'out-ok');
  const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
  const firm = catalog.tables.find((t: { name: string }) => t.name === 'mart_firm_trade_year');
  const monthly = firm.usdConversion.find((c: { basis: string }) => c.basis === 'monthly');
  assert.ok(monthly && monthly.rows > 0 && monthly.fromYear === 2021 && monthly.toYear === 2021, JSON.stringify(firm.usdConversion));
  // March 2021 converted at 6.5 instead of 6.4515: the district's 2021 total is lower than with the annual rate.
  const total = (dir: string) => {
    const t = JSON.parse(readFileSync(join(dir, 'tables/mart_trade_monthly.json'), 'utf8'));
    const [p, v] = ['period', 'value_usd'].map((c) => t.columns.indexOf(c));
    return t.rows.filter((r: unknown[]) => String(r[p]).startsWith('2021-03')).reduce((a: number, r: unknown[]) => a + Number(r[v]), 0);
  };
  const a = total(annualOut);
  const m = total(out);
  assert.ok(a > 0);
  assert.ok(Math.abs(m / a - 6.4515 / 6.5) < 1e-6, `March 2021: ${m} vs ${a}`);
});
