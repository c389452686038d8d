// Per-firm headcounts (social-insurance or survey extracts): 统一社会信用代码, 年份, 从业人员. Such extracts often carry
// a contact person or phone number: only the three canonical columns are landed (see shared/project.ts).
import { landRows } from './landing.ts';
import { hasAny, locateHeader, mapHeader, requireColumns, type ColumnSpec } from './shared/header.ts';
import { projectTable } from './shared/project.ts';
import type { Adapter, InputTable } from './types.ts';

export const EMPLOYMENT_FIRM_COLUMNS: ColumnSpec[] = [
  { name: 'uscc', aliases: ['统一社会信用代码', '社会信用代码', '统一信用代码', '信用代码'] },
  { name: 'year', aliases: ['年份', '年度', '统计年度', '统计年份', '年'] },
  {
    name: 'employees',
    aliases: ['从业人员', '年末从业人员', '职工人数', '从业人数', '从业人员数', '年末从业人员数', '从业人员(人)', '年末从业人员(人)', '参保人数', '年平均从业人员'],
  },
];

const EXPECTED = '统一社会信用代码, 年份 (or 年度), 从业人员 (or 年末从业人员, 职工人数)';
const REQUIRED = [
  { name: 'uscc', label: '统一社会信用代码' },
  { name: 'year', label: '年份 (or 年度)' },
  { name: 'employees', label: '从业人员 (or 年末从业人员, 职工人数)' },
];

const has = (header: string[], spec: ColumnSpec) => hasAny(header, [spec]);

export function isEmploymentFirmsHeader(header: string[]): boolean {
  return EMPLOYMENT_FIRM_COLUMNS.every((s) => has(header, s));
}

function firmsTable(table: InputTable, specs?: ColumnSpec[]): InputTable | null {
  return locateHeader(table, isEmploymentFirmsHeader, specs);
}

export const adapter: Adapter = {
  kind: 'employment_firms',
  label: { zh: '企业从业人员', en: 'Headcount per firm' },
  // A file with the id and a headcount but no year is still this format: land() then names the missing column.
  matches: (table) => firmsTable(table) !== null || locateHeader(table, (h) => has(h, EMPLOYMENT_FIRM_COLUMNS[0]) && has(h, EMPLOYMENT_FIRM_COLUMNS[2])) !== null,
  landingColumns: EMPLOYMENT_FIRM_COLUMNS.map((c) => c.name),
  requiredColumns: REQUIRED.map((r) => r.name),
  async land(input, ctx) {
    const table = firmsTable(input, EMPLOYMENT_FIRM_COLUMNS) ?? input;
    const map = mapHeader(table, EMPLOYMENT_FIRM_COLUMNS, EXPECTED);
    requireColumns(table, map, REQUIRED, EXPECTED);
    const projection = await projectTable(table, map, { sourceId: ctx.declaration.id, skipBlank: 'row', aligned: true, multiline: true });
    const columns = EMPLOYMENT_FIRM_COLUMNS.map((c) => c.name);
    const rows = projection.rows.map(({ line, values }) => ({ line, cells: columns.map((c) => values.get(c) ?? null) }));
    const landed = await landRows(rows, columns, ctx.landingPath);
    return { ...landed, rowsIn: projection.rowsIn, quarantined: projection.quarantined };
  },
};
