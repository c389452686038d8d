// Stacked bars over the years: parts of a whole (natural vs lab-grown, trade modes).
import * as Plot from '@observablehq/plot';
import { HIT_CLASS, colorScale, partialLabels, partialOpacity, yearTable } from './marks.ts';
import type { ChartKindSpec } from './types.ts';

export const barStacked: ChartKindSpec = {
  namesSeries: false,
  legend: true,
  ranking: false,
  height: (_points, height) => height,
  draw({ valued, colors, lang, width, height, title, valueTick }) {
    return {
      marks: [
        Plot.barY(valued, { x: 'x', y: 'value', fill: 'label', fillOpacity: partialOpacity, order: colors.map((c) => c.label), title, className: HIT_CLASS }),
        Plot.ruleY([0]),
        ...partialLabels(valued, lang),
      ],
      options: {
        width,
        height,
        marginLeft: 64,
        x: { type: 'band', tickFormat: (d: number) => String(d), label: null },
        y: { tickFormat: valueTick, grid: true, label: null },
        color: colorScale(colors),
      },
    };
  },
  table: yearTable,
};
