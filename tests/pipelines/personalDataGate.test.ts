// The personal-data gate through the real pipeline: every spelling of the corpus, planted in a free-text field of
// each extract kind, stops the build (exit 3, PersonalDataError naming table and column) and nothing is
// published; the same fields carrying look-alikes build and are published (so the fields do reach the output).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { runPipeline } from '../../pipelines/run.ts';
import { PersonalDataError } from '../../pipelines/publish/publish.ts';
import { findPersonalData } from '../../pipelines/publish/personalData.ts';
import { plantedResidentId } from '../helpers/plantedId.ts';
import { lookAlikes, personalSpellings } from '../fixtures/personal_data/corpus.ts';

const tmp = mkdtempSync(join(tmpdir(), 'pii-gate-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** One extract kind: a file in its real format with `values` planted, one per row, in a free-text field. */
interface Kind {
  kind: string;
  path: string;
  flow?: 'import' | 'export';
  write: (file: string, values: string[]) => Promise<void>;
}

/**
 * A CSV fixture with rows appended: copies of its first data row with `column` holding "<original> <value>", and
 * `key` (when given) set per row so that each planted row is its own row of the output, not folded into another.
 */
function csvKind(
  kind: string,
  fixture: string,
  column: string,
  flow?: 'import' | 'export',
  key?: { column: string; value: (i: number) => string },
  /** Fixture rows to leave out (e.g. one whose year has no exchange rate, which a data check rightly refuses). */
  drop?: (row: string[]) => boolean,
): Kind {
  return {
    kind,
    path: `${kind}/${fixture.split('/').pop()}`,
    flow,
    write: async (file, values) => {
      const rows = Papa.parse<string[]>(readFileSync(fixture, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.filter((r) => !drop?.(r));
      const h = rows.findIndex((r) => r.includes(column));
      assert.ok(h >= 0, `${fixture} has a ${column} column`);
      const c = rows[h].indexOf(column);
      const template = rows[h + 1];
      const kc = key ? rows[h].indexOf(key.column) : -1;
      values.forEach((v, n) => rows.push(template.map((x, i) => (i === c ? `${x} ${v}` : i === kc ? key!.value(n) : x))));
      writeFileSync(file, '\uFEFF' + Papa.unparse(rows, { quotes: true }) + '\r\n');
    },
  };
}

/** A Trade Map export sheet (reporters × years) with the planted values in reporter names. */
const tradeMap: Kind = {
  kind: 'trademap',
  path: 'trademap/Imports_7102_trademap.xlsx',
  write: async (file, values) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Imports (7102)');
    ws.addRow(['Importers', 'Imported value in 2020', 'Imported value in 2021']);
    ws.addRow(['World', 1000, 1100]);
    values.forEach((v, i) => ws.addRow([`Country ${v}`, 10 + i, 11 + i]));
    await wb.xlsx.writeFile(file);
  },
};

const F = 'tests/fixtures';
const KINDS: Kind[] = [
  // The trade mart keeps one partner name per month, code and partner: each planted row gets its own month.
  csvKind('customs_stats', `${F}/customs_stats/utf8_bom_reduced.csv`, '贸易伙伴名称', 'import', {
    column: '数据年月',
    value: (i) => `${2016 + Math.floor(i / 12)}${String(1 + (i % 12)).padStart(2, '0')}`,
  }),
  // The fixture's January 2000 row has no CNY→USD rate, which the measure check rightly refuses: left out here.
  csvKind('enterprise_customs', `${F}/enterprise_customs/rmb.csv`, '贸易方式', undefined, undefined, (r) => r[0] === '200001'),
  // Each planted row its own firm: copies of one firm that differ in 经营范围 are a conflict, and only the kept record
  // of a firm is published.
  csvKind('registry', `${F}/registry/official.csv`, '经营范围', undefined, { column: '统一社会信用代码', value: (i) => `91440113MA5B${String(i).padStart(4, '0')}XM` }),
  csvKind('employment_yearbook', `${F}/employment/yearbook_wan.csv`, '行业名称'),
  // The per-firm headcounts carry no free text: the firm's code is the field a stray note would land in.
  csvKind('employment_firms', 'data/raw/employment/panyu_firm_headcount.csv', '统一社会信用代码'),
  csvKind('kimberley', `${F}/kimberley/kp_tidy_small.csv`, 'country'),
  tradeMap,
];

async function rawFolder(name: string, plants: { kind: Kind; values: string[] }[]): Promise<string> {
  const raw = join(tmp, name);
  const sources = [];
  for (const { kind, values } of plants) {
    const file = join(raw, kind.path);
    mkdirSync(dirname(file), { recursive: true });
    await kind.write(file, values);
    sources.push({
      path: kind.path,
      id: `planted_${kind.kind}`,
      title: { zh: `植入测试 ${kind.kind}`, en: `planted test ${kind.kind}` },
      publisher: 'test',
      licence: 'CC0-1.0',
      synthetic: true,
      asOf: '2025-12-31',
      ...(kind.flow ? { flow: kind.flow } : {}),
    });
  }
  writeFileSync(join(raw, 'sources.json'), JSON.stringify({ sources }, null, 1));
  return raw;
}

test('look-alikes planted in the free-text field of every extract kind are published, and nothing is flagged', async () => {
  const clean = lookAlikes();
  const raw = await rawFolder('clean', KINDS.map((kind, k) => ({ kind, values: clean.map((v, i) => `样例${k}号${i} ${v}`) })));
  const out = join(tmp, 'out-clean');
  const r = await runPipeline({ rawDir: raw, outDir: out, cacheDir: null });
  assert.equal(r.status, 'built');
  const published = readdirSync(join(out, 'tables'))
    .filter((f) => f.endsWith('.csv'))
    .map((f) => readFileSync(join(out, 'tables', f), 'utf8'))
    .join('\n');
  // Each kind's planted field reaches the output (a mart or the quarantine's raw text), so the runs below that
  // plant personal data there test the gate, not a field that is dropped anyway.
  KINDS.forEach((kind, k) => assert.match(published, new RegExp(`样例${k}号\\d+ `), `${kind.kind}: the planted field is published`));
});

for (const [k, kind] of KINDS.entries()) {
  test(`${kind.kind}: every one of the corpus's spellings planted in a free-text field stops the build; nothing is published`, async () => {
    const spellings = personalSpellings();
    const raw = await rawFolder(`pii-${k}`, [{ kind, values: spellings.map((s) => s.text) }]);
    // The per-firm file has 6,441 rows of 18-digit firm codes before it: a resident ID as a firm's code, which the
    // pipeline loads (a USCC's check character failing is a warning) and publishes in mart_employment_firms.
    const id = plantedResidentId('44011319851231456');
    if (kind.kind === 'employment_firms') {
      const f = join(raw, kind.path);
      assert.ok(readFileSync(f, 'utf8').split('\n').length > 6000);
      writeFileSync(f, readFileSync(f, 'utf8') + `"${id}","2020","12"\r\n`);
    }
    const out = join(tmp, `out-pii-${k}`);
    const err = await runPipeline({ rawDir: raw, outDir: out, cacheDir: null }).then(
      () => assert.fail('the build passed'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof PersonalDataError, String(err));
    assert.equal(existsSync(out), false, 'nothing published');
    const found = new Set(err.findings.map((f) => `${f.kind} ${f.masked}`));
    const missed = spellings.filter((s) => !found.has(`${s.kind} ${findPersonalData(s.text)[0].masked}`));
    assert.deepEqual(missed.map((s) => s.label), [], 'spellings the gate let through');
    for (const f of err.findings) assert.ok(f.table && f.column, 'each finding names its table and column');
    if (kind.kind === 'employment_firms')
      assert.ok(err.findings.some((f) => f.table === 'mart_employment_firms' && f.column === 'uscc' && f.masked === findPersonalData(id)[0].masked), 'the ID after 6,000 rows');
  });
}

test('the command line exits 3 and names table, column and kind, with the value masked', async () => {
  const spelling = '（138）1234－5699';
  const raw = await rawFolder('cli', [{ kind: KINDS.find((k) => k.kind === 'registry')!, values: [spelling] }]);
  const out = join(tmp, 'out-cli');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', '--raw', raw, '--out', out, '--no-cache', '--quiet'], { encoding: 'utf8' });
  assert.equal(r.status, 3, r.stderr);
  // The planted copy is a firm of its own, so its business scope is published with the firm.
  assert.match(r.stderr, /mart_enterprises\.scope: mobile 138\*+99/);
  assert.ok(!r.stderr.includes('13812345699') && !r.stderr.includes('1234－5699'), 'the number itself is not printed');
  assert.equal(existsSync(out), false);
});
