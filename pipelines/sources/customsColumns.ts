// Header names of the two customs formats and how they map to canonical landing columns. Both formats come
// from tools and bureaus that label the same thing differently (贸易国别 / 国别（地区）/ 贸易国别(地区)), so each
// canonical column lists the labels seen for it; matching ignores spaces and full-width punctuation.
import { StructuralError, type InputTable } from './types.ts';

/** One canonical column and the header labels that mean it. */
export interface ColumnSpec {
  name: string;
  aliases: string[];
  /** Currency implied by the label, for value columns (美元 → USD, 人民币 → CNY). */
  currency?: 'USD' | 'CNY';
}

/** Spaces and full-width punctuation removed, ASCII lower-cased, so "金额（美元）" equals "金额(美元)". */
export function normaliseLabel(label: string): string {
  return label
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

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

/** How a header row maps onto canonical columns. */
export interface HeaderMap {
  /** Landing name per header position: a canonical name, or "_x<i>" for a column the pipeline does not use. */
  names: string[];
  /** Canonical names found. */
  found: Set<string>;
  /** Currency of the value column, when there is one. */
  currency?: 'USD' | 'CNY';
}

export function hasAny(header: string[], specs: ColumnSpec[]): boolean {
  const labels = new Set(header.map(normaliseLabel));
  return specs.some((s) => s.aliases.some((a) => labels.has(normaliseLabel(a))));
}

/**
 * Maps each header cell to the first spec whose alias it is. A second column for the same canonical name is
 * not used (a query tool repeating a column must not overwrite the first). Two value columns (美元 and 人民币)
 * would make "value" ambiguous, so that stops the run.
 */
export function mapHeader(table: Pick<InputTable, 'relPath' | 'header'>, specs: ColumnSpec[], expected: string): HeaderMap {
  const byAlias = new Map<string, ColumnSpec>();
  for (const s of specs) for (const a of s.aliases) if (!byAlias.has(normaliseLabel(a))) byAlias.set(normaliseLabel(a), s);
  const found = new Set<string>();
  const valueLabels: string[] = [];
  let currency: HeaderMap['currency'];
  const names = table.header.map((label, i) => {
    const spec = byAlias.get(normaliseLabel(label));
    if (!spec) return `_x${i}`;
    if (spec.currency) valueLabels.push(label);
    if (found.has(spec.name)) return `_x${i}`;
    found.add(spec.name);
    if (spec.currency) currency = spec.currency;
    return spec.name;
  });
  if (valueLabels.length > 1) {
    throw new StructuralError(table.relPath, `more than one value column (${valueLabels.join(', ')}): export one currency per file. Expected a header like ${expected}`);
  }
  return { names, found, currency };
}

/** Stops the run naming each required column the header lacks, with the labels it would accept. */
export function requireColumns(relPath: string, map: HeaderMap, required: { name: string; label: string }[], expected: string): void {
  const missing = required.filter((r) => !map.found.has(r.name));
  if (missing.length) {
    throw new StructuralError(relPath, `missing required column ${missing.map((m) => m.label).join(', ')}; expected a header like ${expected}`);
  }
}

/**
 * For a workbook, the header may sit under a title row or two; for a CSV the sniffed first line is the header.
 * Returns the table re-anchored on the first row (among the first few) that the predicate accepts.
 */
export function locateHeader(table: InputTable, isHeader: (header: string[]) => boolean): InputTable | null {
  if (isHeader(table.header)) return table;
  if (!table.sheetRows) return null;
  const row = table.sheetRows.slice(0, 6).find((r) => isHeader(r.cells));
  if (!row) return null;
  return { ...table, header: row.cells, headerLine: row.line, sheetRows: table.sheetRows.filter((r) => r.line >= row.line) };
}

/** The flow constant for a file without a 进出口 column: the declaration's, or a StructuralError saying to declare it. */
export function flowConstant(relPath: string, map: HeaderMap, declared: 'import' | 'export' | undefined): Record<string, string> {
  if (map.found.has('flow')) return {};
  if (declared) return { flow: declared };
  throw new StructuralError(
    relPath,
    'no 进出口 column and no "flow" in its sources.json declaration: declare "flow": "import" or "export" for this file',
  );
}

/**
 * Whether a row's cells line up with the header. Cells beyond the header must be empty, and a short row may only
 * lack columns the pipeline does not use (the export's trailing empty column is often cut from the last rows).
 */
export function alignsWithHeader(cells: string[], names: string[]): boolean {
  if (cells.length > names.length) return cells.slice(names.length).every((c) => c.trim() === '');
  return names.slice(cells.length).every((n) => n.startsWith('_x'));
}

/** The canonical columns of a header map, in file order, with their positions. */
export function usedColumns(map: HeaderMap): { name: string; index: number }[] {
  return map.names.flatMap((name, index) => (name.startsWith('_x') ? [] : [{ name, index }]));
}
