// China Customs statistics online-query export (stats.customs.gov.cn): public aggregates by month, commodity and,
// depending on the query, partner, trade mode and registration place. The columns present vary with the query,
// so the header is mapped by name; the staging SQL does all cleaning.
import type { Adapter, InputTable } from './types.ts';
import {
  CUSTOMS_STATS_COLUMNS,
  FIRM_ID_COLUMNS,
  FIRM_NAME_COLUMN,
  HS_CODE_COLUMN,
  PERIOD_COLUMN,
  VALUE_COLUMNS,
  flowConstant,
} from './customsColumns.ts';
import { hasAny, locateHeader, mapHeader, requireColumns } from './shared/header.ts';
import { landCsvDirect, landProjected } from './customsLanding.ts';

const EXPECTED =
  '数据年月,商品编码,商品名称,贸易伙伴编码,贸易伙伴名称,贸易方式编码,贸易方式名称,注册地编码,注册地名称,第一数量,第一计量单位,第二数量,第二计量单位,美元 (or 人民币)';

const REQUIRED = [
  { name: 'period', label: '数据年月' },
  { name: 'hs_code', label: '商品编码' },
  { name: 'value', label: '美元 or 人民币' },
  { name: 'qty1', label: '第一数量' },
  { name: 'unit1', label: '第一计量单位' },
];

/**
 * A commodity code with a month or a value column, and nothing naming a firm. Requiring only one of month and
 * value lets a file missing the other reach land(), which names the missing column instead of "unrecognised".
 */
export function isCustomsStatsHeader(header: string[]): boolean {
  return (
    hasAny(header, [HS_CODE_COLUMN]) &&
    (hasAny(header, [PERIOD_COLUMN]) || hasAny(header, VALUE_COLUMNS)) &&
    !hasAny(header, [...FIRM_ID_COLUMNS, FIRM_NAME_COLUMN])
  );
}

export const adapter: Adapter = {
  kind: 'customs_stats',
  label: { zh: '海关统计数据在线查询导出', en: 'China Customs statistics query export' },
  matches: (table: InputTable) => locateHeader(table, isCustomsStatsHeader) !== null,
  landingColumns: [...new Set(CUSTOMS_STATS_COLUMNS.map((c) => c.name)), 'currency'],
  requiredColumns: REQUIRED.map((r) => r.name),
  async land(input, ctx) {
    const table = locateHeader(input, isCustomsStatsHeader, CUSTOMS_STATS_COLUMNS) ?? input;
    const map = mapHeader(table, CUSTOMS_STATS_COLUMNS, EXPECTED);
    requireColumns(table, map, REQUIRED, EXPECTED);
    const constants = { currency: map.currency!, ...flowConstant(table.relPath, map, ctx.declaration.flow) };
    // A clean CSV is parsed by DuckDB directly, when that provably gives the same rows and line numbers as
    // parsing line by line (the loader checks, and asks again with direct: false when it does not). Line by line
    // is the fallback because an unclosed quote then costs one quarantined row instead of swallowing the rest of
    // the file, and a cut trailing column is tolerated.
    const options = { sourceId: ctx.declaration.id, constants };
    if (table.format === 'csv' && ctx.direct !== false) {
      const direct = await landCsvDirect(table, map, ctx.landingPath, options);
      if (direct) return direct;
    }
    return landProjected(table, map, ctx.landingPath, options);
  },
};
