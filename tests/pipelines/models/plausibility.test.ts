// Plausibility rules of the staging models: a number's thousands separators must group three digits ("1,2,3" is
// not 123, a decimal comma "1,5" is not 15), and a date or year after the extract's declared as-of date, or
// before the documented floor of its kind, is quarantined with the rule named. Real files through the real
// landing and staging (tests/helpers/stageFile.ts), plus the number macro on its own.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { stageFile, type StagedFile } from '../../helpers/stageFile.ts';
import { MODELS_DIR } from '../../../pipelines/stage.ts';
import { all, exec, openDuck } from '../../../pipelines/lib/duck.ts';
import type { SourceDeclaration } from '../../../pipelines/sources/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'plausibility-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const AS_OF = '2025-12-31';

function csv(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

/** [line, rule, column, message] of each quarantined row. */
const verdicts = (s: StagedFile) => s.quarantine.map((q) => [q.line, q.rule, q.column, q.message]);

async function staged(path: string, decl: Partial<SourceDeclaration>, check: (s: StagedFile) => void | Promise<void>) {
  const s = await stageFile(path, decl);
  try {
    assert.equal(s.rows.length + s.quarantine.length, s.rowsIn, 'every row loaded or quarantined');
    await check(s);
  } finally {
    s.close();
  }
}

test('clean_num: thousands separators only in groups of three', async () => {
  const { instance, conn } = await openDuck();
  try {
    await exec(conn, readFileSync(join(MODELS_DIR, 'macros', '00_common.sql'), 'utf8'));
    const cases: [string, number | null][] = [
      ['1,234,567', 1234567],
      ['1,234', 1234],
      ['-1,234.50', -1234.5],
      ['+12,345', 12345],
      ['1，234', 1234], // a full-width comma, as Chinese input methods type it
      ['\t1,234 ', 1234],
      ['1234567', 1234567],
      ['0.5', 0.5],
      ['1,2,3', null],
      ['1,5', null], // a decimal comma: not 15
      ['12,34', null],
      ['1234,567', null],
      ['1,234,56', null],
      ['1,234,', null],
      [',123', null],
      ['1,,234', null],
      ['12,345.6,7', null],
      ['1.234,5', null],
    ];
    const values = cases.map(([t]) => `(${`'${t.replace(/'/g, "''")}'`})`).join(', ');
    const got = await all<{ t: string; v: number | null }>(conn, `SELECT t, clean_num(t) AS v FROM (VALUES ${values}) x(t)`);
    assert.deepEqual(
      got.map((r) => [r.t, r.v === null ? null : Number(r.v)]),
      cases,
    );
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
});

test('customs statistics: "1,2,3" and a decimal comma are quarantined naming the grouping; "1,234,567" loads', async () => {
  const p = csv('customs_grouping.csv', [
    '数据年月,商品编码,商品名称,贸易伙伴编码,贸易伙伴名称,第一数量,第一计量单位,第二数量,第二计量单位,美元',
    '201501,71023900,非工业用钻石,301,比利时,"2,500",克拉,,,"1,234,567"',
    '201502,71023900,非工业用钻石,301,比利时,10,克拉,,,"1,2,3"',
    '201503,71023900,非工业用钻石,301,比利时,"1,5",克拉,,,100',
  ]);
  await staged(p, { flow: 'import', asOf: AS_OF }, (s) => {
    assert.deepEqual(s.rows.map((r) => [r._line, r.value_usd, r.qty1]), [[2, 1234567, 2500]]);
    assert.deepEqual(
      verdicts(s).map(([l, r, c]) => [l, r, c]),
      [
        [3, 'value_unparseable', 'value'],
        [4, 'quantity_unparseable', 'qty1'],
      ],
    );
    assert.match(String(s.quarantine[0].message), /美元 "1,2,3" is not a number: thousands separators must group three digits/);
    assert.match(String(s.quarantine[1].message), /第一数量 "1,5" is not a number: thousands separators must group three digits \(1,234,567\); a decimal comma is not read/);
  });
});

test('customs statistics: a month after the as-of date is quarantined as date_after_as_of', async () => {
  const p = csv('customs_future.csv', [
    '数据年月,商品编码,商品名称,贸易伙伴编码,贸易伙伴名称,第一数量,第一计量单位,第二数量,第二计量单位,美元',
    '202512,71023900,非工业用钻石,301,比利时,1,克拉,,,100',
    '202601,71023900,非工业用钻石,301,比利时,1,克拉,,,100',
    '209912,71023900,非工业用钻石,301,比利时,1,克拉,,,100',
  ]);
  await staged(p, { flow: 'import', asOf: AS_OF }, (s) => {
    assert.deepEqual(s.rows.map((r) => r._line), [2]);
    assert.deepEqual(verdicts(s), [
      [3, 'date_after_as_of', 'period', '数据年月 "202601" is after the extract\'s as-of date 2025-12-31 (sources.json)'],
      [4, 'date_after_as_of', 'period', '数据年月 "209912" is after the extract\'s as-of date 2025-12-31 (sources.json)'],
    ]);
  });
});

test('enterprise customs: a month after the as-of date is quarantined as date_after_as_of', async () => {
  const p = csv('enterprise_future.csv', [
    '数据年月,海关编码,统一社会信用代码,企业名称,商品编码,贸易方式,贸易国别(地区),进出口,数量,单位,美元',
    '202512,4401960ABC,,广州甲有限公司,71023900,一般贸易,印度,进口,1,克拉,100',
    '202701,4401960ABC,,广州甲有限公司,71023900,一般贸易,印度,进口,1,克拉,100',
  ]);
  await staged(p, { asOf: AS_OF }, (s) => {
    assert.deepEqual(s.rows.map((r) => r._line), [2]);
    assert.deepEqual(verdicts(s).map(([l, r, c]) => [l, r, c]), [[3, 'date_after_as_of', 'period']]);
  });
});

const REGISTRY_HEADER = '统一社会信用代码,企业名称,类型,住所,法定代表人,注册资本,成立日期,营业期限自,营业期限至,登记机关,核准日期,登记状态,经营范围';
const firm = (n: number, established: string, approved: string, termFrom = '') =>
  `91440113MA5A000${n}XM,广州${n}公司,有限责任公司,广州市番禺区沙湾街${n}号,张三,100万元,${established},${termFrom},长期,番禺局,${approved},存续,加工`;

test('registry: dates after the as-of date, or before 1949, are quarantined naming the column', async () => {
  const p = csv('registry_dates.csv', [
    REGISTRY_HEADER,
    firm(1, '2008-07-25', '2025-12-31'),
    firm(2, '9999-12-31', '2020-01-01'),
    firm(3, '1900-01-01', '2020-01-01'),
    firm(4, '2008-07-25', '2030-01-01'),
    firm(5, '2008-07-25', '2020-01-01', '1899-05-01'),
    firm(6, '1949-01-01', '2020-01-01'),
  ]);
  await staged(p, { asOf: AS_OF }, (s) => {
    assert.deepEqual(s.rows.map((r) => r._line), [2, 7]);
    assert.deepEqual(verdicts(s), [
      [3, 'date_after_as_of', 'established', '成立日期 "9999-12-31" is after the extract\'s as-of date 2025-12-31 (sources.json)'],
      [4, 'date_too_early', 'established', '成立日期 "1900-01-01" is before 1949-01-01: no record of today\'s enterprise registry is that old'],
      [5, 'date_after_as_of', 'approved', '核准日期 "2030-01-01" is after the extract\'s as-of date 2025-12-31 (sources.json)'],
      [6, 'date_too_early', 'term_from', '营业期限自 "1899-05-01" is before 1949-01-01: no record of today\'s enterprise registry is that old'],
    ]);
  });
});

test('per-firm headcounts: a year after the as-of year is quarantined as date_after_as_of', async () => {
  const p = csv('firms_future.csv', ['统一社会信用代码,年份,从业人员', '91440113MA5A0001XM,2025,10', '91440113MA5A0001XM,2026,12']);
  await staged(p, { asOf: AS_OF }, (s) => {
    assert.deepEqual(s.rows.map((r) => r._line), [2]);
    assert.deepEqual(verdicts(s), [[3, 'date_after_as_of', 'year', '年份 "2026" is after the extract\'s as-of date 2025-12-31 (sources.json)']]);
  });
});

test('Kimberley Process: a year after the as-of year is quarantined as date_after_as_of', async () => {
  const p = csv('kp_future.csv', [
    'country,year,half_year,trade_type,production_type,carats,value_usd,public',
    'Botswana,2024,1,Production,Production,1000,2000,Public',
    'Botswana,2025,1,Production,Production,1100,2100,Public',
  ]);
  await staged(p, { asOf: '2024-12-31' }, (s) => {
    assert.deepEqual(s.rows.map((r) => r._line), [2]);
    assert.deepEqual(verdicts(s), [[3, 'date_after_as_of', 'year', 'Year "2025" is after the extract\'s as-of date 2024-12-31 (sources.json)']]);
  });
});

test('yearbook: a year column after the as-of year is quarantined as date_after_as_of', async () => {
  const p = csv('yearbook_future.csv', ['行业,2024,2025,2026', '2438 珠宝首饰及有关物品制造,98000,99000,100000']);
  await staged(p, { asOf: AS_OF }, (s) => {
    assert.deepEqual(s.rows.map((r) => Number(r.year)).sort(), [2024, 2025]);
    assert.deepEqual(verdicts(s).map(([l, r, c]) => [l, r, c]), [[2, 'date_after_as_of', 'year']]);
    assert.match(String(s.quarantine[0].message), /column header "2026" is after the extract's as-of date 2025-12-31/);
  });
});

test('Trade Map: a year before 2001 or after the as-of year is quarantined with the rule named', async () => {
  const p = join(dir, 'trademap_years.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('710239');
  ws.addRow(['Importers', 'Imported value in 2000', 'Imported value in 2020', 'Imported value in 2026']);
  ws.addRow(['World', 1, 2, 3]);
  await wb.xlsx.writeFile(p);
  await staged(p, { asOf: AS_OF }, (s) => {
    assert.deepEqual(s.rows.map((r) => Number(r.year)), [2020]);
    s.quarantine.sort((a, b) => a.message.localeCompare(b.message));
    assert.deepEqual(
      verdicts(s).map(([, r, c, m]) => [r, c, m]),
      [
        ['date_too_early', 'year', 'year "2000" is before 2001, the first year of ITC Trade Map\'s series'],
        ['date_after_as_of', 'year', 'year "2026" is after the extract\'s as-of date 2025-12-31 (sources.json)'],
      ].map(([r, c, m]) => [r, c, m]),
    );
  });
});

test('without a declared as-of date, the build date is the limit', async () => {
  const p = csv('firms_no_as_of.csv', ['统一社会信用代码,年份,从业人员', '91440113MA5A0001XM,2020,10', '91440113MA5A0001XM,2099,12']);
  await staged(p, {}, (s) => {
    assert.deepEqual(s.rows.map((r) => r._line), [2]);
    assert.deepEqual(verdicts(s).map(([l, r, c]) => [l, r, c]), [[3, 'date_after_as_of', 'year']]);
    assert.match(String(s.quarantine[0].message), /年份 "2099" is after today \(no as-of date is declared in sources\.json\)/);
  });
});
