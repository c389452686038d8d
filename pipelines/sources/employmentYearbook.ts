// Statistical-yearbook employment tables: title row(s), a unit note (单位：人 / 单位：万人), a header that may span two
// rows with merged cells (行业 | 年份 over 2010 | 2011 | …), one row per industry ("2438 珠宝首饰及有关物品制造", or code
// and name in two columns), and footnotes (注：…, 资料来源：…). The table is unpivoted to one landing row per
// industry × year whose cell holds a value, each keeping its sheet row (or CSV line) as _line.
//
// rowsIn counts industry × year cells that hold a value. A blank cell, or a yearbook's "not reported" mark
// (-, —, …), is not a figure: it makes no landing row and is not counted. Title, unit and note rows are not rows.
import type { ClusterConfig, RegionLevel } from '../config.ts';
import { landRows } from './landing.ts';
import { StructuralError, type Adapter, type InputTable, type QuarantineRow, type SourceDeclaration } from './types.ts';
import { readRows } from './shared/project.ts';

export interface TableRow {
  line: number;
  cells: string[];
  problems?: { col: number; reason: string }[];
}

export interface YearbookLayout {
  /** Position (in the rows given) of the row whose cells name the years. */
  yearRow: number;
  /** Position of the row holding the 行业 label: the year row itself or one of the two above it. */
  headerRow: number;
  /** First value column; the columns before it hold the industry code and/or name. */
  firstValueColumn: number;
  /**
   * Position of the last header row: the year row, or a row under it naming the measure or unit under each year
   * (从业人员, 人, （万人）), which is a header row, not data.
   */
  headerEnd: number;
}

const YEAR_CELL = /^(\d{4})\s*(年|年度|年末)?$/;
const INDUSTRY_LABEL = /^(按|分)?(国民经济)?行业(名称|代码|类别|分类|门类)?(分)?([\\/／](年份|年度))?$/;
const NOTE_ROW = /^(注|说明|备注|资料来源|数据来源|来源|单位)\s*\d*\s*[:：]|^注\s*[0-9①②③④⑤]|^[*＊]/;
const NOT_REPORTED = /^(|-+|—+|…+|\.{3,}|\/|x|×)$/i;
const UNIT_NOTE = /单位\s*[:：]\s*(万人|人)|[(（](万人|人)[)）]/;
/** Rows searched for the header: yearbook tables put at most a few title and note rows above it. */
const HEADER_SEARCH_ROWS = 20;

function isYearCell(cell: string): boolean {
  const m = YEAR_CELL.exec(cell.replace(/[\s\u3000]/g, ''));
  return m !== null && Number(m[1]) >= 1990 && Number(m[1]) <= 2100;
}

function isIndustryLabel(cell: string): boolean {
  return INDUSTRY_LABEL.test(cell.replace(/[\s\u3000]/g, ''));
}

/**
 * A row under the year row that continues the header: nothing naming an industry left of the value columns, and
 * labels without a digit above the figures (the measure 从业人员 under each year, or a unit row).
 */
function isMeasureRow(row: TableRow, firstValueColumn: number): boolean {
  const industry = row.cells.slice(0, firstValueColumn).filter((c) => c !== '');
  const values = row.cells.slice(firstValueColumn).filter((c) => c !== '');
  return industry.every((c) => isIndustryLabel(c) || NOTE_ROW.test(c) || UNIT_NOTE.test(c)) && values.length > 0 && values.every((c) => !/\d/.test(c) && !NOT_REPORTED.test(c));
}

/**
 * Finds the header of a yearbook table: the first row with year cells right of the first column, under (or in)
 * a row with a 行业 label left of them, and any measure or unit rows under it. A per-firm file (统一社会信用代码,
 * 年份, 从业人员) has years only in its data rows and no 行业 label, so it is not taken for a yearbook.
 */
export function findYearbookLayout(rows: TableRow[]): YearbookLayout | null {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const firstValueColumn = rows[i].cells.findIndex((c, col) => col >= 1 && isYearCell(c));
    if (firstValueColumn < 1) continue;
    for (let h = i; h >= Math.max(0, i - 2); h--) {
      if (rows[h].cells.slice(0, firstValueColumn).some(isIndustryLabel)) {
        let headerEnd = i;
        while (headerEnd + 1 < rows.length && headerEnd < i + 2 && isMeasureRow(rows[headerEnd + 1], firstValueColumn)) headerEnd++;
        return { yearRow: i, headerRow: h, firstValueColumn, headerEnd };
      }
    }
  }
  return null;
}

const SPECIFICITY: RegionLevel[] = ['district', 'city', 'province', 'nation'];

/** The configured region a title names (the most specific one: 广州市番禺区 is the district), else null. */
export function regionInText(config: ClusterConfig, texts: string[]): string | null {
  const regions = [...config.regions].sort((a, b) => SPECIFICITY.indexOf(a.level) - SPECIFICITY.indexOf(b.level));
  for (const text of texts) {
    const r = regions.find((x) => text.includes(x.name.zh));
    if (r) return r.code;
  }
  return null;
}

/** The unit the table states for its figures (单位：万人 → 万人); persons (人) when it states none. */
export function unitInText(texts: string[]): '人' | '万人' {
  for (const t of texts) {
    const m = UNIT_NOTE.exec(t);
    if (m) return (m[1] ?? m[2]) as '人' | '万人';
  }
  return '人';
}

export interface YearbookCell {
  line: number;
  year: string;
  industryText: string;
  persons: string;
}

/**
 * One landing cell per industry × year that holds a value. Cells right of a year header that names none keep its
 * text as the year. A cell that holds no readable value (a formula without a saved result, an error value) is a
 * problem instead, quarantined with its reason.
 */
export function unpivotYearbook(rows: TableRow[], layout: YearbookLayout): (YearbookCell | (YearbookCell & { problem: string; rule: string }))[] {
  const years = rows[layout.yearRow].cells;
  const yearCells = years.slice(layout.firstValueColumn).join('\u0000');
  const out: (YearbookCell | (YearbookCell & { problem: string; rule: string }))[] = [];
  for (const row of rows.slice(layout.headerEnd + 1)) {
    const first = row.cells.find((c) => c !== '') ?? '';
    if (NOTE_ROW.test(first)) continue;
    if (row.cells.slice(layout.firstValueColumn).join('\u0000') === yearCells) {
      const problem = `the year header (row ${rows[layout.yearRow].line}) is repeated here: tables pasted together? A header is not data`;
      out.push({ line: row.line, year: '', industryText: '', persons: '', problem, rule: 'header_repeated' });
      continue;
    }
    const industryText = row.cells.slice(0, layout.firstValueColumn).filter((c) => c !== '').join(' ');
    for (let c = layout.firstValueColumn; c < row.cells.length; c++) {
      const v = row.cells[c] ?? '';
      const problem = row.problems?.find((p) => p.col === c);
      if (problem) out.push({ line: row.line, year: years[c] ?? '', industryText, persons: v, problem: problem.reason, rule: 'cell_unreadable' });
      else if (!NOT_REPORTED.test(v)) out.push({ line: row.line, year: years[c] ?? '', industryText, persons: v });
    }
  }
  return out;
}

function headRows(table: InputTable): TableRow[] {
  return (table.sheetRows ?? table.headRows ?? []).slice(0, HEADER_SEARCH_ROWS + 5);
}

/** Constant columns of a table: its region (from the title, else the declaration's title) and its unit. */
function tableConstants(rows: TableRow[], layout: YearbookLayout, config: ClusterConfig, decl: SourceDeclaration): Record<string, string> {
  const above = rows.slice(0, layout.headerRow).map((r) => r.cells.join(' '));
  const headerText = rows.slice(layout.headerRow, layout.headerEnd + 1).map((r) => r.cells.join(' '));
  const region = regionInText(config, [...above, decl.title.zh]);
  return { ...(region ? { region_code: region } : {}), persons_unit: unitInText([...above, ...headerText]) };
}

export const adapter: Adapter = {
  kind: 'employment_yearbook',
  label: { zh: '统计年鉴分行业从业人员', en: 'Employment by industry (statistical yearbook)' },
  matches: (table) => findYearbookLayout(headRows(table)) !== null,
  landingColumns: ['region_code', 'year', 'industry_text', 'persons', 'persons_unit'],
  requiredColumns: ['year', 'industry_text', 'persons'],
  async land(table, ctx) {
    const all = await readRows(table, { afterLine: 0, clean: true });
    const rows = all.flatMap((r) => (r.cells ? [{ line: r.line, cells: r.cells, ...(r.problems ? { problems: r.problems } : {}) }] : []));
    const malformed: QuarantineRow[] = all
      .filter((r) => !r.cells)
      .map((r) => ({ sourceId: ctx.declaration.id, file: table.relPath, line: r.line, column: null, rule: 'csv_malformed', message: r.broken ?? "the row's quotes do not parse", raw: r.text }));
    const layout = findYearbookLayout(rows);
    if (!layout) {
      throw new StructuralError(table.relPath, `no header with a 行业 label and year columns (4-digit years 1990–2100) in the first ${HEADER_SEARCH_ROWS} rows`);
    }
    const cells = unpivotYearbook(rows, layout);
    const good = cells.filter((c) => !('problem' in c));
    const unreadable: QuarantineRow[] = cells.flatMap((c) =>
      'problem' in c
        ? [{ sourceId: ctx.declaration.id, file: table.relPath, line: c.line, column: c.rule === 'cell_unreadable' ? 'persons' : null, rule: c.rule, message: c.problem, raw: `${c.year},${c.industryText},` }]
        : [],
    );
    const quarantined = [...malformed, ...unreadable];
    const landed = await landRows(
      good.map((c) => ({ line: c.line, cells: [c.year, c.industryText, c.persons] })),
      ['year', 'industry_text', 'persons'],
      ctx.landingPath,
      tableConstants(rows, layout, ctx.config, ctx.declaration),
    );
    return { ...landed, rowsIn: good.length + quarantined.length, quarantined };
  },
};
