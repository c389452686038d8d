// The words a reader sees when pointing at one value of a chart: the series, the year and the value in the
// reader's convention (万/亿 or m/bn), plus the sample-data marker when the figure is synthetic. Written into each
// mark's SVG <title> at build time, so the browser shows it on hover without any script; the chart island shows the
// same lines in its tooltip, so both can never disagree.
import { formatValue, formatYear, type Unit } from './format.ts';
import { t, type Lang } from './i18n.ts';

export interface PointTextOptions {
  unit: Unit;
  lang: Lang;
  /** Name the series; false for a chart with one unnamed series. */
  showSeries: boolean;
  synthetic: boolean;
}

/** The tooltip's lines, first the series (when shown), then "year: value", then the marker. */
export function pointLines(p: { label: string; x: number; value: number | null; partial?: boolean }, o: PointTextOptions): string[] {
  const lines: string[] = [];
  if (o.showSeries && p.label) lines.push(p.label);
  lines.push(`${formatYear(p.x, o.lang)}${t(o.lang, 'punct.colon')}${formatValue(p.value, o.unit, o.lang)}`);
  if (p.partial) lines.push(t(o.lang, 'period.partial'));
  if (o.synthetic) lines.push(t(o.lang, 'ind.synthetic_badge'));
  return lines;
}

/** The same lines as one <title> text; Chromium and Firefox show the line breaks in the native tooltip. */
export function pointTitle(p: { label: string; x: number; value: number | null; partial?: boolean }, o: PointTextOptions): string {
  return pointLines(p, o).join('\n');
}
