// Horizontal bars for the latest year, largest first (partners, producing countries): a ranking, so its summary
// ranks, it has no change since the reference year, and its height grows with the number of bars.
import * as Plot from '@observablehq/plot';
import { formatPercent, formatValue, unitLabel } from '../format.ts';
import { paren, t } from '../i18n.ts';
import { xsOf, type Point } from '../series.ts';
import { PALETTE } from '../theme.ts';
import { HIT_CLASS, partialOpacity } from './marks.ts';
import type { ChartKindSpec } from './types.ts';

const BAR_PX = 28;

export const barLatest: ChartKindSpec = {
  namesSeries: true,
  legend: false,
  ranking: true,
  height: (points: Point[]) => Math.max(120, BAR_PX * points.filter((p) => p.value !== null).length + 40),
  draw({ points, valued, unit, lang, width, title, valueTick }) {
    // Room for the longest label: about 12 px per CJK character and 7 px per Latin one.
    const labelWidth = Math.min(220, 24 + Math.max(...valued.map((p) => [...p.label].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7), 0)), 40));
    return {
      marks: [
        Plot.barX(valued, { x: 'value', y: 'label', fill: PALETTE[0], fillOpacity: partialOpacity, sort: { y: '-x' }, title, className: HIT_CLASS }),
        Plot.text(valued, { x: 'value', y: 'label', text: (d: Point) => formatValue(d.value, unit, lang), textAnchor: 'start', dx: 4 }),
        Plot.ruleX([0]),
      ],
      options: {
        width,
        height: barLatest.height(points, 0),
        marginLeft: labelWidth,
        marginRight: 90,
        x: { tickFormat: valueTick, grid: true, label: null, ticks: 5 },
        y: { label: null },
      },
    };
  },
  table({ title, unit, lang, points }) {
    const total = points.reduce((a, p) => a + (p.value ?? 0), 0);
    return {
      caption: `${title}${paren(lang, `${t(lang, 'ind.latest_year', { year: xsOf(points).at(-1) ?? '' })}${t(lang, 'punct.comma')}${unitLabel(unit, lang)}`)}`,
      columns: [
        { label: t(lang, 'ind.col_series'), num: false },
        { label: t(lang, 'ind.col_value'), num: true },
        { label: t(lang, 'ind.col_share'), num: true },
      ],
      rows: points.map((p) => ({
        head: p.label,
        partial: false,
        cells: [{ text: formatValue(p.value, unit, lang), x: p.x, key: p.key, value: p.value ?? '' }, { text: total && p.value !== null ? formatPercent(p.value / total) : '–' }],
      })),
    };
  },
};
