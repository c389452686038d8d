// The quick chart: one Observable Plot mark over the current result's columns. Loaded on demand (Plot and d3
// are large) when the reader opens the chart panel. Rows beyond CHART_MAX_ROWS are not drawn: an SVG with more
// marks than that makes the page sluggish (see STACK.md, "Observable Plot cost").
// The rows are shaped here by hand, not with arquero: arquero's verbs (derive, groupby, rollup, orderby, pivot,
// even objects()) compile their expressions with new Function, which this page's Content-Security-Policy
// (script-src without 'unsafe-eval', src/lib/workbench/csp.ts) refuses.
import * as Plot from '@observablehq/plot';
import type { ResultGrid, RawValue } from '../../lib/workbench/resultGrid.ts';
import { SAMPLE_DATA_LABEL } from '../../lib/workbench/sampleMarker.ts';
import { fontStack } from '../../lib/theme.ts';

export const CHART_MAX_ROWS = 5000;
export type MarkKind = 'line' | 'bar' | 'dot';

export interface ChartChoice {
  x: number;
  y: number;
  /** Column index for colour, or -1 for none. */
  colour: number;
  mark: MarkKind;
}

/** Height of the line under the chart that carries the sample-data marker. */
const MARKER_LINE = 24;

/**
 * Draws the chart. With `sampleData`, the 示例数据 / Sample data marker is drawn as SVG text under the chart, inside
 * the chart's own <svg>, so the page and both downloads (SVG, PNG) carry it.
 */
export function drawChart(grid: ResultGrid, choice: ChartChoice, width: number, sampleData = false): { svg: SVGSVGElement | HTMLElement; capped: boolean } {
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
    // Years are numbers too, but "2,010" is not how anyone writes 2010: whole numbers in a calendar range get no
    // thousands separator.
    x: { label: grid.columns[choice.x].name, ...(looksLikeYears(data.map((d) => d.x)) ? { tickFormat: 'd' } : {}) },
    // SI prefixes (1.2G) keep trade values in USD inside the left margin.
    y: { label: grid.columns[choice.y].name, grid: true, ...(grid.kinds[choice.y] === 'number' ? { tickFormat: '~s' } : {}) },
    color: stroke ? { legend: true, label: grid.columns[choice.colour].name } : undefined,
    marks: [mark, Plot.ruleY([0])],
  });
  if (sampleData) addSampleMarker(chartSvg(svg)!);
  return { svg, capped: grid.rowCount > CHART_MAX_ROWS };
}

/** Makes the chart taller by one line and writes the sample-data marker there, left-aligned under the plot. */
function addSampleMarker(svg: SVGSVGElement): void {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const grown = height + MARKER_LINE;
  svg.setAttribute('height', String(grown));
  svg.setAttribute('viewBox', `0 0 ${width} ${grown}`);
  const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  text.setAttribute('class', 'wb-sample-marker');
  text.setAttribute('x', '4');
  // Plot centres all text from its root <svg> (text-anchor="middle"); the marker starts at the left edge.
  text.setAttribute('text-anchor', 'start');
  text.setAttribute('y', String(height + MARKER_LINE - 7));
  text.setAttribute('fill', '#b42318');
  text.setAttribute('font-weight', 'bold');
  text.setAttribute('font-size', '13');
  text.textContent = SAMPLE_DATA_LABEL;
  svg.append(text);
}

/**
 * The chart's own <svg> in what drawChart returned. With a colour legend Plot returns a <figure> whose swatches
 * are small <svg>s placed before the chart, so the first <svg> found would be a swatch: the chart is the
 * figure's direct child.
 */
export function chartSvg(el: Element): SVGSVGElement | null {
  if (el instanceof SVGSVGElement) return el;
  return el.querySelector<SVGSVGElement>(':scope > svg');
}

/** Estimated text width (CJK characters are square; Latin about 0.58 em), for laying out the exported legend. */
const textWidth = (s: string, size: number) => [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? size : size * 0.58), 0);

/**
 * The colour legend as SVG, from Plot's HTML swatches (each a small <svg> filled, or for symbols stroked, with the
 * colour, followed by its label), in rows of `width`. Returns the elements and the height they take.
 */
function legendSvg(el: Element, width: number): { items: SVGElement[]; height: number } {
  const ns = 'http://www.w3.org/2000/svg';
  const items: SVGElement[] = [];
  let x = 4;
  let y = 4;
  const swatches = el instanceof SVGSVGElement ? [] : Array.from(el.querySelectorAll<SVGSVGElement>(':scope > :not(svg) svg'));
  for (const swatch of swatches) {
    const label = swatch.parentElement?.textContent?.trim() ?? '';
    const fill = swatch.getAttribute('fill');
    const colour = fill && fill !== 'none' ? fill : swatch.getAttribute('stroke') ?? 'currentColor';
    const w = 16 + textWidth(label, 12) + 14;
    if (x > 4 && x + w > width) {
      x = 4;
      y += 20;
    }
    const rect = document.createElementNS(ns, 'rect');
    for (const [k, v] of Object.entries({ x, y, width: 12, height: 12, fill: colour })) rect.setAttribute(k, String(v));
    const text = document.createElementNS(ns, 'text');
    for (const [k, v] of Object.entries({ x: x + 16, y: y + 10, 'font-size': 12, 'text-anchor': 'start' })) text.setAttribute(k, String(v));
    text.textContent = label;
    items.push(rect, text);
    x += w;
  }
  return { items, height: items.length ? y + 20 : 0 };
}

/**
 * The chart as one standalone <svg>: a copy of the chart's own, with the colour legend (HTML on the page) drawn
 * above it and the site's system font stack for the page's language set, since a file has no page font to inherit.
 */
function standaloneSvg(el: Element): SVGSVGElement | null {
  const svg = chartSvg(el);
  if (!svg) return null;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.style.fontFamily = fontStack(document.documentElement.lang.startsWith('en') ? 'en' : 'zh');
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const legend = legendSvg(el, width);
  if (legend.height > 0) {
    // The legend goes above the chart, in negative y, so the chart's own coordinates stay as they are.
    copy.setAttribute('height', String(height + legend.height));
    copy.setAttribute('viewBox', `0 ${-legend.height} ${width} ${height + legend.height}`);
    const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.setAttribute('class', 'wb-legend');
    g.setAttribute('transform', `translate(0,${-legend.height})`);
    g.append(...legend.items);
    copy.prepend(g);
  }
  return copy;
}

/** Whole numbers between 1900 and 2100 only: a year column. */
export function looksLikeYears(values: unknown[]): boolean {
  const nums = values.filter((v) => v !== null && v !== undefined && v !== '');
  return nums.length > 0 && nums.every((v) => (typeof v === 'number' || typeof v === 'bigint') && Number.isInteger(Number(v)) && Number(v) >= 1900 && Number(v) <= 2100);
}

/** The chart as a standalone SVG file. */
export function svgText(el: Element): string {
  const copy = standaloneSvg(el);
  return copy ? '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy) : '';
}

/**
 * The chart as a PNG at `scale` times its size on a white background: the standalone SVG, loaded as an image
 * from a blob: URL (the page's CSP allows blob: images), drawn into a canvas. Fonts are the system's.
 */
export async function pngBlob(el: Element, scale = 2): Promise<Blob> {
  const svg = standaloneSvg(el);
  if (!svg) throw new Error('No chart to export');
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Canvas is not available');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
