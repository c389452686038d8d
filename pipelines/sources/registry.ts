// Enterprise registry extracts: the official licence fields (统一社会信用代码, 企业名称, 类型, 住所, … 经营范围) or the
// common aggregator layout (序号, 公司名称, 注册资金, 法定代表人, …). Both carry personal data (法定代表人, 电话, 邮箱,
// 股东): only the canonical columns are landed, cell by cell, so a personal column never reaches a landing file.
// 注册资本 and 登记状态 are parsed here (pipelines/lib/capital.ts, registryStatus.ts) into extra landing columns; the
// staging SQL applies the rules to what they return.
import { capitalHeaderUnit, parseCapital } from '../lib/capital.ts';
import { normaliseRegistryStatus } from '../lib/registryStatus.ts';
import { landRows } from './landing.ts';
import type { Adapter, InputTable } from './types.ts';
import { hasAny, locateHeader, mapHeader, requireColumns, type ColumnSpec } from './shared/header.ts';
import { projectTable } from './shared/project.ts';

const USCC: ColumnSpec = { name: 'uscc', aliases: ['统一社会信用代码', '统一社会信用代码/注册号', '社会信用代码', '统一信用代码', '信用代码'] };
const NAME: ColumnSpec = { name: 'name', aliases: ['企业名称', '名称', '公司名称', '企业(机构)名称', '主体名称', '市场主体名称'] };

/** Columns that, beside a firm id or name, make a header a registry extract. */
const REGISTRY_FIELDS: ColumnSpec[] = [
  { name: 'entity_type', aliases: ['类型', '公司类型', '企业类型', '企业(机构)类型', '市场主体类型', '主体类型'] },
  { name: 'address', aliases: ['住所', '详细地址', '注册地址', '地址', '住所/经营场所', '经营场所', '企业地址'] },
  { name: 'capital_text', aliases: ['注册资本', '注册资金', '注册资本(万元)', '注册资金(万元)', '注册资本(万元人民币)', '注册资本(元)'] },
  { name: 'established', aliases: ['成立日期', '成立时间', '设立日期', '注册日期'] },
  { name: 'term_from', aliases: ['营业期限自', '经营期限自', '营业期限起'] },
  { name: 'term_to', aliases: ['营业期限至', '经营期限至', '营业期限止'] },
  { name: 'authority', aliases: ['登记机关'] },
  { name: 'approved', aliases: ['核准日期', '发照日期'] },
  { name: 'status_text', aliases: ['登记状态', '经营状态', '企业状态', '状态'] },
  { name: 'scope', aliases: ['经营范围'] },
  { name: 'industry_text', aliases: ['所属行业', '国标行业', '行业', '行业代码', '行业名称'] },
  { name: 'region_text', aliases: ['所属地区', '所属区县', '地区'] },
  { name: 'former_name', aliases: ['曾经用名', '曾用名'] },
];

export const REGISTRY_COLUMNS: ColumnSpec[] = [USCC, NAME, ...REGISTRY_FIELDS];

/** Landing columns: the source's text, then what the landing step parsed from 注册资本 and 登记状态. */
const LANDING_COLUMNS = [
  ...REGISTRY_COLUMNS.map((c) => c.name),
  'capital_wan_parsed',
  'capital_currency_parsed',
  'capital_error',
  'status_parsed',
  /** "official" (licence fields) or "aggregator": the official record wins when a firm is in both. */
  'layout',
];

const EXPECTED =
  '统一社会信用代码, 企业名称, 类型, 住所, 法定代表人, 注册资本, 成立日期, 营业期限自, 营业期限至, 登记机关, 核准日期, 登记状态, 经营范围 ' +
  '(or the aggregator layout 序号, 公司名称, 注册资金, …, 统一社会信用代码, …)';

const REQUIRED = [
  { name: 'uscc', label: '统一社会信用代码' },
  { name: 'name', label: '企业名称 (or 名称 / 公司名称)' },
];

export function isRegistryHeader(header: string[]): boolean {
  const has = (s: ColumnSpec) => hasAny(header, [s]);
  return (has(USCC) || has(NAME)) && REGISTRY_FIELDS.filter(has).length >= 2;
}

/** Re-anchors a table on its header row (a title row may sit above it). */
export function registryTable(table: InputTable, specs?: ColumnSpec[]): InputTable | null {
  return locateHeader(table, isRegistryHeader, specs);
}

export const adapter: Adapter = {
  kind: 'registry',
  label: { zh: '企业登记信息', en: 'Enterprise registry' },
  matches: (table) => registryTable(table) !== null,
  landingColumns: LANDING_COLUMNS,
  requiredColumns: REQUIRED.map((r) => r.name),
  async land(input, ctx) {
    const table = registryTable(input, REGISTRY_COLUMNS) ?? input;
    const map = mapHeader(table, REGISTRY_COLUMNS, EXPECTED);
    requireColumns(table, map, REQUIRED, EXPECTED);
    const capitalAt = map.names.indexOf('capital_text');
    const headerUnit = capitalAt >= 0 ? capitalHeaderUnit(table.header[capitalAt]) : null;
    // Cells such as 经营范围 may hold commas and quoted line breaks, so a record can span lines.
    const projection = await projectTable(table, map, { sourceId: ctx.declaration.id, skipBlank: 'row', aligned: true, multiline: true });
    const rows = projection.rows.map(({ line, values }) => {
      const capital = parseCapital(values.get('capital_text'), headerUnit);
      const parsed: Record<string, string | null> = {
        capital_wan_parsed: capital.kind === 'amount' ? String(capital.wan) : null,
        capital_currency_parsed: capital.kind === 'amount' ? capital.currency : null,
        capital_error: capital.kind === 'unparseable' ? capital.reason : null,
        status_parsed: normaliseRegistryStatus(values.get('status_text')),
      };
      return { line, cells: LANDING_COLUMNS.map((c) => (c in parsed ? parsed[c] : (values.get(c) ?? null))) };
    });
    // Aggregator exports number their rows (序号) and say 公司名称 where the licence says 企业名称.
    const layout = table.header.some((h) => h === '序号' || h === '公司名称') ? 'aggregator' : 'official';
    const landed = await landRows(rows, LANDING_COLUMNS, ctx.landingPath, { layout });
    return { ...landed, rowsIn: projection.rowsIn, quarantined: projection.quarantined };
  },
};
