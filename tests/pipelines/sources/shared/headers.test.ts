// Multi-row headers (a merged title, a year row over a measure row, a unit row, a group label over specific
// labels) are read as headers, never as data rows; a header repeated inside the data is refused by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageFile, type StagedFile } from '../../../helpers/stageFile.ts';
import { writeWorkbook, type SheetSpec } from '../../../../pipelines/generate/xlsx.ts';

const withDir = async <T>(f: (dir: string) => Promise<T>): Promise<T> => {
  const dir = mkdtempSync(join(tmpdir(), 'headers-'));
  try {
    return await f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

async function staged<T>(path: string, check: (s: StagedFile) => T, decl = {}): Promise<T> {
  const s = await stageFile(path, decl);
  try {
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length, `${path}: rows in = loaded + quarantined`);
    return check(s);
  } finally {
    s.close();
  }
}

const INDUSTRIES: (string | number)[][] = [
  ['2438 珠宝首饰及有关物品制造', 98000, 99500, 101000],
  ['3099 其他非金属矿物制品制造', 1200, 1250, 1300],
];

const yearbook = (headerRows: (string | number | null)[][], merges: string[] = []): SheetSpec[] => [
  { name: '表1', rows: [['表1 番禺区按行业分从业人员'], ['单位：人'], ...headerRows, ...INDUSTRIES, ['资料来源：番禺统计年鉴']], merges: ['A1:D1', 'A2:D2', ...merges] },
];

const values = (s: StagedFile) => s.rows.map((r) => [r.industry_code, r.year, r.persons]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

test('yearbook: a year row over a measure row (从业人员 under each year) loads with zero quarantined rows and the same values', () =>
  withDir(async (dir) => {
    const one = join(dir, 'one_row.xlsx');
    const two = join(dir, 'two_rows.xlsx');
    writeFileSync(one, await writeWorkbook(yearbook([['行业', 2010, 2011, 2012]])));
    writeFileSync(two, await writeWorkbook(yearbook([['行业', 2010, 2011, 2012], [null, '从业人员', '从业人员', '从业人员']], ['A3:A4'])));
    const expected = await staged(one, (s) => (assert.deepEqual(s.quarantine, []), values(s)));
    assert.equal(expected.length, 6);
    await staged(two, (s) => {
      assert.deepEqual(s.quarantine, [], 'the measure row is header, not five rows naming no industry');
      assert.deepEqual(values(s), expected);
    });
    const unit = join(dir, 'unit_row.xlsx');
    writeFileSync(unit, await writeWorkbook(yearbook([['行业', '年份', null, null], [null, 2010, 2011, 2012], [null, '（人）', '（人）', '（人）']], ['A3:A5', 'B3:D3'])));
    await staged(unit, (s) => {
      assert.deepEqual(s.quarantine, []);
      assert.deepEqual(values(s), expected);
    });
  }));

const STATS_HEADER = ['数据年月', '商品编码', '商品名称', '贸易伙伴编码', '贸易伙伴名称', '第一数量', '第一计量单位', '第二数量', '第二计量单位', '美元'];
const STATS_ROWS: (string | number)[][] = [
  ['201901', '71023900', '非工业用钻石', '110', '香港', 1234.5, '克拉', 0, '', 100000],
  ['201902', '71023100', '未加工钻石', '111', '印度', 10, '克拉', 0, '', 1000],
];

test('customs workbook: a merged title, a group label over specific labels and a unit row are header, not data', () =>
  withDir(async (dir) => {
    const plain = join(dir, 'plain.xlsx');
    writeFileSync(plain, await writeWorkbook([{ name: '查询结果', rows: [STATS_HEADER, ...STATS_ROWS] }]));
    const shape = (s: StagedFile) => s.rows.map((r) => [r.period, r.hs_code, r.partner_code, r.qty1, r.unit1, r.value_usd]);
    const expected = await staged(plain, (s) => (assert.deepEqual(s.quarantine, []), shape(s)), { flow: 'import' });
    assert.equal(expected.length, 2);
    const grouped = join(dir, 'grouped.xlsx');
    writeFileSync(
      grouped,
      await writeWorkbook([
        {
          name: '查询结果',
          rows: [
            ['海关统计数据在线查询结果'],
            ['数据年月', '商品编码', '商品名称', '贸易伙伴编码', '贸易伙伴名称', '数量', '数量', '数量', '数量', '金额'],
            [null, null, null, null, null, '第一数量', '第一计量单位', '第二数量', '第二计量单位', '美元'],
            [null, null, null, null, null, null, null, null, null, '（美元）'],
            ...STATS_ROWS,
          ],
          merges: ['A1:J1', 'F2:I2'],
        },
      ]),
    );
    await staged(
      grouped,
      (s) => {
        assert.deepEqual(s.quarantine, [], 'title, group, label and unit rows are not data');
        assert.deepEqual(shape(s), expected);
        assert.deepEqual(s.rows.map((r) => r._line), [5, 6]);
      },
      { flow: 'import' },
    );
  }));

test('a header repeated inside the data is quarantined as header_repeated, in a CSV (line by line or direct) and a workbook', () =>
  withDir(async (dir) => {
    const csv = join(dir, 'pasted.csv');
    const line = (r: (string | number)[]) => r.join(',');
    writeFileSync(csv, [STATS_HEADER, STATS_ROWS[0], STATS_HEADER, STATS_ROWS[1]].map(line).join('\n') + '\n');
    for (const direct of [true, false]) {
      const s = await stageFile(csv, { flow: 'import' }, undefined, { direct });
      try {
        assert.equal(s.rowsIn, 3);
        assert.deepEqual(s.quarantine.map((q) => [q.line, q.rule]), [[3, 'header_repeated']], `direct: ${direct}`);
        assert.match(s.quarantine[0].message, /header row \(line 1\) is repeated here/);
        assert.equal(s.rows.length, 2);
      } finally {
        s.close();
      }
    }
    const firms = join(dir, 'firms.xlsx');
    const header = ['统一社会信用代码', '年份', '从业人员'];
    writeFileSync(firms, await writeWorkbook([{ name: 'a', rows: [header, ['91440113MA5A0001XM', 2018, 120], header, ['91440113MA5A0001XM', 2019, 121]] }]));
    await staged(firms, (s) => assert.deepEqual(s.quarantine.map((q) => [q.line, q.rule]), [[3, 'header_repeated']]));
    const book = join(dir, 'yearbook.xlsx');
    const pasted = yearbook([['行业', 2010, 2011, 2012]]);
    pasted[0].rows.splice(5, 0, ['行业', 2010, 2011, 2012]);
    writeFileSync(book, await writeWorkbook(pasted));
    await staged(book, (s) => assert.deepEqual(s.quarantine.map((q) => [q.line, q.rule]), [[6, 'header_repeated']]));
  }));
