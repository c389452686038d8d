// The rows a chart draws, as CSV: what an official pastes into a table next to the figure, not the whole mart.
// UTF-8 with a BOM (Excel and WPS need it), text cells safe against formula injection, and the sample-data flag
// as a column on every row. A comment line ("# 示例数据") is not CSV and spreadsheet programs would show it as
// data; a column survives sorting, filtering and copying rows elsewhere.
import type { Point } from './series.ts';
import type { Lang } from './i18n.ts';

// The same rule as the published tables (pipelines/publish/csvFile.ts), which is not imported here because that
// module pulls in DuckDB.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that a spreadsheet would read as a formula gets a leading apostrophe. */
export function formulaSafe(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** One CSV cell: empty for null, quoted when needed, formula-safe text. */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  const s = formulaSafe(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface DisplayedCsvMeta {
  lang: Lang;
  indicatorId: string;
  /** The unit's label in the reader's language ("美元" / "USD"). */
  unit: string;
  synthetic: boolean;
  sourceLine: string;
}

/**
 * Header names in both languages, so a column keeps its meaning when the file is passed on. The last says whether
 * the value's period is complete (periodCompleteness.ts): a partial year pasted into a table must stay marked.
 */
export const DISPLAYED_CSV_COLUMNS = ['指标/indicator', '年份/year', '系列代码/series_id', '系列/series', '数值/value', '单位/unit', '示例数据/sample_data', '来源/source', '完整期间/period_complete'];

export function displayedCsv(points: Point[], meta: DisplayedCsvMeta): string {
  const lines = [DISPLAYED_CSV_COLUMNS.map(csvCell).join(',')];
  for (const p of points) {
    lines.push([meta.indicatorId, p.x, p.key, p.label || p.key, p.value, meta.unit, meta.synthetic, meta.sourceLine, !p.partial].map(csvCell).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
