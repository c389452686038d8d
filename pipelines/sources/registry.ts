// Enterprise registry extracts: the official licence fields (统一社会信用代码, 企业名称, 类型, 住所, … 经营范围) or the
// common aggregator layout (序号, 公司名称, 注册资金, 法定代表人, …). Both carry personal data (法定代表人, 电话, 邮箱,
// 股东): only the canonical columns are landed, cell by cell, so a personal column never reaches a landing file.
// 注册资本 and 登记状态 are parsed here (pipelines/lib/capital.ts, registryStatus.ts) into extra landing columns; the
// staging SQL applies the rules to what they return.
import Papa from 'papaparse';
import { capitalHeaderUnit, parseCapital } from '../lib/capital.ts';
import { normaliseRegistryStatus } from '../lib/registryStatus.ts';
import { cleanCell, forEachLine, landRows } from './landing.ts';
import { StructuralError, type Adapter, type InputTable, type QuarantineRow } from './types.ts';
import {
  alignsWithHeader,
  locateHeader,
  mapHeader,
  normaliseLabel,
  requireColumns,
  usedColumns,
  type ColumnSpec,
  type HeaderMap,
} from './customsColumns.ts';

const USCC: ColumnSpec = { name: 'uscc', aliases: ['统一社会信用代码', '统一社会信用代码/注册号', '社会信用代码', '统一信用代码', '信用代码'] };
const NAME: ColumnSpec = { name: 'name', aliases: ['企业名称', '名称', '公司名称', '企业(机构)名称', '主体名称', '市场主体名称'] };

/** Columns that, beside a firm id or name, make a header a registry extract. */
const REGISTRY_FIELDS: ColumnSpec[] = [
  { name: 'entity_type', aliases: ['类型', '公司类型', '企业类型', '企业(机构)类型', '市场主体类型', '主体类型'] },
  { name: 'address', aliases: ['住所', '详细地址', '注册地址', '地址', '住所/经营场所', '经营场所', '企业地址'] },
  { name: 'capital_text', aliases: ['注册资本', '注册资金', '注册资本(万元)', '注册资金(万元)', '注册资本(万元人民币)', '注册资本(元)'] },
  { name: 'established', aliases: ['成立日期', '成立时间', '设立日期', '注册日期'] },
  { name: 'term_from', aliases: ['营业期限自', '经营期限自', '营业期限起'] },
  { name: 'term_to', aliases: ['营业期限至', '经营期限至', '营业期限止'] },
  { name: 'authority', aliases: ['登记机关'] },
  { name: 'approved', aliases: ['核准日期', '发照日期'] },
  { name: 'status_text', aliases: ['登记状态', '经营状态', '企业状态', '状态'] },
  { name: 'scope', aliases: ['经营范围'] },
  { name: 'industry_text', aliases: ['所属行业', '国标行业', '行业', '行业代码', '行业名称'] },
  { name: 'region_text', aliases: ['所属地区', '所属区县', '地区'] },
  { name: 'former_name', aliases: ['曾经用名', '曾用名'] },
];

export const REGISTRY_COLUMNS: ColumnSpec[] = [USCC, NAME, ...REGISTRY_FIELDS];

/** Landing columns: the source's text, then what the landing step parsed from 注册资本 and 登记状态. */
const LANDING_COLUMNS = [
  ...REGISTRY_COLUMNS.map((c) => c.name),
  'capital_wan_parsed',
  'capital_currency_parsed',
  'capital_error',
  'status_parsed',
  /** "official" (licence fields) or "aggregator": the official record wins when a firm is in both. */
  'layout',
];

const EXPECTED =
  '统一社会信用代码, 企业名称, 类型, 住所, 法定代表人, 注册资本, 成立日期, 营业期限自, 营业期限至, 登记机关, 核准日期, 登记状态, 经营范围 ' +
  '(or the aggregator layout 序号, 公司名称, 注册资金, …, 统一社会信用代码, …)';

const REQUIRED = [
  { name: 'uscc', label: '统一社会信用代码' },
  { name: 'name', label: '企业名称 (or 名称 / 公司名称)' },
];

/**
 * Labels of columns that hold personal data (PIPL): never mapped, whatever aliases are added later. The pattern
 * is broad on purpose: a 联系人地址 or 股东信息 column is dropped too.
 */
const PERSONAL = /法定代表人|法人代表|负责人|经营者|投资人|股东|电话|手机|邮箱|e-?mail|身份证|证件号|联系人|联系方式|传真|微信|qq/i;

export function isPersonalColumn(label: string): boolean {
  return PERSONAL.test(normaliseLabel(label));
}

/** The header with personal labels blanked, so they can only ever map to an unused "_x" column. */
function withoutPersonal(header: string[]): string[] {
  return header.map((h) => (isPersonalColumn(h) ? '' : h));
}

export function isRegistryHeader(header: string[]): boolean {
  const labels = new Set(withoutPersonal(header).map(normaliseLabel));
  const has = (s: ColumnSpec) => s.aliases.some((a) => labels.has(normaliseLabel(a)));
  return (has(USCC) || has(NAME)) && REGISTRY_FIELDS.filter(has).length >= 2;
}

/** One record of a CSV: its first physical line, its text, and its cells (null when the quotes do not parse). */
export interface CsvRecord {
  line: number;
  text: string;
  cells: string[] | null;
}

/** Whether CSV text, read from the start of a record, ends inside a quoted cell (RFC 4180 quoting). */
function endsInsideQuotes(text: string): boolean {
  let inside = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inside) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inside = false;
      }
    } else if (ch === '"' && fieldStart) inside = true;
    fieldStart = !inside && (ch === ',' || ch === '\n');
  }
  return inside;
}

/**
 * The data records of a CSV, each with the physical line it starts on. Cells such as 经营范围 may hold commas and
 * quoted line breaks, so a record can span lines; papaparse splits each assembled record. A quote still open at
 * the end of the file makes every later line ambiguous, so it stops the run at the line that opened it.
 */
export async function readCsvRecords(table: InputTable): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  let pending: { line: number; text: string } | null = null;
  const finish = (p: { line: number; text: string }) => {
    // Records are split on LF above; a stray CR inside a line is content, not a record break.
    const parsed = Papa.parse<string[]>(p.text, { delimiter: ',', quoteChar: '"', newline: '\n' });
    const ok = parsed.errors.length === 0 && parsed.data.length === 1;
    records.push({ line: p.line, text: p.text, cells: ok ? parsed.data[0].map(cleanCell) : null });
  };
  await forEachLine(table.path, table.relPath, table.encoding ?? 'utf-8', (text, n) => {
    if (n <= table.headerLine) return;
    if (pending) pending.text += '\n' + text;
    else if (text.trim() === '') return;
    else pending = { line: n, text };
    if (!endsInsideQuotes(pending.text)) {
      finish(pending);
      pending = null;
    }
  });
  if (pending) {
    const open: { line: number } = pending;
    throw new StructuralError(table.relPath, 'a quoted cell opened here is never closed: the rows after it cannot be told apart', open.line);
  }
  return records;
}

/** Rows of a table reduced to the canonical columns, and the rows whose cells do not line up with the header. */
export interface Projection {
  rows: { line: number; values: Map<string, string> }[];
  quarantined: QuarantineRow[];
  /** Data rows seen (projected + quarantined); rows with every cell blank are not rows. */
  rowsIn: number;
}

const WITHHELD = '(raw text withheld: the file has columns that are not landed, which may hold personal data)';

/**
 * Projects a CSV or sheet onto the canonical columns of a header map. Whatever is not canonical, personal columns
 * included, is dropped here; a misaligned row is quarantined as csv_malformed with its raw text withheld when the
 * file has unlanded columns, since its cells cannot be attributed to columns.
 */
export async function projectTable(table: InputTable, map: HeaderMap, sourceId: string): Promise<Projection> {
  const used = usedColumns(map);
  const withhold = map.names.some((n, i) => n.startsWith('_x') && table.header[i] !== '');
  const records: CsvRecord[] =
    table.format === 'xlsx'
      ? (table.sheetRows ?? []).filter((r) => r.line > table.headerLine).map((r) => ({ line: r.line, text: r.cells.join(','), cells: r.cells }))
      : await readCsvRecords(table);
  const out: Projection = { rows: [], quarantined: [], rowsIn: 0 };
  for (const r of records) {
    if (r.cells && r.cells.every((c) => c.trim() === '')) continue;
    out.rowsIn++;
    // A sheet row is short when its last cells are empty; only a CSV row can lose cells to a broken line.
    const aligned = r.cells && (table.format === 'xlsx' ? r.cells.slice(map.names.length).every((c) => c === '') : alignsWithHeader(r.cells, map.names));
    if (!r.cells || !aligned) {
      out.quarantined.push({
        sourceId,
        file: table.relPath,
        line: r.line,
        column: null,
        rule: 'csv_malformed',
        message: r.cells
          ? `row has ${r.cells.length} cells but the header has ${map.names.length}: its cells cannot be matched to columns`
          : 'the row\'s quotes do not parse (a quote inside an unquoted cell, or text after a closing quote)',
        raw: withhold ? WITHHELD : r.text,
      });
      continue;
    }
    out.rows.push({ line: r.line, values: new Map(used.map((u) => [u.name, r.cells![u.index] ?? ''])) });
  }
  return out;
}

/** Re-anchors a workbook table on its header row (a title row may sit above it). */
export function registryTable(table: InputTable): InputTable | null {
  return locateHeader(table, isRegistryHeader);
}

export const adapter: Adapter = {
  kind: 'registry',
  label: { zh: '企业登记信息', en: 'Enterprise registry' },
  matches: (table) => registryTable(table) !== null,
  landingColumns: LANDING_COLUMNS,
  requiredColumns: REQUIRED.map((r) => r.name),
  async land(input, ctx) {
    const table = registryTable(input) ?? input;
    const map = mapHeader({ relPath: table.relPath, header: withoutPersonal(table.header) }, REGISTRY_COLUMNS, EXPECTED);
    requireColumns(table.relPath, map, REQUIRED, EXPECTED);
    const capitalAt = map.names.indexOf('capital_text');
    const headerUnit = capitalAt >= 0 ? capitalHeaderUnit(table.header[capitalAt]) : null;
    const projection = await projectTable(table, map, ctx.declaration.id);
    const rows = projection.rows.map(({ line, values }) => {
      const capital = parseCapital(values.get('capital_text'), headerUnit);
      const parsed: Record<string, string | null> = {
        capital_wan_parsed: capital.kind === 'amount' ? String(capital.wan) : null,
        capital_currency_parsed: capital.kind === 'amount' ? capital.currency : null,
        capital_error: capital.kind === 'unparseable' ? capital.reason : null,
        status_parsed: normaliseRegistryStatus(values.get('status_text')),
      };
      return { line, cells: LANDING_COLUMNS.map((c) => (c in parsed ? parsed[c] : (values.get(c) ?? null))) };
    });
    // Aggregator exports number their rows (序号) and say 公司名称 where the licence says 企业名称.
    const layout = table.header.some((h) => h === '序号' || h === '公司名称') ? 'aggregator' : 'official';
    const landed = await landRows(rows, LANDING_COLUMNS, ctx.landingPath, { layout });
    return { ...landed, rowsIn: projection.rowsIn, quarantined: projection.quarantined };
  },
};
