// The two employment adapters (yearbook tables and per-firm headcounts) and their staging models, run on real
// fixture files through the pipeline's detection, landing, DuckDB loading and staging. Each case checks the exact
// rule, column and line of every quarantined row and that rows in = loaded + quarantined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageFile, declaration, type StagedFile } from '../../helpers/stageFile.ts';
import { loadClusterConfig } from '../../../pipelines/config.ts';
import { tablesOf } from '../../../pipelines/discover.ts';
import { adapter as firmsAdapter } from '../../../pipelines/sources/employmentFirms.ts';
import { findYearbookLayout, regionInText, unitInText } from '../../../pipelines/sources/employmentYearbook.ts';
import { StructuralError, type SourceDeclaration, type SourceKind } from '../../../pipelines/sources/types.ts';

const DIR = 'tests/fixtures/employment';

type Verdict = [line: number, rule: string, column: string | null];

async function staged<T>(file: string, kind: SourceKind, check: (s: StagedFile) => T | Promise<T>, decl: Partial<SourceDeclaration> = {}): Promise<T> {
  const s = await stageFile(join(DIR, file), decl);
  try {
    assert.equal(s.adapter.kind, kind, `${file} is detected as ${kind}`);
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length, `${file}: every input row is loaded or quarantined`);
    return await check(s);
  } finally {
    s.close();
  }
}

const verdicts = (s: StagedFile): Verdict[] => s.quarantine.map((q) => [q.line, q.rule, q.column]);
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

test('yearbook workbook: title, unit note, merged 行业/年份 header, blanks and "-" not reported, footnotes skipped', () =>
  staged('yearbook.xlsx', 'employment_yearbook', (s) => {
    // 4 industries × 5 years = 20 cells; 2 are blank or "-" (not reported, not rows): 18 in.
    assert.equal(s.rowsIn, 18);
    assert.equal(s.rows.length, 16);
    assert.deepEqual(sorted(verdicts(s)), sorted([[7, 'persons_unparseable', 'persons'], [7, 'value_negative', 'persons']]));
    assert.ok(s.rows.every((r) => r.region_code === '440113'), 'region from the title (番禺区)');
    const jewelry = s.rows.filter((r) => r.industry_code === '2438').map((r) => [r._line, r.year, r.persons]);
    assert.deepEqual(sorted(jewelry), sorted([[5, 2010, 98000], [5, 2011, 99500], [5, 2012, 101000], [5, 2013, 100200], [5, 2014, 95000]]));
    const other = s.rows.filter((r) => r.industry_code === '3099').map((r) => r.year);
    assert.deepEqual(sorted(other), [2010, 2012, 2014]);
    const retail = s.rows.filter((r) => r._line === 8);
    assert.ok(retail.length === 5 && retail.every((r) => r.industry_code === '5245' && r.industry_name === '珠宝首饰零售'), 'a name alone resolves its class');
    assert.ok(!s.rows.some((r) => (r._line as number) >= 9), 'footnote rows are not data');
    const raw = s.quarantine.find((q) => q.rule === 'persons_unparseable')!;
    assert.match(raw.message, /"约3200" is not a number of persons/);
    assert.equal(raw.raw, '440113,2012,5146 首饰、工艺品及收藏品批发,约3200,人', 'raw is the one cell, not its row siblings');
  }));

test('yearbook CSV in 万人 with code and name in two columns: scaled to persons, totals kept without a code', () =>
  staged('yearbook_wan.csv', 'employment_yearbook', (s) => {
    assert.deepEqual(verdicts(s), []);
    assert.deepEqual(
      sorted(s.rows.map((r) => [r._line, r.region_code, r.year, r.industry_code, r.industry_name, r.persons])),
      sorted([
        [4, '440100', 2015, '2438', '珠宝首饰及有关物品制造', 102000],
        [4, '440100', 2016, '2438', '珠宝首饰及有关物品制造', 100500],
        [4, '440100', 2017, '2438', '珠宝首饰及有关物品制造', 98000],
        [5, '440100', 2015, '24', '文教、工美、体育和娱乐用品制造业', 251000],
        [5, '440100', 2016, '24', '文教、工美、体育和娱乐用品制造业', 253000],
        [6, '440100', 2015, null, '合计', 353000],
        [6, '440100', 2016, null, '合计', 353500],
      ]),
    );
  }));

test('yearbook: a year header that is no year, a row without industry and a repeated industry with another figure (a conflict); region from the declaration', () =>
  staged(
    'yearbook_bad_year.csv',
    'employment_yearbook',
    (s) => {
      assert.deepEqual(sorted(verdicts(s)), sorted([
        [2, 'year_unparseable', 'year'],
        [2, 'year_unparseable', 'year'],
        [4, 'required_value_missing', 'industry_text'],
      ]));
      assert.equal(s.rows.length, 5);
      assert.ok(s.rows.every((r) => r.region_code === '440113'));
      assert.ok(s.quarantine.some((q) => /column header "201O" is not a year/.test(q.message)));
      // 5245 in 2010: 800 on row 3, 810 on row 5. Not a duplicate: a conflict, the later row kept.
      const retail2010 = s.rows.filter((r) => r.industry_code === '5245' && r.year === 2010).map((r) => [r._line, Number(r.persons), r.conflict_resolution]);
      assert.deepEqual(retail2010, [[3, 800, 'superseded'], [5, 810, 'kept']]);
    },
    { title: { zh: '番禺区从业人员（示例）', en: 'Panyu employment' } },
  ));

test('yearbook layout detection needs a 行业 label over year columns, not just years in a column', () => {
  const rows = (cells: string[][]) => cells.map((c, i) => ({ line: i + 1, cells: c }));
  assert.deepEqual(findYearbookLayout(rows([['分行业从业人员'], ['行业', '年份', '年份'], ['', '2010', '2011'], ['2438', '1', '2']])), {
    yearRow: 2,
    headerRow: 1,
    firstValueColumn: 1,
    headerEnd: 2,
  });
  assert.equal(findYearbookLayout(rows([['统一社会信用代码', '年份', '从业人员'], ['91440113MA5A0001XM', '2019', '35']])), null);
  assert.equal(findYearbookLayout(rows([['行业', '从业人员'], ['2438', '35']])), null);
  assert.equal(findYearbookLayout(rows([['行业', '1989', '2101']])), null, 'years outside 1990–2100 are not year columns');
  assert.equal(regionInText(loadClusterConfig(), ['广州市番禺区分行业从业人员']), '440113', 'the most specific region wins');
  assert.equal(regionInText(loadClusterConfig(), ['海珠区从业人员']), null);
  assert.equal(unitInText(['（单位：万人）']), '万人');
  assert.equal(unitInText(['表1']), '人');
});

test('per-firm headcounts: aliases, 2020年, thousands separators, lower-case USCC; personal columns not landed', async () => {
  await staged('firms.csv', 'employment_firms', (s) => {
    assert.deepEqual(verdicts(s), []);
    assert.deepEqual(s.rows.map((r) => [r._line, r.uscc, r.year, r.employees]), [
      [2, '91440113MA5A0001XM', 2019, 35],
      [3, '91440113MA5A0001XM', 2020, 1200],
      [4, '91440113MA5A0002XN', 2020, 0],
    ]);
    assert.deepEqual(Object.keys(s.rows[0]).filter((k) => !k.startsWith('_')), ['uscc', 'year', 'employees', 'conflict_resolution']);
  });
  const work = mkdtempSync(join(tmpdir(), 'firms-'));
  try {
    for (const file of ['firms.csv', 'firms.xlsx']) {
      const [table] = await tablesOf(join(DIR, file), file);
      const landingPath = join(work, 'landing.csv');
      await firmsAdapter.land(table, { config: loadClusterConfig(), workDir: work, landingPath, declaration: declaration() });
      const text = readFileSync(landingPath, 'utf8');
      for (const p of ['陈大文', '林小红', '13912345678', '020-84731234', '13800001111', '广州甲公司']) assert.ok(!text.includes(p), `${file}: ${p} landed`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('per-firm workbook under a title row: 年度 and 职工人数 headers, sheet rows as lines', () =>
  staged('firms.xlsx', 'employment_firms', (s) => {
    assert.deepEqual(s.rows.map((r) => [r._line, r.uscc, r.year, r.employees]), [
      [3, '91440113MA5A0001XM', 2018, 120],
      [4, '91440113MA5A0002XN', 2018, 8],
      [5, '91440113MA5A0002XN', 2019, 9],
    ]);
  }));

test('per-firm headcounts: each broken row with its rule, column and line', () =>
  staged('firms_bad.csv', 'employment_firms', (s) => {
    assert.deepEqual(verdicts(s), [
      [2, 'uscc_invalid_format', 'uscc'],
      [3, 'year_unparseable', 'year'],
      [4, 'year_unparseable', 'year'],
      [5, 'persons_unparseable', 'employees'],
      [6, 'value_negative', 'employees'],
      [7, 'persons_unparseable', 'employees'],
      [10, 'required_value_missing', 'uscc'],
      [11, 'required_value_missing', 'employees'],
    ]);
    // Lines 8 and 9 give one firm and year 40 and 41 persons: a conflict, not a duplicate; the later revision is kept.
    assert.deepEqual(s.rows.map((r) => [r._line, r.conflict_resolution]), [[8, 'superseded'], [9, 'kept'], [12, null]]);
    assert.match(s.quarantine[0].message, /15-digit 注册号/);
  }));

test('per-firm file without a year column stops the run naming the file and the column', async () => {
  await assert.rejects(stageFile(join(DIR, 'firms_missing_year.csv')), (e: unknown) => {
    assert.ok(e instanceof StructuralError);
    assert.equal(e.file, 'firms_missing_year.csv');
    assert.match(e.message, /missing required column 年份/);
    return true;
  });
});
