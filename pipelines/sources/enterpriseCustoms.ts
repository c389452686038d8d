// Enterprise-level import/export records for the district's firms, as a local customs or commerce bureau
// provides them. Such extracts may carry contact or personal columns: only the canonical columns are landed,
// cell by cell, so nothing else is ever written to a landing file.
import type { Adapter, InputTable } from './types.ts';
import {
  ENTERPRISE_CUSTOMS_COLUMNS,
  FIRM_ID_COLUMNS,
  FIRM_NAME_COLUMN,
  HS_CODE_COLUMN,
  PERIOD_COLUMN,
  VALUE_COLUMNS,
  flowConstant,
} from './customsColumns.ts';
import { hasAny, locateHeader, mapHeader, requireColumns } from './shared/header.ts';
import { landProjected } from './customsLanding.ts';
import { StructuralError } from './types.ts';

const EXPECTED = '数据年月,海关编码,统一社会信用代码,企业名称,商品编码,贸易方式,贸易国别(地区),进出口,数量,单位,美元 (or 人民币)';

const REQUIRED = [
  { name: 'period', label: '数据年月' },
  { name: 'firm_name', label: '企业名称' },
  { name: 'hs_code', label: '商品编码' },
  { name: 'quantity', label: '数量' },
  { name: 'unit', label: '单位' },
  { name: 'value', label: '美元 or 人民币' },
];

/** A commodity code beside a firm identifier or name, with a month or a value column. */
export function isEnterpriseCustomsHeader(header: string[]): boolean {
  return (
    hasAny(header, [HS_CODE_COLUMN]) &&
    hasAny(header, [...FIRM_ID_COLUMNS, FIRM_NAME_COLUMN]) &&
    (hasAny(header, [PERIOD_COLUMN]) || hasAny(header, VALUE_COLUMNS))
  );
}

export const adapter: Adapter = {
  kind: 'enterprise_customs',
  label: { zh: '企业进出口明细（海关/商务部门提供）', en: 'Enterprise-level customs records' },
  matches: (table: InputTable) => locateHeader(table, isEnterpriseCustomsHeader) !== null,
  landingColumns: [...new Set(ENTERPRISE_CUSTOMS_COLUMNS.map((c) => c.name)), 'currency'],
  requiredColumns: REQUIRED.map((r) => r.name),
  async land(input, ctx) {
    const table = locateHeader(input, isEnterpriseCustomsHeader, ENTERPRISE_CUSTOMS_COLUMNS) ?? input;
    const map = mapHeader(table, ENTERPRISE_CUSTOMS_COLUMNS, EXPECTED);
    requireColumns(table, map, REQUIRED, EXPECTED);
    if (!map.found.has('customs_code') && !map.found.has('uscc')) {
      throw new StructuralError(table.relPath, `neither 海关编码 nor 统一社会信用代码: a firm cannot be identified. Expected a header like ${EXPECTED}`);
    }
    const constants = { currency: map.currency!, ...flowConstant(table.relPath, map, ctx.declaration.flow) };
    return landProjected(table, map, ctx.landingPath, { sourceId: ctx.declaration.id, constants });
  },
};
