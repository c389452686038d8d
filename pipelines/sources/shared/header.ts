// The one header mapper: each canonical landing column lists the labels seen for it in the wild (贸易国别 / 国别（地区）
// / 贸易国别(地区); "Country Name" / country), matched ignoring spaces, underscores, case and full-width brackets.
// Labels of personal columns never map, whatever aliases are added later.
import { StructuralError, type InputTable } from '../types.ts';

/** One canonical column and the header labels that mean it. */
export interface ColumnSpec {
  name: string;
  aliases: string[];
  /** Currency implied by the label, for value columns (美元 → USD, 人民币 → CNY). */
  currency?: 'USD' | 'CNY';
}

/** Spaces, underscores and full-width punctuation removed, ASCII lower-cased: "金额（美元）" equals "金额(美元)". */
export function normaliseLabel(label: string): string {
  return label
    .replace(/[\s\u3000_]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

/**
 * Labels of columns that hold personal data (PIPL): never mapped. The pattern is broad on purpose: a 联系人地址 or
 * 股东信息 column is dropped too.
 */
const PERSONAL = /法定代表人|法人代表|负责人|经营者|投资人|股东|电话|手机|邮箱|e-?mail|身份证|证件号|联系人|联系方式|传真|微信|qq/i;

export function isPersonalColumn(label: string): boolean {
  return PERSONAL.test(normaliseLabel(label));
}

/** The header with personal labels blanked, so they can only ever map to an unused "_x" column. */
export function withoutPersonal(header: string[]): string[] {
  return header.map((h) => (isPersonalColumn(h) ? '' : h));
}

/** How a header row maps onto canonical columns. */
export interface HeaderMap {
  /** Landing name per header position: a canonical name, or "_x<i>" for a column the pipeline does not use. */
  names: string[];
  /** Canonical names found. */
  found: Set<string>;
  /** Currency of the value column, when there is one. */
  currency?: 'USD' | 'CNY';
}

/** Whether a header names any of the specs (personal labels never count). */
export function hasAny(header: string[], specs: ColumnSpec[]): boolean {
  const labels = new Set(withoutPersonal(header).map(normaliseLabel));
  return specs.some((s) => s.aliases.some((a) => labels.has(normaliseLabel(a))));
}

/**
 * Maps each header cell to the first spec whose alias it is; personal labels map to nothing. A second column for
 * the same canonical name is not used (a query tool repeating a column must not overwrite the first). Two value
 * columns (美元 and 人民币) would make "value" ambiguous, so that stops the run.
 */
export function mapHeader(table: Pick<InputTable, 'relPath' | 'header'>, specs: ColumnSpec[], expected: string): HeaderMap {
  const byAlias = new Map<string, ColumnSpec>();
  for (const s of specs) for (const a of s.aliases) if (!byAlias.has(normaliseLabel(a))) byAlias.set(normaliseLabel(a), s);
  const found = new Set<string>();
  const valueLabels: string[] = [];
  let currency: HeaderMap['currency'];
  const names = withoutPersonal(table.header).map((label, i) => {
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
export function requireColumns(
  table: Pick<InputTable, 'relPath'> & { headerLine?: number },
  map: HeaderMap,
  required: { name: string; label: string }[],
  expected: string,
): void {
  const missing = required.filter((r) => !map.found.has(r.name));
  if (missing.length) {
    throw new StructuralError(table.relPath, `missing required column ${missing.map((m) => m.label).join(', ')}; expected a header like ${expected}`, table.headerLine);
  }
}

/** The canonical columns of a header map, in file order, with their positions. */
export function usedColumns(map: HeaderMap): { name: string; index: number }[] {
  return map.names.flatMap((name, index) => (name.startsWith('_x') ? [] : [{ name, index }]));
}

/**
 * A row right under the header that continues it: units (千克, 美元) or the specific labels under a merged group
 * label (数量 over 第一数量 | 第一计量单位). No data row of any format is without a digit (a month, a code, a year).
 */
function isContinuationRow(cells: string[]): boolean {
  return cells.some((c) => c !== '') && cells.every((c) => !/\d/.test(c));
}

/**
 * One header from two rows: per column the lower label, the upper with the lower in brackets (金额 over 美元 →
 * 金额(美元)), or the upper label, whichever the format knows; the upper label when it knows none.
 */
function mergeHeaderRows(upper: string[], lower: string[], known: (label: string) => boolean): string[] {
  return Array.from({ length: Math.max(upper.length, lower.length) }, (_, i) => {
    const u = upper[i] ?? '';
    const l = lower[i] ?? '';
    if (!l) return u;
    if (!u) return l;
    return [l, `${u}(${l})`, u].find(known) ?? u;
  });
}

/**
 * The table re-anchored on its header: the first row, among the first few, that the predicate accepts (a workbook
 * sheet or a CSV may put a title row or two above it). Given the format's columns, rows right under it that
 * continue it (units, labels under a merged group label) are read as header too, never as data. Null when no row
 * is a header.
 */
export function locateHeader(table: InputTable, isHeader: (header: string[]) => boolean, specs?: ColumnSpec[]): InputTable | null {
  const rows = table.sheetRows ?? table.headRows;
  if (!rows) return isHeader(table.header) ? table : null;
  const at = isHeader(table.header) ? rows.findIndex((r) => r.line === table.headerLine) : rows.slice(0, 6).findIndex((r) => isHeader(r.cells));
  if (at === -1) return isHeader(table.header) ? table : null;
  let header = rows[at].cells;
  let end = at;
  if (specs) {
    const aliases = new Set(specs.flatMap((s) => s.aliases.map(normaliseLabel)));
    const known = (label: string) => aliases.has(normaliseLabel(label));
    while (end + 1 < rows.length && end - at < 2 && isContinuationRow(rows[end + 1].cells)) {
      end++;
      header = mergeHeaderRows(header, rows[end].cells, known);
    }
  }
  if (end === at && rows[at].line === table.headerLine) return table;
  const first = rows[at].line;
  return {
    ...table,
    header,
    headerLine: rows[end].line,
    ...(table.sheetRows ? { sheetRows: table.sheetRows.filter((r) => r.line >= first) } : {}),
  };
}
