// The customs statistics adapter and stg_customs_stats, run on real fixture files through the pipeline's own
// detection, landing, DuckDB loading and staging. Every case also checks that no row is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { stageFile, declaration, type StagedFile } from '../../helpers/stageFile.ts';
import { loadClusterConfig } from '../../../pipelines/config.ts';
import { createConfigTables } from '../../../pipelines/configTables.ts';
import { loadReferenceTables } from '../../../pipelines/reference.ts';
import { tablesOf } from '../../../pipelines/discover.ts';
import { adapter } from '../../../pipelines/sources/customsStats.ts';
import { adapter as enterpriseAdapter } from '../../../pipelines/sources/enterpriseCustoms.ts';
import { sniffCsv } from '../../../pipelines/sources/landing.ts';
import { StructuralError, type SourceDeclaration } from '../../../pipelines/sources/types.ts';
import { createLandingTable, createQuarantineTable, landTable, loadMacros, runStaging } from '../../../pipelines/stage.ts';
import { all, openDuck } from '../../../pipelines/lib/duck.ts';
import { encodeGb18030, invalidGbk } from '../../fixtures/customs_stats/make.ts';

const DIR = 'tests/fixtures/customs_stats';
const IMPORT: Partial<SourceDeclaration> = { flow: 'import' };

type Verdict = [line: number, rule: string, column: string | null];

function assertReconciled(s: { rowsIn: number; rows: unknown[]; quarantine: unknown[] }): void {
  assert.equal(s.rowsIn, s.rows.length + s.quarantine.length, 'every input row is loaded or quarantined');
}

async function staged<T>(file: string, decl: Partial<SourceDeclaration>, check: (s: StagedFile) => T | Promise<T>): Promise<T> {
  const s = await stageFile(join(DIR, file), decl);
  try {
    assert.equal(s.adapter.kind, 'customs_stats');
    assertReconciled(s);
    return await check(s);
  } finally {
    s.close();
  }
}

const verdicts = (s: StagedFile): Verdict[] => s.quarantine.map((q) => [q.line, q.rule, q.column]);
const day = (v: unknown) => (v as Date).toISOString().slice(0, 10);

const CASES: { file: string; decl?: Partial<SourceDeclaration>; loaded: number; quarantined: Verdict[] }[] = [
  { file: 'gbk_full_usd.csv', loaded: 4, quarantined: [] },
  { file: 'utf8_bom_reduced.csv', decl: { flow: 'export' }, loaded: 2, quarantined: [] },
  { file: 'rmb_with_flow.csv', decl: {}, loaded: 5, quarantined: [[7, 'flow_unknown', 'flow'], [8, 'flow_unknown', 'flow']] },
  {
    file: 'bad_periods.csv',
    loaded: 4,
    quarantined: [
      [3, 'period_unparseable', 'period'],
      [4, 'period_out_of_range', 'period'],
      [5, 'period_out_of_range', 'period'],
      [6, 'required_value_missing', 'period'],
      [10, 'period_unparseable', 'period'],
    ],
  },
  {
    file: 'bad_hs.csv',
    loaded: 3,
    quarantined: [
      [2, 'hs_code_invalid', 'hs_code'],
      [4, 'hs_code_unknown', 'hs_code'],
      [7, 'hs_code_unknown', 'hs_code'],
      [8, 'required_value_missing', 'hs_code'],
      [9, 'hs_code_invalid', 'hs_code'],
    ],
  },
  {
    file: 'bad_numbers.csv',
    loaded: 1,
    quarantined: [
      [2, 'quantity_unparseable', 'qty1'],
      [3, 'quantity_negative', 'qty1'],
      [4, 'quantity_unparseable', 'qty2'],
      [5, 'value_unparseable', 'value'],
      [6, 'value_negative', 'value'],
      [7, 'required_value_missing', 'value'],
      [8, 'value_unparseable', 'value'],
      [10, 'quantity_unparseable', 'qty1'],
    ],
  },
  { file: 'units.csv', loaded: 5, quarantined: [[2, 'unit_unknown', 'unit1'], [3, 'unit_unknown', 'unit2']] },
  {
    file: 'duplicates_within.csv',
    loaded: 2,
    quarantined: [
      [3, 'duplicate_row', null],
      [5, 'duplicate_row', null],
      [6, 'period_unparseable', 'period'],
      [7, 'period_unparseable', 'period'],
    ],
  },
  {
    file: 'malformed_rows.csv',
    loaded: 4,
    quarantined: [[3, 'csv_malformed', null], [4, 'csv_malformed', null], [7, 'csv_malformed', null]],
  },
  { file: 'blank_lines.csv', loaded: 1, quarantined: [[7, 'unit_unknown', 'unit1']] },
  { file: 'extra_columns.csv', loaded: 2, quarantined: [] },
  { file: 'stats.xlsx', loaded: 2, quarantined: [[5, 'period_unparseable', 'period'], [6, 'csv_malformed', null]] },
];

for (const c of CASES) {
  test(`customs_stats ${c.file}: ${c.quarantined.map((q) => `${q[1]}@${q[0]}`).join(', ') || 'all rows load'}`, () =>
    staged(c.file, c.decl ?? IMPORT, (s) => {
      assert.deepEqual(verdicts(s), c.quarantined);
      assert.equal(s.rows.length, c.loaded);
    }));
}

test('the platform export (GBK, CRLF, tabs, thousands separators, trailing column) is typed and classified', () =>
  staged('gbk_full_usd.csv', IMPORT, (s) => {
    const [rough, polished, labGrown, jewelry] = s.rows;
    assert.equal(day(rough.period), '2013-01-01');
    assert.deepEqual(
      [rough.year, rough.month, rough.hs_code, rough.hs6, rough.hs_group, rough.flow, rough.partner_code, rough.partner_name],
      [2013, 1, '71023100', '710231', 'natural_rough', 'import', '110', '中国香港'],
    );
    assert.deepEqual([rough.trade_mode_code, rough.trade_mode_class, rough.place_code, rough.place_name], ['15', 'processing', '44019', '广州其他']);
    assert.deepEqual([rough.qty1, rough.unit1, rough.quantity_carats, rough.value_usd, rough.value_cny, rough.currency], [1234.5, '克拉', 1234.5, 12345678, null, 'USD']);
    assert.deepEqual([rough._line, rough._synthetic, rough._source_id], [2, true, 'test']);
    assert.equal(polished.trade_mode_class, 'processing');
    assert.deepEqual([labGrown.hs_group, labGrown.trade_mode_class, labGrown.quantity_carats], ['lab_grown_polished', 'general', 10000]);
    assert.deepEqual([jewelry.hs_group, jewelry.quantity_carats, jewelry.value_usd], ['jewelry', null, 9999.5]);
  }));

test('a file without trade-mode or place columns loads with those NULL and the declared flow', () =>
  staged('utf8_bom_reduced.csv', { flow: 'export' }, (s) => {
    assert.deepEqual(
      s.rows.map((r) => [r.flow, r.trade_mode_name, r.trade_mode_class, r.place_code, r.partner_code, r.quantity_carats, r.value_usd]),
      [
        ['export', null, null, null, '301', 2500, 1250000],
        ['export', null, null, null, '138', 200, 880],
      ],
    );
  }));

test('a 人民币 file is converted with the year\'s rate; a year without a rate keeps value_usd NULL', () =>
  staged('rmb_with_flow.csv', {}, (s) => {
    assert.deepEqual(
      s.rows.map((r) => [r._line, r.flow, r.currency, r.value_cny, r.value_usd === null ? null : Math.round(r.value_usd as number)]),
      [
        [2, 'import', 'CNY', 619320, 100000],
        [3, 'export', 'CNY', 619320, 100000],
        [4, 'import', 'CNY', 10000, 1615],
        [5, 'export', 'CNY', 10000, 1615],
        [6, 'import', 'CNY', 8350, null],
      ],
    );
    assert.match(s.quarantine[0].message, /进出口 "转口"/);
    assert.equal(s.quarantine[1].message, '进出口 is empty');
  }));

test('quarantine messages quote the value and say why', () =>
  staged('bad_periods.csv', IMPORT, (s) => {
    assert.equal(s.quarantine[0].message, '数据年月 "2013-13" is not a YYYYMM month');
    assert.match(s.quarantine[1].message, /"198912" is outside the years 1990–2100/);
    assert.deepEqual(s.rows.map((r) => day(r.period)), ['2013-01-01', '2013-02-01', '2013-03-01', '2013-04-01']);
  }));

test('commodity codes: dotted codes are cleaned, HS 2017 codes are known through the cluster groups', () =>
  staged('bad_hs.csv', IMPORT, (s) => {
    assert.deepEqual(
      s.rows.map((r) => [r.hs_code, r.hs_group]),
      [
        ['71023900', 'natural_polished'],
        ['71042000', 'lab_grown_rough'],
        ['71039100', null],
      ],
    );
    assert.match(s.quarantine[1].message, /HS 999999 is neither in the HS 2022 nomenclature nor in the cluster's HS groups/);
  }));

test('a 6-digit code in a cluster group but not in ref_hs is known', async () => {
  const base = loadClusterConfig();
  const config = { ...base, hsGroups: base.hsGroups.map((g) => (g.id === 'natural_polished' ? { ...g, hs6: [...g.hs6, '710299'] } : g)) };
  const s = await stageFile(join(DIR, 'bad_hs.csv'), IMPORT, config);
  try {
    assertReconciled(s);
    assert.ok(s.rows.some((r) => r.hs_code === '71029900' && r.hs_group === 'natural_polished'));
    assert.ok(!s.quarantine.some((q) => q.line === 7));
  } finally {
    s.close();
  }
});

test('numbers: full-width commas and spaces are cleaned, NaN is not a number, a missing quantity is NULL', () =>
  staged('bad_numbers.csv', IMPORT, (s) => {
    assert.deepEqual(
      s.rows.map((r) => [r._line, r.qty1, r.value_usd]),
      [[9, null, 1234]],
    );
    // "7,5" is not a thousands grouping: a decimal comma, refused rather than read as 75.
    assert.match(s.quarantine.find((q) => q.line === 10)!.message, /第一数量 "7,5" is not a number: thousands separators must group three digits/);
  }));

test('carats: 克 × 5 and 千克 × 5000 for diamonds only, the first unit first', () =>
  staged('units.csv', IMPORT, (s) => {
    assert.deepEqual(
      s.rows.map((r) => [r._line, r.unit1, r.quantity_carats]),
      [
        [4, '克', 50],
        [5, '个', null],
        [6, '件', null],
        [7, '千克', 2500],
        [8, '千克', 2500],
      ],
    );
    assert.equal(s.quarantine[0].message, '第一计量单位 "吨" is not one of 克拉, 千克, 克, 个, 件');
  }));

test('a duplicate names the first occurrence, compared after cleaning', () =>
  staged('duplicates_within.csv', IMPORT, (s) => {
    assert.equal(s.quarantine[0].message, 'the same record as duplicates_within.csv line 2');
    assert.equal(s.quarantine[1].message, 'the same record as duplicates_within.csv line 2');
  }));

test('malformed rows: an unclosed quote costs one row, a cut trailing column is tolerated, quoted quotes survive', () =>
  staged('malformed_rows.csv', IMPORT, (s) => {
    assert.deepEqual(s.rows.map((r) => r._line), [2, 5, 6, 9]);
    assert.match(s.quarantine[1].message, /quoted cell is not closed/);
    assert.match(s.quarantine[0].raw, /多出来的值/);
  }));

test('a trade-mode code without a name is class "other"; no trade mode at all is NULL; extra columns are ignored', () =>
  staged('extra_columns.csv', IMPORT, (s) => {
    assert.deepEqual(
      s.rows.map((r) => [r.trade_mode_code, r.trade_mode_class, r.qty1, r.value_usd]),
      [
        ['15', 'other', 1000, 20000],
        [null, null, 5, 700],
      ],
    );
    assert.ok(!adapter.landingColumns.some((c) => c.startsWith('_x')));
  }));

test('XLSX: the header is found under a title row, numeric cells are read, rows keep their sheet row numbers', () =>
  staged('stats.xlsx', IMPORT, (s) => {
    assert.deepEqual(
      s.rows.map((r) => [r._file, r._line, r.hs_code, r.partner_code, r.qty1, r.currency, Math.round(r.value_usd as number)]),
      [
        ['stats.xlsx#查询结果', 3, '71023900', '110', 1234.5, 'CNY', 100000],
        ['stats.xlsx#查询结果', 4, '71023100', '111', 10, 'CNY', 1000],
      ],
    );
    assert.equal(s.quarantine[1].file, 'stats.xlsx#查询结果');
  }));

async function assertStructural(file: string, decl: Partial<SourceDeclaration>, pattern: RegExp): Promise<void> {
  await assert.rejects(stageFile(join(DIR, file), decl), (e: unknown) => {
    assert.ok(e instanceof StructuralError, `expected a StructuralError, got ${e}`);
    assert.ok(e.message.startsWith(file), `the message names the file: ${e.message}`);
    assert.match(e.message, pattern);
    return true;
  });
}

test('no 进出口 column and no declared flow stops the run', () => assertStructural('no_flow.csv', {}, /declare "flow": "import" or "export"/));
test('a missing 第一数量 stops the run naming it and the expected header', () =>
  assertStructural('missing_qty1.csv', IMPORT, /missing required column 第一数量; expected a header like 数据年月,商品编码,商品名称/));
test('the 13-column variant without 数据年月 stops the run naming 数据年月', () =>
  assertStructural('missing_period.csv', IMPORT, /missing required column 数据年月;/));
test('two value columns in different currencies stop the run', () =>
  assertStructural('both_currencies.csv', IMPORT, /more than one value column \(美元, 人民币\)/));
test('undecodable bytes in a small file stop the run', () => assertStructural('invalid_bytes_gbk.csv', IMPORT, /neither UTF-8 nor GBK/));

test('undecodable bytes past the sniffed head stop the run with their line number', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'customs-'));
  try {
    const path = join(dir, 'big_invalid.csv');
    const extra = 1500;
    writeFileSync(path, invalidGbk(extra));
    await assert.rejects(stageFile(path, IMPORT), (e: unknown) => {
      assert.ok(e instanceof StructuralError);
      assert.equal(e.line, extra + 3);
      assert.match(e.message, new RegExp(`^big_invalid\\.csv:${extra + 3}: bytes that are not valid GBK/GB18030`));
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unknown header is recognised by neither customs adapter', async () => {
  const t = await sniffCsv(join(DIR, 'unknown_header.csv'), 'unknown_header.csv');
  assert.equal(adapter.matches(t), false);
  assert.equal(enterpriseAdapter.matches(t), false);
  await assert.rejects(stageFile(join(DIR, 'unknown_header.csv'), IMPORT), /no adapter recognises/);
});

test('matches(): the customs header, not an enterprise one', () => {
  const t = (header: string[]) => ({ path: '', relPath: '', format: 'csv' as const, headerLine: 1, header });
  assert.ok(adapter.matches(t(['数据年月', '商品编码', '美元', ''])));
  assert.ok(adapter.matches(t(['数据年月', '商品编码', '人民币'])));
  assert.ok(!adapter.matches(t(['数据年月', '商品编码', '企业名称', '美元'])));
  assert.ok(!adapter.matches(t(['数据年月', '统一社会信用代码', '商品编码', '美元'])));
  assert.ok(!adapter.matches(t(['数据年月', '商品名称', '美元'])));
});

/** Stages several files of one kind into one database, as a pipeline run does with a raw folder. */
async function stageTogether(paths: string[], decl: Partial<SourceDeclaration>) {
  const config = loadClusterConfig();
  const work = mkdtempSync(join(tmpdir(), 'customs-'));
  const { instance, conn } = await openDuck();
  try {
    await createConfigTables(conn, config);
    await loadReferenceTables(conn, 'data/reference');
    await loadMacros(conn);
    await createQuarantineTable(conn);
    await createLandingTable(conn, adapter);
    let rowsIn = 0;
    for (const [i, path] of paths.entries()) {
      for (const t of await tablesOf(path, basename(path))) {
        const d = declaration(decl);
        const { landed } = await landTable(conn, adapter, t, { config, workDir: work, declaration: d, landingPath: join(work, `landing_${i}.csv`) });
        rowsIn += landed.rowsIn;
      }
    }
    await runStaging(conn, adapter);
    const rows = await all(conn, 'SELECT * FROM stg_customs_stats ORDER BY _file, _line');
    const quarantine = await all<{ file: string; line: number; rule: string; message: string }>(conn, 'SELECT * FROM quarantine ORDER BY file, line');
    return { rowsIn, rows, quarantine };
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(work, { recursive: true, force: true });
  }
}

test('a row repeated in another file of the same kind is a duplicate; the earlier file keeps it', async () => {
  const s = await stageTogether([join(DIR, 'dup_file_b.csv'), join(DIR, 'dup_file_a.csv')], IMPORT);
  assertReconciled(s);
  assert.deepEqual(
    s.quarantine.map((q) => [q.file, q.line, q.rule, q.message]),
    [['dup_file_b.csv', 3, 'duplicate_row', 'the same record as dup_file_a.csv line 3']],
  );
  assert.equal(s.rows.length, 3);
});

test('the duplicate key the model computes for its post step (_post_dup_key) is not left in the staged rows', async () => {
  const s = await stageTogether([join(DIR, 'dup_file_b.csv'), join(DIR, 'dup_file_a.csv')], IMPORT);
  assert.equal(s.quarantine.filter((q) => q.rule === 'duplicate_row').length, 1);
  assert.ok(s.rows.length > 0);
  assert.deepEqual(Object.keys(s.rows[0] as object).filter((k) => k.startsWith('_post_')), []);
});

// Random customs files mixing good and bad cells, malformed and blank lines, in UTF-8 or GBK: whatever the mix,
// every data line is either loaded or quarantined, exactly once.
const HEADER = '数据年月,商品编码,商品名称,贸易伙伴编码,贸易伙伴名称,贸易方式名称,第一数量,第一计量单位,第二数量,第二计量单位,美元,';
const cell = {
  period: fc.constantFrom('201301', '\t201312', '2013-13', '198001', '', '2020年5月', 'x'),
  hs: fc.constantFrom('71023900', '\t7102.31.00', '7102390', '99999999', '', '71042000', '7113191000'),
  name: fc.constantFrom('钻石', '"钻石,成品"', '', '𠀀', '"引号""内"'),
  partner: fc.constantFrom('110', '', '999'),
  mode: fc.constantFrom('一般贸易', '进料加工贸易', '', '其他'),
  qty: fc.constantFrom('1', '"1,234.5"', '-3', 'abc', '', '\t7', 'NaN'),
  unit: fc.constantFrom('克拉', '千克', '克', '吨', ''),
  value: fc.constantFrom('100', '"12,345"', '-1', '', 'inf', '1e3'),
};
const goodOrBadRow = fc
  .tuple(cell.period, cell.hs, cell.name, cell.partner, cell.mode, cell.qty, cell.unit, cell.qty, cell.unit, cell.value)
  .map(([period, hs, name, partner, mode, qty1, unit1, qty2, unit2, value]) =>
    [period, hs, name, partner, '中国香港', mode, qty1, unit1, qty2, unit2, value, ''].join(','),
  );
const line = fc.oneof(
  { weight: 8, arbitrary: goodOrBadRow },
  { weight: 1, arbitrary: fc.constantFrom('', '201301,"unclosed,71023900', '201301,71023900,钻石,110,香港,一般贸易,1,克拉,,,100,,extra', '201301,71023900') },
);

test('property: random customs files never lose a row', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'customs-prop-'));
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
          await assert.rejects(stageFile(path, IMPORT), (e: unknown) => e instanceof StructuralError && /no data rows/.test(e.message));
          return;
        }
        const s = await stageFile(path, IMPORT);
        try {
          assert.equal(s.rowsIn, dataLines.length);
          assertReconciled(s);
          const seen = [...s.rows.map((r) => r._line as number), ...s.quarantine.map((q) => q.line)].sort((a, b) => a - b);
          assert.deepEqual(seen, dataLines);
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
