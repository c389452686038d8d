// The files offered for each indicator under charts/<lang>/<id>.*: the standalone SVG, its PNG, a Word document
// and the CSV of the rows the chart draws. Built once per (language, indicator) and shared by the endpoints, so
// the PNG inside the DOCX is the PNG offered for download.
import { pick, type Lang } from './i18n.ts';
import { allIndicators, getIndicator, type IndicatorDef } from './indicators.ts';
import { buildIndicatorModel, type IndicatorModel } from './indicatorModel.ts';
import { siteData } from './siteData.ts';
import { renderStandaloneSvg } from './chart.ts';
import { unitLabel } from './format.ts';
import { pngChartsAvailable, svgToPng } from './chartPng.ts';
import { chartDocx } from './chartDocx.ts';
import { displayedCsv } from './displayedCsv.ts';

/** File kinds written per indicator, in the order the download links list them. */
export const CHART_FILE_KINDS = ['svg', 'png', 'docx', 'csv'] as const;
export type ChartFileKind = (typeof CHART_FILE_KINDS)[number];

/** The file kinds this build can write: PNG and DOCX need a CJK font on the build machine (see chartPng.ts). */
export function availableChartFileKinds(): ChartFileKind[] {
  return pngChartsAvailable() ? [...CHART_FILE_KINDS] : CHART_FILE_KINDS.filter((k) => k !== 'png' && k !== 'docx');
}

/** The path of an indicator's file relative to the site root. */
export function chartFilePath(lang: Lang, id: string, kind: ChartFileKind): string {
  return `charts/${lang}/${id}.${kind}`;
}

/** (lang, id) of every indicator that has something to draw: the same list for each file kind and the embeds. */
export function chartedIndicators(): { lang: Lang; def: IndicatorDef }[] {
  const data = siteData();
  return (['zh', 'en'] as const).flatMap((lang) =>
    allIndicators()
      .filter((d) => buildIndicatorModel(d, lang, data).points.some((p) => p.value !== null))
      .map((def) => ({ lang, def })),
  );
}

function subtitleOf(def: IndicatorDef, lang: Lang): string {
  return [pick(lang, def.subtitle), unitLabel(def.unit, lang)].filter(Boolean).join(lang === 'zh' ? '；' : '; ');
}

const models = new Map<string, IndicatorModel>();
const svgs = new Map<string, string>();
const pngs = new Map<string, { png: Buffer; width: number; height: number }>();

function model(lang: Lang, id: string): IndicatorModel {
  const k = `${lang}/${id}`;
  let m = models.get(k);
  if (!m) models.set(k, (m = buildIndicatorModel(getIndicator(id), lang, siteData())));
  return m;
}

export function chartSvg(lang: Lang, id: string): string {
  const k = `${lang}/${id}`;
  let svg = svgs.get(k);
  if (!svg) {
    const m = model(lang, id);
    svg = renderStandaloneSvg(m.points, {
      kind: m.def.chart,
      unit: m.def.unit,
      lang,
      refYear: siteData().refYear,
      title: m.title,
      subtitle: subtitleOf(m.def, lang),
      sourceLine: m.sourceLine,
      synthetic: m.synthetic,
    });
    svgs.set(k, svg);
  }
  return svg;
}

export function chartPng(lang: Lang, id: string): { png: Buffer; width: number; height: number } {
  const k = `${lang}/${id}`;
  let png = pngs.get(k);
  if (!png) pngs.set(k, (png = svgToPng(chartSvg(lang, id), 2, undefined, { lang })));
  return png;
}

export function chartDocxFile(lang: Lang, id: string): Promise<Buffer> {
  const m = model(lang, id);
  const { png, width, height } = chartPng(lang, id);
  return chartDocx({ lang, title: m.title, subtitle: subtitleOf(m.def, lang), summary: m.summary, sourceLine: m.sourceLine, synthetic: m.synthetic, png, width, height });
}

export function chartCsv(lang: Lang, id: string): string {
  const m = model(lang, id);
  // Values are written as published (a share is 0.285, not 28.5%), so the unit says so.
  const unit = m.def.unit === 'ratio' ? (lang === 'zh' ? '比例（0–1）' : 'ratio (0–1)') : unitLabel(m.def.unit, lang);
  return displayedCsv(m.points, { lang, indicatorId: id, unit, synthetic: m.synthetic, sourceLine: m.sourceLine });
}

/** The MIME type of each file kind. */
export const CHART_FILE_TYPES: Record<ChartFileKind, string> = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
};
