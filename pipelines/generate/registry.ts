// Registry extracts in the two layouts found in practice: the official licence fields (CSV) and an
// aggregator export (XLSX). Both carry the personal columns real extracts carry (法定代表人, 电话, 邮箱),
// filled with obvious placeholders, so the pipeline's job of dropping them is exercised.
import { ymdKey, type Firm, type Ymd } from './firms.ts';
import type { Rng } from './prng.ts';
import type { SampleProfile } from './profile.ts';
import type { CsvTable, WorkbookTable } from './tables.ts';

export const LICENCE_HEADER = ['统一社会信用代码', '企业名称', '类型', '住所', '法定代表人', '注册资本', '成立日期', '营业期限自', '营业期限至', '登记机关', '核准日期', '登记状态', '经营范围'];
export const AGGREGATOR_HEADER = ['序号', '公司名称', '注册资金', '法定代表人', '成立时间', '经营状态', '电话', '邮箱', '详细地址', '统一社会信用代码', '纳税人识别号', '注册号', '组织机构代码', '公司类型', '所属行业', '所属地区', '曾经用名', '企业类型', '补充电话', '经营范围', '备注'];

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
  // Some firms' capital has a fraction of 万元 (305843.0395万元人民币); it is the firm's own, so the licence file and
  // the aggregator export state the same amount in whatever spelling each uses.
  const exact = f.id % 3 === 1 ? a + ((f.id * 7919) % 10000) / 10000 : a;
  switch (rng.int(0, 3)) {
    case 0: return `${exact.toFixed(6)}万`;
    case 1: return `${exact.toFixed(4)}万元人民币`;
    case 2: return `${exact}万元`;
    default: return `${exact}万元人民币`;
  }
}

const scopeOf = (p: SampleProfile, f: Firm) => f.scope ?? p.industries[f.industry].scope;

const authority = (p: SampleProfile, d: Ymd) => (d.y >= 2015 ? p.authority.from2015 : p.authority.before2015);

export function licenceRow(p: SampleProfile, f: Firm, rng: Rng): string[] {
  const style = (['iso', 'iso', 'iso', 'iso', 'iso', 'iso', 'iso', 'slash', 'slash', 'zh'] as const)[rng.int(0, 9)];
  return [
    f.uscc, f.name, f.entityType, f.address, f.legalRep, capitalText(f, rng), formatDate(f.established, style), formatDate(f.established, style),
    f.termTo ? formatDate(f.termTo, style) : rng.chance(0.85) ? '长期' : '', authority(p, f.approved), formatDate(f.approved, style),
    STATUS_LICENCE[f.closed?.kind ?? 'active'], scopeOf(p, f),
  ];
}

const enterpriseKind = (f: Firm) =>
  f.entityType.includes('外国') ? '外商投资企业' : f.entityType.includes('台港澳') ? '港澳台投资企业' : '民营企业';

/** Old 15-digit registration numbers, with the area code of their time (a district's code can have changed since). */
const registrationNo = (p: SampleProfile, f: Firm) => (f.established.y < 2015 ? `${p.oldRegistrationArea}000${String(100000 + f.id * 37).slice(-6)}` : '');

export function aggregatorRow(p: SampleProfile, f: Firm, serial: number, rng: Rng): (string | number)[] {
  const body = f.uscc.slice(8, 17);
  return [
    serial, f.name, capitalText(f, rng), f.legalRep, formatDate(f.established, 'iso'),
    f.closed ? STATUS_AGGREGATOR[f.closed.kind] : rng.chance(0.3) ? '存续' : STATUS_AGGREGATOR.active,
    f.phone, f.email, f.address, f.uscc, f.uscc, registrationNo(p, f), `${body.slice(0, 8)}-${body[8]}`, f.entityType,
    p.industries[f.industry].name, p.regionText, f.formerName ?? '', enterpriseKind(f),
    rng.chance(0.2) ? `${p.phoneArea}-0000${String((f.id * 7) % 10000).padStart(4, '0')}` : '', scopeOf(p, f), '示例数据',
  ];
}

export function licenceCsv(p: SampleProfile, relPath: string, firms: Firm[], rng: Rng): CsvTable {
  const listed = firms.filter((f) => f.layout !== 'aggregator').sort((a, b) => ymdKey(a.established) - ymdKey(b.established) || a.id - b.id);
  return { format: 'csv', relPath, header: LICENCE_HEADER, rows: listed.map((f) => licenceRow(p, f, rng)), encoding: 'utf-8', bom: true };
}

export function aggregatorWorkbook(p: SampleProfile, relPath: string, firms: Firm[], rng: Rng): WorkbookTable {
  const listed = firms.filter((f) => f.layout !== 'licence');
  return {
    format: 'xlsx',
    relPath,
    sheets: [{ name: '企业列表', rows: [AGGREGATOR_HEADER, ...listed.map((f, i) => aggregatorRow(p, f, i + 1, rng))] }],
  };
}
