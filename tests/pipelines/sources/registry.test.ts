// The registry adapter and stg_registry, run on real fixture files through the pipeline's own detection, landing,
// DuckDB loading and staging. Every case checks that no row is lost (rows in = loaded + quarantined) and names the
// exact rule, column and source line of each quarantined row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stageFile, declaration, type StagedFile } from '../../helpers/stageFile.ts';
import { loadClusterConfig } from '../../../pipelines/config.ts';
import { createConfigTables } from '../../../pipelines/configTables.ts';
import { loadReferenceTables } from '../../../pipelines/reference.ts';
import { tablesOf } from '../../../pipelines/discover.ts';
import { detectAdapter } from '../../../pipelines/sources/index.ts';
import { adapter } from '../../../pipelines/sources/registry.ts';
import { isPersonalColumn } from '../../../pipelines/sources/shared/header.ts';
import { createLandingTable, createQuarantineTable, loadLanding, loadMacros, runStaging } from '../../../pipelines/stage.ts';
import { all, openDuck } from '../../../pipelines/lib/duck.ts';
import { StructuralError } from '../../../pipelines/sources/types.ts';

const DIR = 'tests/fixtures/registry';

type Verdict = [line: number, rule: string, column: string | null];

async function staged<T>(file: string, check: (s: StagedFile) => T | Promise<T>): Promise<T> {
  const s = await stageFile(join(DIR, file));
  try {
    assert.equal(s.adapter.kind, 'registry');
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length, `${file}: every input row is loaded or quarantined`);
    return await check(s);
  } finally {
    s.close();
  }
}

const verdicts = (s: StagedFile): Verdict[] => s.quarantine.map((q) => [q.line, q.rule, q.column]);
const byLine = (s: StagedFile, line: number) => s.rows.find((r) => r._line === line)!;
const day = (v: unknown) => (v == null ? null : (v as Date).toISOString().slice(0, 10));

/** Lands a file with the adapter alone and returns the landing CSV's text. */
async function landingText(file: string): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'registry-'));
  try {
    const [table] = await tablesOf(join(DIR, file), file);
    const landingPath = join(work, 'landing.csv');
    await adapter.land(table, { config: loadClusterConfig(), workDir: work, landingPath, declaration: declaration() });
    return readFileSync(landingPath, 'utf8');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const CASES: { file: string; loaded: number; quarantined: Verdict[] }[] = [
  { file: 'official.csv', loaded: 6, quarantined: [] },
  { file: 'official_bom.csv', loaded: 2, quarantined: [] },
  { file: 'official_gbk.csv', loaded: 2, quarantined: [] },
  { file: 'aggregator.xlsx', loaded: 3, quarantined: [] },
  { file: 'aggregator_personal.csv', loaded: 3, quarantined: [] },
  {
    file: 'bad_dates.csv',
    loaded: 1,
    quarantined: [
      [2, 'date_unparseable', 'established'],
      [3, 'date_unparseable', 'established'],
      [4, 'date_unparseable', 'approved'],
      [5, 'date_unparseable', 'term_to'],
    ],
  },
  { file: 'bad_status.csv', loaded: 2, quarantined: [[2, 'status_unknown', 'status_text'], [3, 'status_unknown', 'status_text']] },
  {
    file: 'bad_capital.csv',
    loaded: 3,
    quarantined: [[2, 'capital_unparseable', 'capital_text'], [3, 'capital_unparseable', 'capital_text'], [5, 'capital_unparseable', 'capital_text']],
  },
  {
    file: 'bad_uscc.csv',
    loaded: 1,
    quarantined: [
      [2, 'uscc_invalid_format', 'uscc'],
      [3, 'uscc_invalid_format', 'uscc'],
      [4, 'uscc_invalid_format', 'uscc'],
      [5, 'required_value_missing', 'uscc'],
      [6, 'required_value_missing', 'name'],
    ],
  },
  { file: 'malformed.csv', loaded: 2, quarantined: [[3, 'csv_malformed', null], [4, 'csv_malformed', null]] },
  { file: 'dup_a.csv', loaded: 2, quarantined: [[4, 'duplicate_row', 'uscc']] },
  { file: 'stray_cr.csv', loaded: 2, quarantined: [] },
];

for (const c of CASES) {
  test(`${c.file}: ${c.loaded} loaded, quarantined ${JSON.stringify(c.quarantined)}`, () =>
    staged(c.file, (s) => {
      assert.equal(s.rows.length, c.loaded);
      assert.deepEqual(verdicts(s), c.quarantined);
    }));
}

test('official layout: a 经营范围 with commas and a quoted line break stays one record at its first line', () =>
  staged('official.csv', (s) => {
    assert.deepEqual(s.rows.map((r) => r._line), [2, 4, 5, 6, 7, 8]);
    assert.equal(byLine(s, 2).scope, '珠宝首饰制造；钻石加工，\n销售（依法须经批准的项目，经相关部门批准后方可开展经营活动）');
    assert.equal(byLine(s, 4).scope, '钻石切割, 研磨, 加工');
  }));

test('official layout: parks, capital, currencies, statuses and dates', () =>
  staged('official.csv', async (s) => {
    const [fx] = await all<{ r: number }>(s.conn, 'SELECT avg(cny_per_usd) AS r FROM ref_cny_usd WHERE year = 2012');
    const expect: Record<number, [park: string, wan: number, cur: string, cny: number | null, status: string, statusDate: string | null]> = {
      2: ['shawan', 3105, 'CNY', 3105, 'active', null],
      4: ['daluotang', 50, 'USD', 50 * fx.r, 'revoked', '2019-11-20'],
      5: ['shiji', 305843.0395, 'CNY', 305843.0395, 'deregistered', '2020-06-01'],
      6: ['nancun_wanbo', 100, 'HKD', null, 'moved_out', '2021-01-15'],
      7: ['other', 500, 'CNY', 500, 'active', null],
      8: ['shawan', 500, 'CNY', 500, 'other', '2022-09-30'],
    };
    for (const [line, [park, wan, cur, cny, status, statusDate]] of Object.entries(expect)) {
      const r = byLine(s, Number(line));
      assert.equal(r.park_id, park, `line ${line} park`);
      assert.equal(r.capital_wan, wan, `line ${line} capital`);
      assert.equal(r.capital_currency, cur, `line ${line} currency`);
      if (cny === null) assert.equal(r.capital_cny_wan, null, 'HKD has no rate table: left NULL');
      else assert.ok(Math.abs((r.capital_cny_wan as number) - cny) < 1e-6, `line ${line} CNY`);
      assert.equal(r.status, status, `line ${line} status`);
      assert.equal(day(r.status_date), statusDate, `line ${line} status_date`);
    }
    assert.equal(day(byLine(s, 4).established), '2012-03-05');
    assert.equal(day(byLine(s, 5).established), '2010-06-01');
    assert.equal(day(byLine(s, 6).established), '2015-03-01');
    assert.equal(byLine(s, 2).term_to, null, '长期 is an open end');
    assert.equal(byLine(s, 4).status_raw, '吊销，未注销');
  }));

test('a failed check character is a warning: the row loads with uscc_check_ok = false; spaces and case are normalised', () =>
  staged('official.csv', (s) => {
    assert.equal(byLine(s, 7).uscc, '91440113MA5A0005XA');
    assert.equal(byLine(s, 7).uscc_check_ok, false);
    assert.equal(byLine(s, 8).uscc, '91440113MA5A0006XT');
    assert.equal(byLine(s, 8).uscc_check_ok, true);
  }));

test('BOM, CRLF, a blank line and the 统一社会信用代码/注册号 and 名称 headers', () =>
  staged('official_bom.csv', (s) => {
    assert.deepEqual(s.rows.map((r) => [r._line, r.uscc, r.name, r.capital_wan]), [
      [2, '91440113MA5A0007XU', '广州沙湾钻石镶嵌有限公司', 1000],
      [4, '91440113MA5A0008XW', '广州番禺宝石检测有限公司', 200],
    ]);
  }));

test('a lone CR inside a CRLF line is cell content, not a record break', () =>
  staged('stray_cr.csv', (s) => {
    assert.deepEqual(s.rows.map((r) => [r._line, r.scope]), [[2, '珠宝加工\r 销售'], [3, '钻石加工']]);
  }));

test('GBK file with CRLF and a multi-line 经营范围: names decoded, lines kept', () =>
  staged('official_gbk.csv', (s) => {
    assert.deepEqual(s.rows.map((r) => [r._line, r.name, r.status]), [
      [2, '广州番禺钻石切割有限公司', 'active'],
      [4, '广州番禺翡翠雕刻厂', 'revoked'],
    ]);
    assert.equal(s.rows[0].scope, '钻石切割、研磨；\n珠宝首饰加工');
  }));

test('aggregator workbook: title row skipped, 注册资金(万元) header gives the unit, industries resolved to GB/T 4754 classes', () =>
  staged('aggregator.xlsx', (s) => {
    assert.deepEqual(s.rows.map((r) => [r._file, r._line, r.capital_wan, r.industry_code, r.industry_name, r.status]), [
      ['aggregator.xlsx#企业列表', 3, 3105, '2438', '珠宝首饰及有关物品制造', 'active'],
      ['aggregator.xlsx#企业列表', 4, 50.5, '3099', '其他非金属矿物制品制造', 'deregistered'],
      ['aggregator.xlsx#企业列表', 5, null, '5245', '珠宝首饰零售', 'revoked'],
    ]);
  }));

const PERSONAL_VALUES = [
  '陈大文', '林小红', '黄小明', '黄旧东', '020-84731234', '020-84730000', 'chendawen@example.com', 'linxh@example.com',
  '13912345678', '13700002222', '13800001111', '13900003333', '13600004444', '440113198001011234', '44011319850202567X',
  '欧阳克', '穆念慈', '郭靖', '黄蓉', '13500006666', 'ouyang@example.com',
];

test('personal columns never reach the landing file, the staged table or the quarantine', async () => {
  for (const file of ['aggregator_personal.csv', 'aggregator.xlsx', 'malformed.csv']) {
    const text = await landingText(file);
    for (const p of [...PERSONAL_VALUES, '张三', '李四', '13800138000']) assert.ok(!text.includes(p), `${file}: ${p} in the landing file`);
    await staged(file, (s) => {
      const dump = JSON.stringify(s.rows) + JSON.stringify(s.quarantine);
      for (const p of [...PERSONAL_VALUES, '张三', '李四', '13800138000']) assert.ok(!dump.includes(p), `${file}: ${p} staged or quarantined`);
      const columns = Object.keys(s.rows[0]);
      for (const c of ['法定代表人', '电话', '邮箱', '股东', 'legal_rep', 'phone', 'email']) assert.ok(!columns.includes(c));
    });
  }
  assert.ok(['法定代表人', '联系电话', '补充电话', '邮箱', '股东', '历史股东', '法人身份证号', '证件号码', '联系人手机', '联系人'].every(isPersonalColumn));
  assert.ok(!['企业名称', '住所', '经营范围', '统一社会信用代码'].some(isPersonalColumn));
});

test('aggregator 所属行业: a class name or C2438 resolves; a division name (批发业) keeps its text but no class code', () =>
  staged('aggregator_personal.csv', (s) => {
    assert.deepEqual(s.rows.map((r) => [r._line, r.industry_code, r.industry_name, r.park_id, r.capital_wan]), [
      [2, '2438', '珠宝首饰及有关物品制造', 'shawan', 100],
      [3, '2438', '珠宝首饰及有关物品制造', 'daluotang', 200],
      [4, null, '批发业', 'nancun_wanbo', 50],
    ]);
  }));

test('quarantine messages say what is wrong, with the value', async () => {
  await staged('bad_uscc.csv', (s) => {
    assert.match(s.quarantine[0].message, /15-digit 注册号.*440126000123456|440126000123456.*15-digit 注册号/);
    assert.match(s.quarantine[1].message, /91440113MA5A0005X.*not 18 characters/);
  });
  await staged('bad_capital.csv', (s) => {
    assert.match(s.quarantine[0].message, /注册资本 "五百万"/);
    assert.match(s.quarantine[1].message, /"50万欧元" is in a currency other than CNY, USD or HKD/);
    assert.match(s.quarantine[2].message, /"500" has no unit/);
    const missing = byLine(s, 4);
    assert.equal(missing.capital_wan, null, '"-" is "not disclosed": loaded with no capital');
    assert.equal(byLine(s, 6).capital_wan, 12000);
    assert.equal(byLine(s, 7).capital_wan, 100);
  });
  await staged('bad_status.csv', (s) => {
    assert.match(s.quarantine[0].message, /登记状态 "正常"/);
    assert.match(s.quarantine[1].message, /登记状态 is empty/);
    assert.equal(byLine(s, 4).status, 'deregistered', '吊销，已注销 is deregistered');
    assert.equal(byLine(s, 5).status, 'other', '存续（清算中） is not active');
  });
  await staged('dup_a.csv', (s) => assert.match(s.quarantine[0].message, /91440113MA5A0001XM already appears in dup_a\.csv line 2/));
  await staged('malformed.csv', (s) => {
    assert.match(s.quarantine[0].message, /14 cells but the header has 13/);
    assert.ok(s.quarantine.every((q) => q.raw.startsWith('(raw text withheld')), 'raw text of a misaligned row may hold personal data');
  });
});

test('a firm in two registry files: the first by file and line is kept, the later one quarantined naming the first', async () => {
  const config = loadClusterConfig();
  const work = mkdtempSync(join(tmpdir(), 'registry-dup-'));
  const { instance, conn } = await openDuck();
  try {
    await createConfigTables(conn, config);
    await loadReferenceTables(conn, 'data/reference');
    await loadMacros(conn);
    await createQuarantineTable(conn);
    await createLandingTable(conn, adapter);
    const rowsIn = new Map<string, number>();
    for (const [i, file] of ['dup_a.csv', 'dup_b.csv'].entries()) {
      const [table] = await tablesOf(join(DIR, file), file);
      assert.equal(detectAdapter(table)?.kind, 'registry', `${file} is detected as a registry extract`);
      const landed = await adapter.land(table, { config, workDir: work, declaration: declaration(), landingPath: join(work, `l${i}.csv`) });
      rowsIn.set(file, landed.rowsIn);
      await loadLanding(conn, adapter, landed, declaration(), table.relPath);
    }
    await runStaging(conn, adapter);
    const q = await all<{ file: string; line: number; rule: string; message: string }>(conn, 'SELECT file, line, rule, message FROM quarantine ORDER BY file, line');
    assert.deepEqual(q.map((r) => [r.file, r.line, r.rule]), [
      ['dup_a.csv', 4, 'duplicate_row'],
      ['dup_b.csv', 2, 'duplicate_row'],
    ]);
    assert.match(q[1].message, /91440113MA5A0002XN already appears in dup_a\.csv line 3/);
    const loaded = await all<{ file: string; n: number }>(conn, 'SELECT _file AS file, count(*) AS n FROM stg_registry GROUP BY 1 ORDER BY 1');
    for (const { file, n } of loaded) assert.equal(rowsIn.get(file), n + q.filter((r) => r.file === file).length, `${file} reconciles`);
    assert.deepEqual(loaded.map((r) => [r.file, r.n]), [['dup_a.csv', 2], ['dup_b.csv', 1]]);
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(work, { recursive: true, force: true });
  }
});

async function structural(file: string): Promise<StructuralError> {
  try {
    const s = await stageFile(join(DIR, file));
    s.close();
  } catch (e) {
    assert.ok(e instanceof StructuralError, `${file}: expected a StructuralError, got ${(e as Error).message}`);
    return e;
  }
  assert.fail(`${file}: expected a StructuralError`);
}

test('a missing required column stops the run naming the file and the column', async () => {
  const e = await structural('missing_name.csv');
  assert.equal(e.file, 'missing_name.csv');
  assert.match(e.message, /missing required column 企业名称/);
});

test('a quote never closed stops the run at the line that opened it', async () => {
  const e = await structural('unclosed_quote.csv');
  assert.equal(e.file, 'unclosed_quote.csv');
  assert.equal(e.line, 3);
});

test('bytes that are neither UTF-8 nor GBK stop the run naming the file', async () => {
  const e = await structural('invalid_bytes_gbk.csv');
  assert.equal(e.file, 'invalid_bytes_gbk.csv');
  assert.match(e.message, /GBK|GB18030/);
});

test('detection by header: both registry layouts, and nothing that merely has a 统一社会信用代码 column', async () => {
  for (const file of ['official.csv', 'official_gbk.csv', 'aggregator.xlsx', 'aggregator_personal.csv', 'dup_b.csv']) {
    const [table] = await tablesOf(join(DIR, file), basename(file));
    assert.equal(detectAdapter(table)?.kind, 'registry', file);
  }
  for (const file of ['firms.csv', 'firms_bad.csv', 'yearbook_wan.csv']) {
    const [table] = await tablesOf(join('tests/fixtures/employment', file), file);
    assert.notEqual(detectAdapter(table)?.kind, 'registry', file);
  }
});
