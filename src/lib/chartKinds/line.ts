// Lines over the years, one per series, with the reference year marked and incomplete periods dashed.
import * as Plot from '@observablehq/plot';
import { t } from '../i18n.ts';
import { partialMarks } from '../periodCompleteness.ts';
import { HIT_CLASS, SERIES_CLASS, colorScale, partialLabels, yearTable } from './marks.ts';
import type { ChartKindSpec } from './types.ts';

export const line: ChartKindSpec = {
  namesSeries: false,
  legend: true,
  ranking: false,
  height: (_points, height) => height,
  draw({ points, valued, colors, unit, lang, refYear, width, height, title, valueTick }) {
    const xs = valued.map((p) => p.x);
    const ref = refYear !== undefined && xs.length && refYear >= Math.min(...xs) && refYear <= Math.max(...xs) ? [refYear] : [];
    // Shares and unit values are read against each other, not against zero.
    const fromZero = !(unit === 'ratio' || unit === 'usd_per_carat');
    const marks = [
      ...(fromZero ? [Plot.ruleY([0])] : []),
      Plot.ruleX(ref, { stroke: '#888', strokeDasharray: '4,3' }),
      Plot.text(ref, { x: (d: number) => d, frameAnchor: 'top', text: (d: number) => t(lang, 'ind.ref_year', { year: d }), dy: -2, dx: 4, textAnchor: 'start', fill: '#555' }),
      // One line and one end dot per series, each in its own group tagged with the series, so an island can fade
      // the series a reader did not choose (parks compared).
      // Incomplete periods: the line into them dashed, their dots hollow, and the period labelled (periodCompleteness.ts).
      ...colors
        .map((c, i) => {
          const pm = partialMarks(points.filter((p) => p.key === c.key));
          return [
            Plot.lineY(pm.solid, { x: 'x', y: 'value', stroke: c.color, strokeWidth: 2, className: `${SERIES_CLASS}${i}` }),
            ...(pm.dashed.length ? [Plot.lineY(pm.dashed, { x: 'x', y: 'value', z: 'segment', stroke: c.color, strokeWidth: 2, strokeDasharray: '5,4', className: `${SERIES_CLASS}${i}` })] : []),
            ...(pm.hollow.length ? [Plot.dot(pm.hollow, { x: 'x', y: 'value', fill: '#fff', stroke: c.color, strokeWidth: 1.5, r: 3.5, className: `${SERIES_CLASS}${i}` })] : []),
            Plot.dot(pm.complete, Plot.selectLast({ x: 'x', y: 'value', fill: c.color, r: 3, className: `${SERIES_CLASS}${i}` })),
          ];
        })
        .flat(),
      ...partialLabels(valued, lang),
      // Invisible hover targets on every value: their <title> is the value, shown by the browser without script.
      Plot.dot(valued, { x: 'x', y: 'value', fill: 'label', fillOpacity: 0, r: 6, title, className: HIT_CLASS }),
    ];
    return {
      marks,
      options: {
        width,
        height,
        marginLeft: 64,
        marginTop: 24,
        x: { tickFormat: (d: number) => String(d), label: null, ticks: Math.min(10, new Set(xs).size) },
        y: { tickFormat: valueTick, grid: true, label: null, zero: fromZero ? true : undefined },
        color: colorScale(colors),
      },
    };
  },
  table: yearTable,
};
