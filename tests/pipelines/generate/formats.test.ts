import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSample } from '../../../pipelines/generate/generate.ts';
import { PATHS } from '../../../pipelines/generate/sources.ts';
import { declarationFor } from '../../../pipelines/discover.ts';
import type { SourceDeclaration } from '../../../pipelines/sources/types.ts';
import { csvTable, decodeCsv, splitCsvLine, workbookRows } from './sampleReader.ts';

const sample = await generateSample();
const files = sample.files;
const CUSTOMS_FULL = '数据年月,商品编码,商品名称,贸易伙伴编码,贸易伙伴名称,贸易方式编码,贸易方式名称,注册地编码,注册地名称,第一数量,第一计量单位,第二数量,第二计量单位,美元'.split(',');
const without = (cols: string[], ...drop: string[]) => cols.filter((c) => !drop.includes(c));

const GBK_HEADERS: Record<string, string[]> = {
  [PATHS.nationalImport]: without(CUSTOMS_FULL, '注册地编码', '注册地名称'),
  [PATHS.nationalExport]: without(CUSTOMS_FULL, '注册地编码', '注册地名称'),
  [PATHS.provinceImport]: without(CUSTOMS_FULL, '贸易伙伴编码', '贸易伙伴名称'),
  [PATHS.provinceExportCny]: [...without(CUSTOMS_FULL, '贸易伙伴编码', '贸易伙伴名称', '贸易方式编码', '贸易方式名称', '美元'), '人民币'],
  [PATHS.enterpriseCsv]: '数据年月,海关编码,统一社会信用代码,企业名称,商品编码,贸易方式,贸易国别(地区),进出口,数量,单位,美元'.split(','),
};

test('GBK files decode strictly as GB18030, are not UTF-8, and carry the exact header', () => {
  for (const [path, header] of Object.entries(GBK_HEADERS)) {
    const bytes = files.get(path)!;
    assert.ok(bytes, `${path} missing`);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), `${path} should not be UTF-8`);
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    const first = splitCsvLine(text.split('\r\n')[0]);
    const customs = path.startsWith('customs_stats/');
    // Customs exports end every line with a comma: an empty last column.
    assert.deepEqual(first, customs ? [...header, ''] : header, path);
  }
});

test('customs CSVs look like the platform export: trailing comma, quoted thousands, leading TABs', () => {
  for (const path of [PATHS.nationalImport, PATHS.nationalExport, PATHS.provinceImport, PATHS.provinceExportCny]) {
    const lines = decodeCsv(files.get(path)!).text.split('\r\n').filter(Boolean);
    assert.ok(lines.every((l) => l.endsWith(',')), `${path}: every line ends with a comma`);
    assert.ok(lines.some((l) => /"\d{1,3}(,\d{3})+"/.test(l)), `${path}: quoted thousands separators`);
    assert.ok(lines.some((l) => l.includes(',\t')), `${path}: cells starting with a TAB`);
    const { rows } = csvTable(files.get(path)!);
    assert.ok(rows.filter((r) => /^\d{6}$/.test(r.cells[0])).length > 1000, `${path}: YYYYMM periods`);
  }
});

test('periods span 2010-01..2025-12 and lab-grown codes switch in 2022', () => {
  const periods = new Set<string>();
  const codes = new Map<string, Set<number>>();
  for (const path of [PATHS.nationalImport, PATHS.nationalExport]) {
    for (const r of csvTable(files.get(path)!).rows) {
      if (!/^\d{6}$/.test(r.cells[0])) continue;
      periods.add(r.cells[0]);
      const years = codes.get(r.cells[1]) ?? new Set();
      years.add(Number(r.cells[0].slice(0, 4)));
      codes.set(r.cells[1], years);
    }
  }
  assert.equal(periods.size, 192);
  assert.equal(Math.max(...codes.get('71042000')!), 2021);
  assert.equal(Math.min(...codes.get('71042100')!), 2022);
  assert.equal(Math.min(...codes.get('71049100')!), 2022);
  for (const c of ['71021000', '71022100', '71022900', '71023100', '71023900', '71131911', '71131919', '71132000']) assert.ok(codes.has(c), c);
});

test('workbooks have one sheet whose first row is the expected header', async () => {
  const expect: Record<string, string[]> = {
    [PATHS.provinceImportXlsx]: CUSTOMS_FULL,
    [PATHS.provinceExportXlsx]: CUSTOMS_FULL,
    [PATHS.enterpriseXlsx]: '数据年月,统一社会信用代码,企业名称,商品编码,贸易方式,贸易国别(地区),进出口,数量,单位,人民币'.split(','),
    [PATHS.registryAggregator]: '序号,公司名称,注册资金,法定代表人,成立时间,经营状态,电话,邮箱,详细地址,统一社会信用代码,纳税人识别号,注册号,组织机构代码,公司类型,所属行业,所属地区,曾经用名,企业类型,补充电话,经营范围,备注'.split(','),
  };
  for (const [path, header] of Object.entries(expect)) {
    const sheets = await workbookRows(files.get(path)!);
    assert.equal(sheets.length, 1, path);
    assert.deepEqual(sheets[0].rows[0].cells, header, path);
    assert.ok(sheets[0].rows.length > 100, path);
  }
});

test('the yearbook has a title, a two-row merged header, industry rows and a footnote', async () => {
  const [sheet] = await workbookRows(files.get(PATHS.yearbook)!);
  const firstCells = sheet.rows.map((r) => r.cells[0]);
  assert.match(firstCells[0], /番禺区分行业从业人员（示例数据）/);
  const header = sheet.rows.find((r) => r.cells[0] === '行业')!;
  assert.equal(header.cells[1], '年份');
  const years = sheet.rows[sheet.rows.indexOf(header) + 1].cells;
  assert.deepEqual(years.slice(1, 3), ['2010', '2011']);
  assert.equal(years[16], '2025');
  assert.ok(firstCells.includes('2438 珠宝首饰及有关物品制造'));
  assert.match(firstCells[firstCells.length - 1], /^注：/);
});

test('registry licence CSV is UTF-8 with a BOM and the official field list', () => {
  const bytes = files.get(PATHS.registryLicence)!;
  const d = decodeCsv(bytes);
  assert.equal(d.encoding, 'utf-8');
  assert.ok(d.bom);
  assert.deepEqual(csvTable(bytes).header, '统一社会信用代码,企业名称,类型,住所,法定代表人,注册资本,成立日期,营业期限自,营业期限至,登记机关,核准日期,登记状态,经营范围'.split(','));
  const text = d.text;
  for (const s of ['万美元', '万港元', '.000000万', '万元人民币', '年', '/', '吊销，未注销', '注销', '迁出', '存续（在营、开业、在册）']) assert.ok(text.includes(s), `registry shows ${s}`);
});

test('sources.json declares every generated file, synthetic, with a flow for each customs-statistics file', () => {
  const { sources } = JSON.parse(files.get('sources.json')!.toString('utf8')) as { sources: SourceDeclaration[] };
  const ids = sources.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  for (const path of files.keys()) {
    if (!/\.(csv|xlsx)$/.test(path)) continue;
    const d = declarationFor(sources, path);
    assert.ok(d, `${path} is declared`);
    assert.equal(d!.synthetic, true, path);
    assert.match(d!.asOf ?? '', /^\d{4}-\d{2}-\d{2}$/);
    if (path.startsWith('customs_stats/')) assert.ok(d!.flow === 'import' || d!.flow === 'export', `${path} has a flow`);
  }
  const kp = sources.find((s) => s.path === 'kimberley/')!;
  assert.equal(kp.synthetic, false);
  assert.equal(kp.id, 'kp_production');
});
