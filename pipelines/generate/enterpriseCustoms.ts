// Enterprise-level import/export records of the district's firms, cut from the district level of the trade
// model, so their sum per month × code × flow equals the model's district amount exactly.
import { FLOW_ZH, PARTNERS, TRADE_MODES, type Family } from './catalog.ts';
import type { SampleProfile } from './profile.ts';
import { splitInteger } from './allocate.ts';
import { toCny } from './customsStats.ts';
import { activeIn, type Firm } from './firms.ts';
import { hundredths, period, type CsvTable, type WorkbookTable } from './tables.ts';
import type { TradeCell, TradeModel } from './trade.ts';
import type { Rng } from './prng.ts';

export interface FirmTradeRow {
  cell: TradeCell;
  firm: Firm;
  partner: string;
  value: number;
  qty: number;
}

/**
 * The firms that can carry a family's trade in a year: the family's trader roles (e.g. cutters for natural
 * stones), else its fallback roles (before lab-grown growers arrived, synthetic stones went out set in jewelry).
 */
export function tradingPool(profile: SampleProfile, firms: Firm[], family: Family, year: number): Firm[] {
  const traders = firms.filter((f) => f.customsCode && activeIn(f, year));
  const of = (roles: Firm['role'][]) => traders.filter((f) => roles.includes(f.role));
  const fam = profile.families[family];
  const main = of(fam.traders);
  return main.length || !fam.fallback ? main : of(fam.fallback);
}

export function firmTradeRows(profile: SampleProfile, model: TradeModel, firms: Firm[], rng: Rng): FirmTradeRow[] {
  const rows: FirmTradeRow[] = [];
  for (const cell of model.levels.district.values()) {
    const pool = tradingPool(profile, firms, cell.product.family, cell.year).sort((a, b) => b.staff[cell.year] - a.staff[cell.year] || a.id - b.id);
    const chosen = [pool[0]];
    const rest = pool.slice(1);
    while (chosen.length < profile.families[cell.product.family].firmsPerCell && rest.length) {
      chosen.push(rest.splice(rng.weighted(rest.map((f) => f.staff[cell.year])), 1)[0]);
    }
    const weights = chosen.map((f) => f.staff[cell.year] * (0.5 + rng.next()));
    const values = splitInteger(cell.value, weights);
    const qtys = splitInteger(cell.qty, weights);
    const mix = profile.families[cell.product.family].partnerMix[cell.flow];
    chosen.forEach((firm, i) => {
      if (values[i] > 0) rows.push({ cell, firm, partner: mix[rng.weighted(mix.map(([, w]) => w))][0], value: values[i], qty: qtys[i] });
    });
  }
  return rows.sort(
    (a, b) =>
      a.cell.year - b.cell.year || a.cell.month - b.cell.month || a.firm.id - b.firm.id ||
      a.cell.product.hs8.localeCompare(b.cell.product.hs8) || a.cell.flow.localeCompare(b.cell.flow) || a.cell.mode.localeCompare(b.cell.mode),
  );
}

export const ENTERPRISE_HEADER_USD = ['数据年月', '海关编码', '统一社会信用代码', '企业名称', '商品编码', '贸易方式', '贸易国别(地区)', '进出口', '数量', '单位', '美元'];
export const ENTERPRISE_HEADER_CNY = ['数据年月', '统一社会信用代码', '企业名称', '商品编码', '贸易方式', '贸易国别(地区)', '进出口', '数量', '单位', '人民币'];

export function enterpriseCsv(relPath: string, rows: FirmTradeRow[]): CsvTable {
  return {
    format: 'csv',
    relPath,
    header: ENTERPRISE_HEADER_USD,
    rows: rows.map((r) => [
      period(r.cell.year, r.cell.month), r.firm.customsCode!, r.firm.uscc, r.firm.name, r.cell.product.hs8,
      TRADE_MODES[r.cell.mode].name, PARTNERS[r.partner].name, FLOW_ZH[r.cell.flow], hundredths(r.qty), r.cell.product.unit, String(r.value),
    ]),
    encoding: 'gbk',
  };
}

/** The later extract: 人民币 instead of 美元 (rounded down, see toCny) and no 海关编码 column. */
export function enterpriseWorkbook(relPath: string, rows: FirmTradeRow[]): WorkbookTable {
  return {
    format: 'xlsx',
    relPath,
    sheets: [{
      name: '进出口明细',
      rows: [
        ENTERPRISE_HEADER_CNY,
        ...rows.map((r) => [
          period(r.cell.year, r.cell.month), r.firm.uscc, r.firm.name, r.cell.product.hs8, TRADE_MODES[r.cell.mode].name,
          PARTNERS[r.partner].name, FLOW_ZH[r.cell.flow], r.qty / 100, r.cell.product.unit, toCny(r.value, r.cell.year, 'down'),
        ]),
      ],
    }],
  };
}
