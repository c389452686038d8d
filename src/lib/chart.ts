// Charts as SVG at build time with Observable Plot on linkedom's document: the page shows the chart with
// JavaScript off, prints it, and the same drawing is offered as a standalone SVG file with its title, source line
// and (for synthetic data) a visible sample-data marker. No <style> elements or style attributes are emitted, so
// a strict Content-Security-Policy (no inline styles) holds.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { formatTick, type Unit } from './format.ts';
import { t, type Lang } from './i18n.ts';
import { pointTitle } from './pointText.ts';
import { seriesOf, type Point } from './series.ts';
import { fontStack, PALETTE } from './theme.ts';
import { completePoints } from './periodCompleteness.ts';
import { chartKind, type ChartKind } from './chartKinds/index.ts';
import { HIT_CLASS, SERIES_CLASS } from './chartKinds/marks.ts';

export type { ChartKind } from './chartKinds/index.ts';

/** Plot charts above this many SVG elements are refused: aggregate the data first. */
export const MAX_SVG_ELEMENTS = 5000;

export interface ChartOptions {
  kind: ChartKind;
  unit: Unit;
  lang: Lang;
  /** Marked with a dashed rule on time charts. */
  refYear?: number;
  width?: number;
  height?: number;
  /** Adds the sample-data marker to every value's hover text. */
  synthetic?: boolean;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function countElements(svg: string): number {
  return (svg.match(/<[a-zA-Z]/g) ?? []).length;
}

/** Colour of each series, in legend order. */
export function colorsOf(points: Point[]): { key: string; label: string; color: string }[] {
  return seriesOf(points).map((s, i) => ({ ...s, color: PALETTE[i % PALETTE.length] }));
}

function newDocument() {
  return parseHTML('<!doctype html><html><body></body></html>').document;
}

function stripStyles(el: Element): void {
  for (const s of [...el.querySelectorAll('style')]) s.remove();
  for (const s of [...el.querySelectorAll('[style]')]) s.removeAttribute('style');
  el.removeAttribute('style');
  // Plot labels its mark groups ("rule", "dot"); inside an svg with role="img" those names are prohibited ARIA
  // (axe: aria-prohibited-attr) and say nothing to a reader: the figure's title and summary describe the chart.
  for (const g of [...el.querySelectorAll('[aria-label], [aria-description]')]) {
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
}

/** Height of a chart drawn at the default size unless `height` is given; its kind may size it by the points. */
export function chartHeight(kind: ChartKind, points: Point[], height = 340): number {
  return chartKind(kind).height(points, height);
}

/** The chart's <svg> element as a string (no legend: pages draw it in HTML, the standalone file in SVG). */
export function renderChart(points: Point[], o: ChartOptions): string {
  const document = newDocument();
  const width = o.width ?? 720;
  const kind = chartKind(o.kind);
  const colors = colorsOf(points);
  const valued = points.filter((p) => p.value !== null);
  const showSeries = kind.namesSeries || colors.length > 1 || (colors.length === 1 && colors[0].key !== 'total');
  const title = (d: Point) => pointTitle(d, { unit: o.unit, lang: o.lang, showSeries, synthetic: o.synthetic ?? false });
  const { marks, options } = kind.draw({
    points,
    valued,
    colors,
    unit: o.unit,
    lang: o.lang,
    refYear: o.refYear,
    width,
    height: chartHeight(o.kind, points, o.height),
    title,
    valueTick: (d: number) => formatTick(d, o.unit, o.lang),
  });
  const svg = Plot.plot({ ...options, document, marks }) as unknown as PlotSvg;
  stripStyles(svg);
  tagMarks(svg, valued, colors.map((c) => c.key), title);
  svg.setAttribute('data-chart', o.kind);
  svg.setAttribute('data-unit', o.unit);
  svg.setAttribute('data-lang', o.lang);
  svg.setAttribute('data-frame', plotFrame(svg).join(','));
  if (o.synthetic) svg.setAttribute('data-synthetic', 'true');
  svg.setAttribute('font-family', fontStack(o.lang));
  svg.setAttribute('font-size', '12');
  svg.removeAttribute('class');
  svg.removeAttribute('aria-description');
  const html = roundCoordinates(svg.outerHTML);
  const n = countElements(html);
  if (n > MAX_SVG_ELEMENTS) throw new Error(`chart has ${n} SVG elements (limit ${MAX_SVG_ELEMENTS}): aggregate the data first`);
  return html;
}

type PlotSvg = Element & { scale(name: 'x' | 'y'): { range?: number[] } | undefined };

/**
 * Writes each value's data onto its mark (data-x, data-s = series index, data-v = the exact value) and the series
 * keys onto the chart, then drops Plot's class names. The island and the tests read values from here rather than
 * from pixel positions. Plot draws one element per index in index order; the check against each element's own
 * <title> (written by Plot from its datum) makes a change in that order fail the build instead of mislabelling.
 */
function tagMarks(svg: Element, valued: Point[], keys: string[], titleOf: (p: Point) => string): void {
  const index = new Map(keys.map((k, i) => [k, i]));
  const hits = [...(svg.querySelector(`g.${HIT_CLASS}`)?.children ?? [])].filter((el) => el.tagName.toLowerCase() !== 'title');
  if (hits.length !== valued.length) throw new Error(`chart marks: ${hits.length} elements for ${valued.length} values`);
  hits.forEach((el, i) => {
    const p = valued[i];
    if (el.querySelector('title')?.textContent !== titleOf(p)) throw new Error(`chart marks out of order at ${p.key} ${p.x}`);
    el.setAttribute('data-x', String(p.x));
    el.setAttribute('data-s', String(index.get(p.key) ?? 0));
    el.setAttribute('data-v', String(p.value));
    if (p.partial) el.setAttribute('data-partial', 'true');
  });
  svg.querySelector(`g.${HIT_CLASS}`)?.removeAttribute('class');
  for (const g of [...svg.querySelectorAll(`g[class^="${SERIES_CLASS}"]`)]) {
    g.setAttribute('data-s', g.getAttribute('class')!.slice(SERIES_CLASS.length));
    g.removeAttribute('class');
  }
  svg.setAttribute('data-keys', JSON.stringify(keys));
}

/** The plotting area [left, top, right, bottom] in the SVG's own units, for overlays drawn by an island. */
function plotFrame(svg: PlotSvg): number[] {
  const xr = svg.scale('x')?.range ?? [0, 0];
  const yr = svg.scale('y')?.range ?? [0, 0];
  return [Math.min(...xr), Math.min(...yr), Math.max(...xr), Math.max(...yr)].map((n) => Math.round(n * 10) / 10);
}

/** A tiny line for headline cards: no axes, the last point marked. */
export function renderSparkline(points: Point[], opts: { width?: number; height?: number } = {}): string {
  // Complete periods only: the card beside it gives the latest complete value, and its end dot must be that value.
  const valued = completePoints(points).filter((p) => p.value !== null);
  const document = newDocument();
  const svg = Plot.plot({
    document,
    width: opts.width ?? 160,
    height: opts.height ?? 40,
    margin: 4,
    axis: null,
    marks: [Plot.lineY(valued, { x: 'x', y: 'value', stroke: PALETTE[0], strokeWidth: 2 }), Plot.dot(valued, Plot.selectLast({ x: 'x', y: 'value', fill: PALETTE[0], r: 2.5 }))],
  }) as unknown as Element;
  stripStyles(svg);
  svg.removeAttribute('class');
  svg.setAttribute('aria-hidden', 'true');
  return roundCoordinates(svg.outerHTML);
}

/**
 * Plot writes coordinates with full float precision; two decimals are plenty and halve the page size. Values in
 * data-v are data, not coordinates, and keep every digit.
 */
function roundCoordinates(svg: string): string {
  return svg.replace(/data-v="[^"]*"|(\d+\.\d{3,})/g, (m, num: string | undefined) => (num ? String(Number(Number(num).toFixed(2))) : m));
}

/** Estimated width of text in px (CJK characters a full em, Latin ones about 0.58 em). */
export function textWidth(s: string, size: number): number {
  return [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? size : size * 0.58), 0);
}

/** Splits text into lines that fit `maxWidth` (estimated widths; CJK text can break between any characters). */
export function wrapText(s: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of s.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? []) {
    // Chinese typesetting never starts a line with closing punctuation: it stays on the line it closes.
    if (line && textWidth(line + token, size) > maxWidth && !/^[，。；：、）」』》！？]/.test(token)) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export interface StandaloneOptions extends ChartOptions {
  title: string;
  subtitle?: string;
  sourceLine: string;
  synthetic: boolean;
}

/** A self-contained SVG document: title, legend, chart, source line and, when synthetic, the sample-data marker. */
export function renderStandaloneSvg(points: Point[], o: StandaloneOptions): string {
  const width = o.width ?? 800;
  const pad = 16;
  const inner = renderChart(points, { ...o, width: width - 2 * pad });
  const innerHeight = Number(/height="(\d+(?:\.\d+)?)"/.exec(inner)?.[1] ?? 340);
  const parts: string[] = [];
  let y = 30;
  parts.push(`<text x="${pad}" y="${y}" font-size="18" font-weight="bold">${escapeXml(o.title)}</text>`);
  if (o.subtitle) {
    y += 22;
    parts.push(`<text x="${pad}" y="${y}" font-size="12" fill="#555">${escapeXml(o.subtitle)}</text>`);
  }
  if (o.synthetic) {
    const label = `${t('zh', 'ind.synthetic_badge')} / ${t('en', 'ind.synthetic_badge')}`;
    const w = textWidth(label, 13) + 20;
    parts.push(
      `<g class="synthetic-marker"><rect x="${width - pad - w}" y="10" width="${w}" height="26" rx="4" fill="#b42318"/>` +
        `<text x="${width - pad - w / 2}" y="28" font-size="13" font-weight="bold" fill="#fff" text-anchor="middle">${escapeXml(label)}</text></g>`,
    );
  }
  const legend = chartKind(o.kind).legend ? colorsOf(points) : [];
  if (legend.length > 1 || (legend.length === 1 && legend[0].key !== 'total')) {
    y += 14;
    let x = pad;
    for (const l of legend) {
      const w = 18 + textWidth(l.label, 12) + 16;
      if (x + w > width - pad) {
        x = pad;
        y += 20;
      }
      parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${l.color}"/><text x="${x + 16}" y="${y + 10}" font-size="12">${escapeXml(l.label)}</text>`);
      x += w;
    }
    y += 12;
  }
  y += 8;
  parts.push(`<g transform="translate(${pad},${y})">${inner}</g>`);
  y += innerHeight + 8;
  for (const line of wrapText(o.sourceLine, 11, width - 2 * pad)) {
    y += 16;
    parts.push(`<text x="${pad}" y="${y}" font-size="11" fill="#444">${escapeXml(line)}</text>`);
  }
  const height = y + 14;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(fontStack(o.lang))}" role="img" aria-label="${escapeXml(o.title)}">` +
    `<title>${escapeXml(o.title)}</title><rect width="${width}" height="${height}" fill="#fff"/>${parts.join('')}</svg>\n`
  );
}
