// The enterprise-level customs adapter and stg_enterprise_customs, run on real fixture files through the
// pipeline's own detection, landing, DuckDB loading and staging. Every case also checks that no row is lost and
// that personal columns never reach the landing file or the quarantine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stageFile, declaration, type StagedFile } from '../../helpers/stageFile.ts';
import { loadClusterConfig } from '../../../pipelines/config.ts';
import { tablesOf } from '../../../pipelines/discover.ts';
import { detectAdapter } from '../../../pipelines/sources/index.ts';
import { adapter } from '../../../pipelines/sources/enterpriseCustoms.ts';
import { StructuralError, type SourceDeclaration } from '../../../pipelines/sources/types.ts';
import { encodeGb18030 } from '../../fixtures/customs_stats/make.ts';

const DIR = 'tests/fixtures/enterprise_customs';

type Verdict = [line: number, rule: string, column: string | null];

function assertReconciled(s: StagedFile): void {
  assert.equal(s.rowsIn, s.rows.length + s.quarantine.length, 'every input row is loaded or quarantined');
}

async function staged<T>(file: string, decl: Partial<SourceDeclaration>, check: (s: StagedFile) => T | Promise<T>): Promise<T> {
  const s = await stageFile(join(DIR, file), decl);
  try {
    assert.equal(s.adapter.kind, 'enterprise_customs');
    assertReconciled(s);
    return await check(s);
  } finally {
    s.close();
  }
}

const verdicts = (s: StagedFile): Verdict[] => s.quarantine.map((q) => [q.line, q.rule, q.column]);

/** Lands a file with the adapter alone and returns the landing CSV's text. */
async function landingText(file: string, decl: Partial<SourceDeclaration> = {}): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'enterprise-'));
  try {
    const [table] = await tablesOf(join(DIR, file), file);
    const landingPath = join(work, 'landing.csv');
    await adapter.land(table, { config: loadClusterConfig(), workDir: work, landingPath, declaration: declaration(decl) });
    return readFileSync(landingPath, 'utf8');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const PERSONAL = ['张三丰', '李四光', '13800138000', '13900139000', '11010519491231002X', '440113198001011234', '王小明', '13512345678', '赵六', '13600000000'];

function assertNoPersonalData(text: string): void {
  for (const p of PERSONAL) assert.ok(!text.includes(p), `personal value ${p} must not appear`);
}

const CASES: { file: string; decl?: Partial<SourceDeclaration>; loaded: number; quarantined: Verdict[] }[] = [
  { file: 'gbk_personal_columns.csv', loaded: 2, quarantined: [] },
  { file: 'gb18030_rare_name.csv', loaded: 1, quarantined: [] },
  { file: 'aliases.csv', loaded: 1, quarantined: [] },
  { file: 'rmb.csv', loaded: 2, quarantined: [] },
  { file: 'customs_code_only.csv', loaded: 1, quarantined: [[3, 'firm_id_missing', null]] },
  {
    file: 'firm_ids.csv',
    loaded: 2,
    quarantined: [
      [2, 'firm_id_missing', null],
      [3, 'uscc_invalid_format', 'uscc'],
      [6, 'required_value_missing', 'firm_name'],
      [7, 'uscc_invalid_format', 'uscc'],
    ],
  },
  { file: 'partners.csv', loaded: 7, quarantined: [] },
  {
    file: 'bad_cells.csv',
    loaded: 1,
    quarantined: [
      [2, 'period_unparseable', 'period'],
      [3, 'period_out_of_range', 'period'],
      [4, 'hs_code_invalid', 'hs_code'],
      [5, 'hs_code_unknown', 'hs_code'],
      [6, 'flow_unknown', 'flow'],
      [7, 'quantity_unparseable', 'quantity'],
      [8, 'quantity_negative', 'quantity'],
      [9, 'unit_unknown', 'unit'],
      [10, 'value_unparseable', 'value'],
      [11, 'value_negative', 'value'],
      [12, 'required_value_missing', 'value'],
    ],
  },
  { file: 'declared_flow.csv', decl: { flow: 'export' }, loaded: 1, quarantined: [] },
  { file: 'duplicates.csv', loaded: 2, quarantined: [[3, 'duplicate_row', null], [4, 'duplicate_row', null]] },
  { file: 'malformed.csv', loaded: 1, quarantined: [[3, 'csv_malformed', null], [4, 'csv_malformed', null], [5, 'csv_malformed', null]] },
  { file: 'enterprise.xlsx', loaded: 1, quarantined: [[3, 'quantity_negative', 'quantity'], [4, 'csv_malformed', null]] },
];

for (const c of CASES) {
  test(`enterprise_customs ${c.file}: ${c.quarantined.map((q) => `${q[1]}@${q[0]}`).join(', ') || 'all rows load'}`, () =>
    staged(c.file, c.decl ?? {}, (s) => {
      assert.deepEqual(verdicts(s), c.quarantined);
      assert.equal(s.rows.length, c.loaded);
      assertNoPersonalData(JSON.stringify(s.quarantine));
    }));
}

test('a GBK extract is typed; its personal columns reach neither the landing file nor the staging table', async () => {
  const landing = await landingText('gbk_personal_columns.csv');
  assertNoPersonalData(landing);
  assert.equal(landing.split('\n')[0], '_line,period,customs_code,uscc,firm_name,hs_code,trade_mode_name,partner_name,flow,quantity,unit,value');
  await staged('gbk_personal_columns.csv', {}, (s) => {
    assertNoPersonalData(JSON.stringify(s.rows));
    const [diamonds, jewelry] = s.rows;
    assert.deepEqual(
      [diamonds.customs_code, diamonds.uscc, diamonds.uscc_check_ok, diamonds.firm_name, diamonds.hs_group, diamonds.flow],
      ['4401960ABC', '91440113677779116F', true, '广州保伦钻石有限公司', 'natural_polished', 'import'],
    );
    assert.deepEqual(
      [diamonds.trade_mode_class, diamonds.partner_name, diamonds.partner_code, diamonds.quantity, diamonds.quantity_carats, diamonds.value_usd],
      ['processing', '中国香港', '110', 1000, 1000, 50000],
    );
    assert.deepEqual(
      [jewelry.flow, jewelry.trade_mode_class, jewelry.partner_code, jewelry.quantity_carats, jewelry.value_usd, jewelry.currency],
      ['export', 'general', '502', null, 120000.5, 'USD'],
    );
  });
});

test('a GB18030 four-byte character in a firm name is decoded exactly', () =>
  staged('gb18030_rare_name.csv', {}, (s) => {
    assert.equal(s.rows[0].firm_name, '广州\u{20000}钻石工坊');
    assert.deepEqual([s.rows[0].hs_group, s.rows[0].quantity_carats, s.rows[0].value_usd], ['lab_grown_polished', 15.5, 8800]);
  }));

test('common header aliases map onto the canonical columns', () =>
  staged('aliases.csv', {}, (s) => {
    const r = s.rows[0];
    assert.deepEqual(
      [(r.period as Date).toISOString().slice(0, 10), r.customs_code, r.uscc, r.hs_code, r.trade_mode_name, r.partner_code, r.flow, r.unit, r.value_usd],
      ['2020-07-01', '4401960ABC', '91440113677779116F', '71049100', '一般贸易', '111', 'import', '克拉', 36000],
    );
  }));

test('人民币 values are converted with the year\'s rate, or left NULL for a year without one', () =>
  staged('rmb.csv', {}, (s) => {
    assert.deepEqual(
      s.rows.map((r) => [r.year, r.currency, r.value_cny, r.value_usd === null ? null : Math.round(r.value_usd as number)]),
      [
        [2022, 'CNY', 67261, 10000],
        [2000, 'CNY', 82800, null],
      ],
    );
  }));

test('firm identifiers: a bad check character is a warning, lower case and padding are cleaned', () =>
  staged('firm_ids.csv', {}, (s) => {
    assert.deepEqual(
      s.rows.map((r) => [r._line, r.uscc, r.uscc_check_ok]),
      [
        [4, '91440113677779116A', false],
        [5, '91440113304599358C', true],
      ],
    );
    assert.equal(s.quarantine[1].message, '统一社会信用代码 "9144011367777911" is not 18 characters of the GB 32100 alphabet');
  }));

test('partners are coded by Chinese name, short name or code; unknown ones stay NULL; trade modes are classed', () =>
  staged('partners.csv', {}, (s) => {
    assert.deepEqual(
      s.rows.map((r) => [r.partner_name, r.partner_code, r.trade_mode_class]),
      [
        ['中国香港', '110', 'general'],
        ['香港', '110', 'general'],
        ['110', '110', 'general'],
        ['火星', null, 'general'],
        [null, null, 'general'],
        ['阿联酋', '138', null],
        ['阿联酋', '138', 'other'],
      ],
    );
  }));

test('cell rules say which value is wrong; 克 converts to carats for diamonds', () =>
  staged('bad_cells.csv', {}, (s) => {
    assert.equal(s.quarantine[4].message, '进出口 "来料" is not 进口/出口 (I/E)');
    assert.equal(s.quarantine[7].message, '单位 "盎司" is not one of 克拉, 千克, 克, 个, 件');
    assert.deepEqual([s.rows[0].quantity, s.rows[0].quantity_carats, s.rows[0].value_usd], [2000, 10000, 1500.25]);
  }));

test('without a 进出口 column the declared flow applies', () =>
  staged('declared_flow.csv', { flow: 'export' }, (s) => {
    assert.deepEqual([s.rows[0].flow, s.rows[0].customs_code, s.rows[0].quantity_carats], ['export', null, null]);
  }));

test('misaligned rows are quarantined with their raw text withheld when the file has unlanded columns', async () => {
  assertNoPersonalData(await landingText('malformed.csv'));
  await staged('malformed.csv', {}, (s) => {
    for (const q of s.quarantine) assert.match(q.raw, /withheld/);
    assert.match(s.quarantine[1].message, /quoted cell is not closed/);
  });
});

test('XLSX: personal columns are dropped, a date-formatted month is read, rows keep their sheet row numbers', async () => {
  assertNoPersonalData(await landingText('enterprise.xlsx'));
  await staged('enterprise.xlsx', {}, (s) => {
    const r = s.rows[0];
    assert.deepEqual(
      [r._file, r._line, (r.period as Date).toISOString().slice(0, 10), r.partner_code, r.hs_code, r.quantity_carats],
      ['enterprise.xlsx#Sheet1', 2, '2015-01-01', '301', '71023900', 300],
    );
  });
});

async function assertStructural(file: string, decl: Partial<SourceDeclaration>, pattern: RegExp): Promise<void> {
  await assert.rejects(stageFile(join(DIR, file), decl), (e: unknown) => {
    assert.ok(e instanceof StructuralError, `expected a StructuralError, got ${e}`);
    assert.ok(e.message.startsWith(file), `the message names the file: ${e.message}`);
    assert.match(e.message, pattern);
    return true;
  });
}

test('neither 海关编码 nor 统一社会信用代码 stops the run', () => assertStructural('no_firm_id.csv', {}, /neither 海关编码 nor 统一社会信用代码/));
test('a missing 单位 stops the run naming it', () => assertStructural('missing_unit.csv', {}, /missing required column 单位; expected a header like 数据年月,海关编码/));
test('a customs-statistics-like header with 企业名称 is an enterprise file, not public statistics', async () => {
  const [t] = await tablesOf(join(DIR, 'stats_header_with_firm.csv'), 'stats_header_with_firm.csv');
  assert.equal(detectAdapter(t)?.kind, 'enterprise_customs');
  await assertStructural('stats_header_with_firm.csv', {}, /neither 海关编码 nor 统一社会信用代码/);
});
test('no 进出口 column and no declared flow stops the run', () => assertStructural('declared_flow.csv', {}, /declare "flow"/));

// Random enterprise extracts with a personal column, good and bad cells, malformed and blank lines, in UTF-8 or
// GBK: every data line is loaded or quarantined exactly once, and the personal column never surfaces.
const HEADER = '数据年月,海关编码,统一社会信用代码,企业名称,联系电话,商品编码,贸易方式,贸易国别(地区),进出口,数量,单位,美元';
const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const row = fc
  .tuple(
    pick('201901', '2019-13', '', '\t202001'),
    pick('4401960ABC', '', '4401960abd'),
    pick('91440113677779116F', '91440113677779116A', '9144', '', 'x'.repeat(18)),
    pick('广州甲有限公司', '"广州乙,有限公司"', '', '𠀀工坊'),
    pick('13800138000'),
    pick('71023900', '7102', '01012100', ''),
    pick('一般贸易', '', '其他'),
    pick('印度', '香港', '火星', ''),
    pick('进口', 'E', '转口', ''),
    pick('1', '"1,000"', '-1', 'abc', ''),
    pick('克拉', '克', '盎司', ''),
    pick('100', '"2,000.5"', '-1', 'NaN', ''),
  )
  .map((cells) => cells.join(','));
const line = fc.oneof(
  { weight: 8, arbitrary: row },
  { weight: 1, arbitrary: pick('', '201901,"unclosed,13800138000', '201901,4401960ABC,,甲,13800138000,71023900,一般贸易,印度,进口,1,克拉,100,extra') },
);

test('property: random enterprise extracts never lose a row nor show the personal column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'enterprise-prop-'));
  let n = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 30 }), fc.boolean(), async (lines, gbk) => {
        const path = join(dir, `random_${n++}.csv`);
        const text = [HEADER, ...lines].join('\n') + '\n';
        writeFileSync(path, gbk ? encodeGb18030(text) : text);
        const dataLines = lines.map((l, i) => (l.trim() === '' ? null : i + 2)).filter((x) => x !== null);
        if (dataLines.length === 0) {
          // A header over blank lines only is refused, never loaded as zero rows.
          await assert.rejects(stageFile(path, {}), (e: unknown) => e instanceof StructuralError && /no data rows/.test(e.message));
          return;
        }
        const s = await stageFile(path, {});
        try {
          assert.equal(s.rowsIn, dataLines.length);
          assertReconciled(s);
          const seen = [...s.rows.map((r) => r._line as number), ...s.quarantine.map((q) => q.line)].sort((a, b) => a - b);
          assert.deepEqual(seen, dataLines);
          assert.ok(!JSON.stringify([s.rows, s.quarantine]).includes('13800138000'));
        } finally {
          s.close();
        }
      }),
      { numRuns: 40 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the enterprise adapter never lands a column outside its canonical set', () => {
  assert.deepEqual(adapter.landingColumns, ['period', 'customs_code', 'uscc', 'firm_name', 'hs_code', 'trade_mode_name', 'partner_name', 'flow', 'quantity', 'unit', 'value', 'currency']);
});
