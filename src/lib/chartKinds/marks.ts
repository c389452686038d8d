// Pieces the chart kinds share: the class names renderChart reads back (tagMarks in chart.ts), the faint
// drawing of incomplete periods and the year tables.
import * as Plot from '@observablehq/plot';
import { formatValue, unitLabel } from '../format.ts';
import { paren, t, type Lang } from '../i18n.ts';
import { partialXs } from '../periodCompleteness.ts';
import { seriesOf, xsOf, type Point } from '../series.ts';
import type { TableInput, TableView } from './types.ts';

/** Class of the mark whose elements are the chart's values (one element per valued point, in data order). */
export const HIT_CLASS = 'hit';
/** Class prefix of the marks drawn per series (followed by the series index). */
export const SERIES_CLASS = 'series-';

/** Bars of incomplete periods are drawn faint. */
export const partialOpacity = (d: Point) => (d.partial ? 0.4 : 1);

/** "不完整 / partial" above each incomplete period of a time chart. */
export function partialLabels(valued: Point[], lang: Lang): Plot.Markish[] {
  const xs = partialXs(valued);
  return xs.length ? [Plot.text(xs, { x: (d: number) => d, frameAnchor: 'top', text: () => t(lang, 'period.partial'), dy: 10, fill: '#555' })] : [];
}

/** Years down, series across: the table view of time charts. */
export function yearTable({ title, unit, lang, points }: TableInput): TableView {
  const partial = new Set(partialXs(points));
  const byXKey = new Map(points.map((p) => [`${p.x}|${p.key}`, p.value]));
  const series = seriesOf(points);
  return {
    caption: `${title}${paren(lang, unitLabel(unit, lang))}`,
    columns: [{ label: t(lang, 'ind.col_year'), num: false }, ...series.map((s) => ({ label: s.key === 'total' ? t(lang, 'ind.col_value') : s.label, num: true, key: s.key }))],
    rows: xsOf(points).map((x) => ({
      head: String(x),
      partial: partial.has(x),
      cells: series.map((s) => {
        const v = byXKey.get(`${x}|${s.key}`) ?? null;
        return { text: formatValue(v, unit, lang), x, key: s.key, value: v ?? '' };
      }),
    })),
  };
}

/** The colour scale of a chart whose series are told apart by colour: labels in legend order. */
export function colorScale(colors: { label: string; color: string }[]) {
  return { domain: colors.map((c) => c.label), range: colors.map((c) => c.color) };
}
