// Header names of the two customs formats and how they map to canonical landing columns. Both formats come
// from tools and bureaus that label the same thing differently (贸易国别 / 国别（地区）/ 贸易国别(地区)), so each
// canonical column lists the labels seen for it (matched by shared/header.ts).
import { StructuralError } from './types.ts';
import type { ColumnSpec, HeaderMap } from './shared/header.ts';

export const VALUE_COLUMNS: ColumnSpec[] = [
  { name: 'value', currency: 'USD', aliases: ['美元', '金额(美元)', '美元金额', '美元值', '金额美元', 'usd'] },
  { name: 'value', currency: 'CNY', aliases: ['人民币', '金额(人民币)', '人民币金额', '人民币值', '金额(元)', 'cny', 'rmb'] },
];

export const FLOW_COLUMN: ColumnSpec = { name: 'flow', aliases: ['进出口', '进出口标志', '进出口类型', '进出口方向', '贸易流向'] };
export const PERIOD_COLUMN: ColumnSpec = { name: 'period', aliases: ['数据年月', '年月', '统计年月', '数据期'] };
export const HS_CODE_COLUMN: ColumnSpec = { name: 'hs_code', aliases: ['商品编码', '商品代码', 'hs编码', 'hs编码(10位)'] };

/** Columns of the public statistics export (stats.customs.gov.cn), in the export's own order. */
export const CUSTOMS_STATS_COLUMNS: ColumnSpec[] = [
  PERIOD_COLUMN,
  HS_CODE_COLUMN,
  { name: 'hs_name', aliases: ['商品名称'] },
  { name: 'partner_code', aliases: ['贸易伙伴编码', '国别编码', '国别(地区)编码'] },
  { name: 'partner_name', aliases: ['贸易伙伴名称', '贸易伙伴', '国别名称'] },
  { name: 'trade_mode_code', aliases: ['贸易方式编码', '监管方式编码'] },
  { name: 'trade_mode_name', aliases: ['贸易方式名称', '贸易方式', '监管方式名称'] },
  { name: 'place_code', aliases: ['注册地编码', '收发货人注册地编码', '境内目的地/货源地编码'] },
  { name: 'place_name', aliases: ['注册地名称', '收发货人注册地', '收发货人注册地名称'] },
  { name: 'qty1', aliases: ['第一数量'] },
  { name: 'unit1', aliases: ['第一计量单位', '第一单位'] },
  { name: 'qty2', aliases: ['第二数量'] },
  { name: 'unit2', aliases: ['第二计量单位', '第二单位'] },
  ...VALUE_COLUMNS,
  FLOW_COLUMN,
];

/** Columns identifying a firm: their presence makes a file an enterprise-level extract, never public statistics. */
export const FIRM_ID_COLUMNS: ColumnSpec[] = [
  { name: 'customs_code', aliases: ['海关编码', '企业代码', '海关注册编码', '企业海关编码', '海关企业代码', '经营单位编码', '收发货人编码'] },
  { name: 'uscc', aliases: ['统一社会信用代码', '社会信用代码', '企业统一社会信用代码', '信用代码', 'uscc'] },
];

export const FIRM_NAME_COLUMN: ColumnSpec = { name: 'firm_name', aliases: ['企业名称', '经营单位名称', '收发货人名称', '收发货人', '经营单位'] };

/** Columns of the district's enterprise-level extract. */
export const ENTERPRISE_CUSTOMS_COLUMNS: ColumnSpec[] = [
  PERIOD_COLUMN,
  ...FIRM_ID_COLUMNS,
  FIRM_NAME_COLUMN,
  HS_CODE_COLUMN,
  { name: 'trade_mode_name', aliases: ['贸易方式', '贸易方式名称', '监管方式'] },
  { name: 'partner_name', aliases: ['贸易国别(地区)', '贸易国别', '国别(地区)', '国别', '贸易国(地区)', '贸易伙伴', '贸易伙伴名称'] },
  FLOW_COLUMN,
  { name: 'quantity', aliases: ['数量', '第一数量', '法定数量', '成交数量'] },
  { name: 'unit', aliases: ['单位', '计量单位', '第一计量单位', '法定单位', '成交单位'] },
  ...VALUE_COLUMNS,
];

/** The flow constant for a file without a 进出口 column: the declaration's, or a StructuralError saying to declare it. */
export function flowConstant(relPath: string, map: HeaderMap, declared: 'import' | 'export' | undefined): Record<string, string> {
  if (map.found.has('flow')) return {};
  if (declared) return { flow: declared };
  throw new StructuralError(
    relPath,
    'no 进出口 column and no "flow" in its sources.json declaration: declare "flow": "import" or "export" for this file',
  );
}
