// Registry extracts in the two layouts found in practice: the official licence fields (CSV) and an
// aggregator export (XLSX). Both carry the personal columns real extracts carry (法定代表人, 电话, 邮箱),
// filled with obvious placeholders, so the pipeline's job of dropping them is exercised.
import { ymdKey, type Firm, type Ymd } from './firms.ts';
import type { Rng } from './prng.ts';
import type { CsvTable, WorkbookTable } from './tables.ts';

export const LICENCE_HEADER = ['统一社会信用代码', '企业名称', '类型', '住所', '法定代表人', '注册资本', '成立日期', '营业期限自', '营业期限至', '登记机关', '核准日期', '登记状态', '经营范围'];
export const AGGREGATOR_HEADER = ['序号', '公司名称', '注册资金', '法定代表人', '成立时间', '经营状态', '电话', '邮箱', '详细地址', '统一社会信用代码', '纳税人识别号', '注册号', '组织机构代码', '公司类型', '所属行业', '所属地区', '曾经用名', '企业类型', '补充电话', '备注'];

/** GB/T 4754-2017 class names as aggregators print them in 所属行业. */
export const INDUSTRY_NAMES: Record<string, string> = {
  '2438': '珠宝首饰及有关物品制造', '3099': '其他非金属矿物制品制造', '5146': '首饰、工艺品及收藏品批发', '5245': '珠宝首饰零售',
  '7491': '工业设计服务', '7452': '检测服务', '3360': '金属表面处理及热处理加工', '7284': '文化会展服务',
};

const SCOPES: Record<string, string> = {
  '2438': '珠宝首饰制造；金银制品制造；珠宝首饰批发；珠宝首饰零售；货物进出口',
  '3099': '人造金刚石（培育钻石）生产；非金属矿物制品制造；珠宝首饰制造；货物进出口',
  '5146': '珠宝首饰批发；工艺美术品及收藏品批发（象牙及其制品除外）；货物进出口',
  '5245': '珠宝首饰零售；金银制品销售；工艺美术品及礼仪用品销售',
  '7491': '工业设计服务；珠宝首饰设计；专业设计服务',
  '7452': '珠宝玉石检测服务；检验检测服务',
  '3360': '金属表面处理及热处理加工；激光打标加工',
  '7284': '会议及展览服务；珠宝首饰展览服务',
};

const STATUS_LICENCE = { active: '存续（在营、开业、在册）', revoked: '吊销，未注销', deregistered: '注销', moved_out: '迁出' };
const STATUS_AGGREGATOR = { active: '在业', revoked: '吊销', deregistered: '注销', moved_out: '迁出' };

export type DateStyle = 'iso' | 'slash' | 'zh';
export function formatDate(d: Ymd, style: DateStyle): string {
  const p = (n: number) => String(n).padStart(2, '0');
  if (style === 'slash') return `${d.y}/${d.m}/${d.d}`;
  if (style === 'zh') return `${d.y}年${d.m}月${d.d}日`;
  return `${d.y}-${p(d.m)}-${p(d.d)}`;
}

/** Registered capital as free text, in the several spellings registries use. */
export function capitalText(f: Firm, rng: Rng): string {
  const { amountWan: a, currency } = f.capital;
  if (currency === 'USD') return `${a}万美元`;
  if (currency === 'HKD') return `${a}万港元`;
  switch (rng.int(0, 3)) {
    case 0: return `${a.toFixed(6)}万`;
    case 1: return `${(a + rng.int(0, 9999) / 10000).toFixed(4)}万元人民币`;
    case 2: return `${a}万元`;
    default: return `${a}万元人民币`;
  }
}

const authority = (d: Ymd) => (d.y >= 2015 ? '广州市番禺区市场监督管理局' : '广州市番禺区工商行政管理局');

export function licenceRow(f: Firm, rng: Rng): string[] {
  const style = (['iso', 'iso', 'iso', 'iso', 'iso', 'iso', 'iso', 'slash', 'slash', 'zh'] as const)[rng.int(0, 9)];
  return [
    f.uscc, f.name, f.entityType, f.address, f.legalRep, capitalText(f, rng), formatDate(f.established, style), formatDate(f.established, style),
    f.termTo ? formatDate(f.termTo, style) : rng.chance(0.85) ? '长期' : '', authority(f.approved), formatDate(f.approved, style),
    STATUS_LICENCE[f.closed?.kind ?? 'active'], SCOPES[f.industry],
  ];
}

const enterpriseKind = (f: Firm) =>
  f.entityType.includes('外国') ? '外商投资企业' : f.entityType.includes('台港澳') ? '港澳台投资企业' : '民营企业';

/** Old 15-digit registration numbers: 440126 was Panyu's code when it was a county-level city. */
const registrationNo = (f: Firm) => (f.established.y < 2015 ? `440126000${String(100000 + f.id * 37).slice(-6)}` : '');

export function aggregatorRow(f: Firm, serial: number, rng: Rng): (string | number)[] {
  const body = f.uscc.slice(8, 17);
  return [
    serial, f.name, capitalText(f, rng), f.legalRep, formatDate(f.established, 'iso'),
    f.closed ? STATUS_AGGREGATOR[f.closed.kind] : rng.chance(0.3) ? '存续' : STATUS_AGGREGATOR.active,
    f.phone, f.email, f.address, f.uscc, f.uscc, registrationNo(f), `${body.slice(0, 8)}-${body[8]}`, f.entityType,
    INDUSTRY_NAMES[f.industry], '广东省广州市番禺区', f.formerName ?? '', enterpriseKind(f),
    rng.chance(0.2) ? `020-0000${String((f.id * 7) % 10000).padStart(4, '0')}` : '', '示例数据',
  ];
}

export function licenceCsv(relPath: string, firms: Firm[], rng: Rng): CsvTable {
  const listed = firms.filter((f) => f.layout !== 'aggregator').sort((a, b) => ymdKey(a.established) - ymdKey(b.established) || a.id - b.id);
  return { format: 'csv', relPath, header: LICENCE_HEADER, rows: listed.map((f) => licenceRow(f, rng)), encoding: 'utf-8', bom: true };
}

export function aggregatorWorkbook(relPath: string, firms: Firm[], rng: Rng): WorkbookTable {
  const listed = firms.filter((f) => f.layout !== 'licence');
  return {
    format: 'xlsx',
    relPath,
    sheets: [{ name: '企业列表', rows: [AGGREGATOR_HEADER, ...listed.map((f, i) => aggregatorRow(f, i + 1, rng))] }],
  };
}
