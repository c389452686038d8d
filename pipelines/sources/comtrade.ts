// UN Comtrade data export (comtradeplus.un.org "Get data" → Download, CSV; the same columns as the data API) →
// landing rows, one per reporter × flow × partner × commodity × period (and customs procedure / mode of transport
// when the query breaks them out).
//
// The export is UTF-8 with a byte-order mark, comma-separated, one header row of camelCase names
// (`typeCode, freqCode, refPeriodId, refYear, refMonth, period, reporterCode, reporterISO, reporterDesc, flowCode,
// flowDesc, partnerCode, partnerISO, partnerDesc, partner2Code, …, cmdCode, cmdDesc, …, qtyUnitCode, qtyUnitAbbr,
// qty, …, netWgt, …, cifvalue, fobvalue, primaryValue, legacyEstimationFlag, isReported, isAggregate`). Values are
// US dollars (not thousands). Reporter and partner codes are Comtrade's M49-based numbers, which differ from ISO
// 3166 numeric for a few economies (India 699, USA 842, Switzerland 757, France 251, Norway 579), so the ISO alpha-3
// column (reporterISO / partnerISO) is the key; names are a fallback. The legacy comtrade.un.org CSV ("Reporter
// ISO", "Trade Value (US$)", "Trade Flow Code" 1/2/3/4) maps onto the same columns.
import { landRows } from './landing.ts';
import { hasAny, mapHeader, requireColumns, type ColumnSpec } from './shared/header.ts';
import { projectTable } from './shared/project.ts';
import type { Adapter, InputTable, LandContext, Landed } from './types.ts';

export const COMTRADE_SPECS: ColumnSpec[] = [
  { name: 'freq_code', aliases: ['freqCode'] },
  { name: 'ref_year', aliases: ['refYear', 'Year'] },
  { name: 'ref_month', aliases: ['refMonth'] },
  { name: 'period', aliases: ['period'] },
  { name: 'reporter_code', aliases: ['reporterCode', 'Reporter Code'] },
  { name: 'reporter_iso', aliases: ['reporterISO', 'Reporter ISO'] },
  { name: 'reporter_desc', aliases: ['reporterDesc', 'Reporter'] },
  { name: 'flow_code', aliases: ['flowCode', 'Trade Flow Code'] },
  { name: 'flow_desc', aliases: ['flowDesc', 'Trade Flow'] },
  { name: 'partner_code', aliases: ['partnerCode', 'Partner Code'] },
  { name: 'partner_iso', aliases: ['partnerISO', 'Partner ISO'] },
  { name: 'partner_desc', aliases: ['partnerDesc', 'Partner'] },
  { name: 'partner2_code', aliases: ['partner2Code', '2nd Partner Code'] },
  { name: 'classification_code', aliases: ['classificationCode', 'Classification'] },
  { name: 'cmd_code', aliases: ['cmdCode', 'Commodity Code'] },
  { name: 'cmd_desc', aliases: ['cmdDesc', 'Commodity'] },
  { name: 'customs_code', aliases: ['customsCode', 'Customs Proc. Code'] },
  { name: 'mot_code', aliases: ['motCode', 'Mode of Transport Code'] },
  { name: 'qty_unit_code', aliases: ['qtyUnitCode', 'Qty Unit Code'] },
  { name: 'qty_unit_abbr', aliases: ['qtyUnitAbbr', 'Qty Unit'] },
  { name: 'qty', aliases: ['qty', 'Qty'] },
  { name: 'net_wgt', aliases: ['netWgt', 'Netweight (kg)', 'Netweightkg'] },
  { name: 'cif_value', aliases: ['cifvalue', 'CIF Trade Value (US$)', 'CIF TradeValue'] },
  { name: 'fob_value', aliases: ['fobvalue', 'FOB Trade Value (US$)'] },
  { name: 'primary_value', aliases: ['primaryValue', 'Trade Value (US$)', 'TradeValueUS'] },
  { name: 'is_reported', aliases: ['isReported'] },
  { name: 'is_aggregate', aliases: ['isAggregate'] },
];

export const COMTRADE_COLUMNS = COMTRADE_SPECS.map((s) => s.name);

const spec = (name: string) => COMTRADE_SPECS.find((s) => s.name === name)!;
const REQUIRED = [
  { name: 'ref_year', label: 'refYear (or Year)' },
  { name: 'reporter_code', label: 'reporterCode (or Reporter Code)' },
  { name: 'flow_code', label: 'flowCode (or Trade Flow Code)' },
  { name: 'partner_code', label: 'partnerCode (or Partner Code)' },
  { name: 'cmd_code', label: 'cmdCode (or Commodity Code)' },
  { name: 'primary_value', label: 'primaryValue (or Trade Value (US$))' },
];

const EXPECTED = 'the UN Comtrade data export (typeCode, freqCode, refYear, period, reporterCode, reporterISO, flowCode, partnerCode, partnerISO, cmdCode, qty, cifvalue, fobvalue, primaryValue, …)';

/**
 * A Comtrade table names a reporter code, a partner code and a flow code: no other extract has that trio. The value
 * column is not needed to match, so a file missing it reaches land(), which then names the missing column.
 */
export function isComtradeHeader(header: string[]): boolean {
  return ['reporter_code', 'partner_code', 'flow_code'].every((c) => hasAny(header, [spec(c)])) && (hasAny(header, [spec('cmd_code')]) || hasAny(header, [spec('primary_value')]));
}

export const adapter: Adapter = {
  kind: 'comtrade',
  label: { zh: '联合国商品贸易统计数据库（UN Comtrade）导出', en: 'UN Comtrade data export' },
  matches: (table: InputTable) => isComtradeHeader(table.header),
  landingColumns: COMTRADE_COLUMNS,
  requiredColumns: REQUIRED.map((r) => r.name),
  async land(table: InputTable, ctx: LandContext): Promise<Landed> {
    const map = mapHeader(table, COMTRADE_SPECS, EXPECTED);
    requireColumns(table, map, REQUIRED, EXPECTED);
    // Every export row has all 47 cells: a row with more or fewer cannot be matched to columns.
    const projection = await projectTable(table, map, { sourceId: ctx.declaration.id, skipBlank: 'row', aligned: true });
    const rows = projection.rows.map(({ line, values }) => ({ line, cells: COMTRADE_COLUMNS.map((c) => values.get(c) ?? null) }));
    const landed = await landRows(rows, COMTRADE_COLUMNS, ctx.landingPath);
    return { ...landed, rowsIn: projection.rowsIn, quarantined: projection.quarantined };
  },
};
