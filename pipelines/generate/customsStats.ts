// China Customs statistics query exports (public aggregates) built from the trade model: national files by
// partner and trade mode, provincial files by 注册地 in three column sets, one of them a workbook.
import { PARTNERS, TRADE_MODES, type Flow, type ModeKey } from './catalog.ts';
import { CNY_PER_USD } from './calibration.ts';
import type { CustomsPlace, SampleProfile } from './profile.ts';
import { shareOf, splitInteger } from './allocate.ts';
import { period, thousands, type CsvTable, type WorkbookTable } from './tables.ts';
import type { Amount, TradeCell, TradeModel } from './trade.ts';
import type { Rng } from './prng.ts';

export const CUSTOMS_COLUMNS = {
  period: '数据年月', hs: '商品编码', hsName: '商品名称', partnerCode: '贸易伙伴编码', partnerName: '贸易伙伴名称',
  modeCode: '贸易方式编码', modeName: '贸易方式名称', placeCode: '注册地编码', placeName: '注册地名称',
  qty1: '第一数量', unit1: '第一计量单位', qty2: '第二数量', unit2: '第二计量单位',
} as const;

type Dim = 'partner' | 'mode' | 'place';

/** One output row before formatting. */
interface StatRow extends Amount {
  cell: TradeCell;
  partner?: string;
  place?: CustomsPlace;
}

function header(dims: Dim[], currency: '美元' | '人民币'): string[] {
  const c = CUSTOMS_COLUMNS;
  return [
    c.period, c.hs, c.hsName,
    ...(dims.includes('partner') ? [c.partnerCode, c.partnerName] : []),
    ...(dims.includes('mode') ? [c.modeCode, c.modeName] : []),
    ...(dims.includes('place') ? [c.placeCode, c.placeName] : []),
    c.qty1, c.unit1, c.qty2, c.unit2, currency,
  ];
}

function pickPartners(profile: SampleProfile, rng: Rng, cell: TradeCell, n: number): string[] {
  const mix = profile.families[cell.product.family].partnerMix[cell.flow];
  const out: string[] = [];
  while (out.length < Math.min(n, mix.length)) {
    const code = mix[rng.weighted(mix.map(([c, w]) => (out.includes(c) ? 0 : w)))][0];
    out.push(code);
  }
  return out;
}

/** Processing trade is spread over more partners than the single-partner general-trade and minor rows. */
const PARTNERS_PER_MODE: Record<ModeKey, number> = { general: 1, feedProcessing: 1, importedProcessing: 2 };

function splitAmount(a: Amount, weights: number[]): Amount[] {
  const v = splitInteger(a.value, weights);
  const q = splitInteger(a.qty, weights);
  return v.map((value, i) => ({ value, qty: q[i] }));
}

/** National rows: each cell split over a few partners. `extraPartners` widens the split for benchmarks. */
export function nationalRows(profile: SampleProfile, model: TradeModel, flow: Flow, rng: Rng, extraPartners = 0): StatRow[] {
  const rows: StatRow[] = [];
  for (const cell of model.levels.nation.values()) {
    if (cell.flow !== flow) continue;
    const n = (cell.product.main ? PARTNERS_PER_MODE[cell.mode] : 1) + extraPartners;
    const partners = extraPartners ? widePartners(rng, n) : pickPartners(profile, rng, cell, n);
    const parts = splitAmount(cell, partners.map(() => 0.3 + rng.next()));
    partners.forEach((partner, i) => parts[i].value > 0 && rows.push({ cell, partner, ...parts[i] }));
  }
  return rows;
}

function widePartners(rng: Rng, n: number): string[] {
  const all = Object.keys(PARTNERS);
  return Array.from({ length: n }, (_, i) => all[(i + rng.int(0, all.length - 1)) % all.length]).filter((c, i, a) => a.indexOf(c) === i);
}

/**
 * Provincial rows by 注册地: the city's amount goes to the district's place (the district's firms plus a share of
 * the rest) and the city's other place; the rest of the province to one place outside the city per family. The
 * district's place therefore always holds at least the district's own enterprise records.
 */
export function placeRows(profile: SampleProfile, model: TradeModel, flow: Flow, fromYear: number, toYear: number, rng: Rng, withPartner: boolean): StatRow[] {
  const rows: StatRow[] = [];
  for (const [key, cell] of model.levels.province) {
    if (cell.flow !== flow || cell.year < fromYear || cell.year > toYear) continue;
    const city = model.levels.city.get(key) ?? { value: 0, qty: 0 };
    const district = model.levels.district.get(key) ?? { value: 0, qty: 0 };
    // Only where the district's firms trade does the district's place appear; elsewhere the city reports as one place.
    const extra = district.value > 0 ? profile.districtPlaceExtraShare : 0;
    const inDistrict = {
      value: district.value + shareOf(city.value - district.value, extra),
      qty: district.qty + shareOf(city.qty - district.qty, extra),
    };
    const rest = profile.families[cell.product.family].restPlace;
    const parts: [CustomsPlace, Amount][] = [
      [profile.places.district, inDistrict],
      [profile.places.cityOther, { value: city.value - inDistrict.value, qty: city.qty - inDistrict.qty }],
      [rest, { value: cell.value - city.value, qty: cell.qty - city.qty }],
    ];
    for (const [place, a] of parts) {
      if (a.value <= 0) continue;
      rows.push({ cell, place, ...a, partner: withPartner ? pickPartners(profile, rng, cell, 1)[0] : undefined });
    }
  }
  return rows;
}

/** Rows without a trade-mode column: the same place's amounts summed over modes. */
export function collapseModes(rows: StatRow[]): StatRow[] {
  const out = new Map<string, StatRow>();
  for (const r of rows) {
    const k = `${period(r.cell.year, r.cell.month)}|${r.cell.product.hs8}|${r.place?.code}|${r.partner ?? ''}`;
    const prev = out.get(k);
    if (prev) {
      prev.value += r.value;
      prev.qty += r.qty;
    } else out.set(k, { ...r });
  }
  return [...out.values()];
}

const sortRows = (rows: StatRow[]) =>
  rows.sort((a, b) =>
    period(a.cell.year, a.cell.month).localeCompare(period(b.cell.year, b.cell.month)) ||
    a.cell.product.hs8.localeCompare(b.cell.product.hs8) ||
    (a.partner ?? '').localeCompare(b.partner ?? '') ||
    TRADE_MODES[a.cell.mode].code.localeCompare(TRADE_MODES[b.cell.mode].code) ||
    (a.place?.code ?? '').localeCompare(b.place?.code ?? ''),
  );

/**
 * CNY amounts at the year's average rate. Provincial files round up and district files round down, so that
 * after converting back at the same rate the district still cannot exceed its city.
 */
export function toCny(usd: number, year: number, round: 'up' | 'down'): number {
  const v = usd * CNY_PER_USD[year];
  return round === 'up' ? Math.ceil(v) : Math.floor(v);
}

export interface StatFileSpec {
  relPath: string;
  dims: Dim[];
  currency: '美元' | '人民币';
  /** Which cells get the leading TAB that the platform uses to force text. */
  tabbed: Dim[] | 'hs';
}

function cells(r: StatRow, spec: StatFileSpec): (string | number)[] {
  const tab = (s: string, on: boolean) => (on ? `\t${s}` : s);
  const tabbed = spec.tabbed;
  const p = r.cell.product;
  const mode = TRADE_MODES[r.cell.mode];
  const value = spec.currency === '美元' ? r.value : toCny(r.value, r.cell.year, 'up');
  return [
    period(r.cell.year, r.cell.month),
    tab(p.hs8, tabbed === 'hs'),
    p.name,
    ...(spec.dims.includes('partner') ? [tab(r.partner!, tabbed !== 'hs' && tabbed.includes('partner')), PARTNERS[r.partner!].name] : []),
    ...(spec.dims.includes('mode') ? [tab(mode.code, tabbed !== 'hs' && tabbed.includes('mode')), mode.name] : []),
    ...(spec.dims.includes('place') ? [tab(r.place!.code, tabbed !== 'hs' && tabbed.includes('place')), r.place!.name] : []),
    r.qty / 100, p.unit, '', '', value,
  ];
}

export function statCsv(rows: StatRow[], spec: StatFileSpec): CsvTable {
  return {
    format: 'csv',
    relPath: spec.relPath,
    header: header(spec.dims, spec.currency),
    rows: sortRows(rows).map((r) => cells(r, spec).map((v) => (typeof v === 'number' ? thousands(v) : v))),
    encoding: 'gbk',
    trailingComma: true,
  };
}

export function statWorkbook(rows: StatRow[], spec: StatFileSpec): WorkbookTable {
  return {
    format: 'xlsx',
    relPath: spec.relPath,
    sheets: [{ name: 'Sheet1', rows: [header(spec.dims, spec.currency), ...sortRows(rows).map((r) => cells(r, { ...spec, tabbed: [] }))] }],
  };
}
