// The quick chart: one Observable Plot mark over the current result's columns. Loaded on demand (Plot and d3
// are large) when the reader opens the chart panel. Rows beyond CHART_MAX_ROWS are not drawn: an SVG with more
// marks than that makes the page sluggish (see STACK.md, "Observable Plot cost").
import * as Plot from '@observablehq/plot';
import type { ResultGrid, RawValue } from '../../lib/workbench/resultGrid.ts';

export const CHART_MAX_ROWS = 5000;
export type MarkKind = 'line' | 'bar' | 'dot';

export interface ChartChoice {
  x: number;
  y: number;
  /** Column index for colour, or -1 for none. */
  colour: number;
  mark: MarkKind;
}

export function drawChart(grid: ResultGrid, choice: ChartChoice, width: number): { svg: SVGSVGElement | HTMLElement; capped: boolean } {
  const rows: Record<string, RawValue>[] = [];
  for (const r of grid.rows(0, CHART_MAX_ROWS)) rows.push({ x: r[choice.x], y: r[choice.y], c: choice.colour >= 0 ? r[choice.colour] : null });
  const xKind = grid.kinds[choice.x];
  const data = rows.map((d) => ({
    ...d,
    x: xKind === 'date' || xKind === 'timestamp' ? new Date(String(d.x)) : d.x,
    y: typeof d.y === 'string' && d.y !== '' && !Number.isNaN(Number(d.y)) ? Number(d.y) : d.y,
  }));
  const stroke = choice.colour >= 0 ? 'c' : undefined;
  const mark =
    choice.mark === 'line'
      ? Plot.lineY(data, { x: 'x', y: 'y', stroke, marker: data.length <= 60 ? 'dot' : undefined, tip: true })
      : choice.mark === 'bar'
        ? Plot.barY(data, { x: 'x', y: 'y', fill: stroke ?? 'steelblue', tip: true })
        : Plot.dot(data, { x: 'x', y: 'y', stroke, tip: true });
  const svg = Plot.plot({
    width,
    height: 380,
    marginLeft: 70,
    style: { fontFamily: 'inherit', fontSize: '12px' },
    x: { label: grid.columns[choice.x].name },
    // SI prefixes (1.2G) keep trade values in USD inside the left margin.
    y: { label: grid.columns[choice.y].name, grid: true, ...(grid.kinds[choice.y] === 'number' ? { tickFormat: '~s' } : {}) },
    color: stroke ? { legend: true, label: grid.columns[choice.colour].name } : undefined,
    marks: [mark, Plot.ruleY([0])],
  });
  return { svg, capped: grid.rowCount > CHART_MAX_ROWS };
}

/** The chart as a standalone SVG file (legend swatches are separate HTML and are not included). */
export function svgText(el: Element): string {
  const svg = el instanceof SVGSVGElement ? el : el.querySelector('svg');
  if (!svg) return '';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}
