// Everything a page needs to show one indicator, computed once at build time from the published data: the
// points, the summary sentence, the change since the reference year, provenance and download paths. The
// Indicator component and the chart-file endpoint both use it, so the page and the SVG file cannot disagree.
import { pick, t, type Lang } from './i18n.ts';
import { rowObjects, type Catalog, type CatalogSource, type PublishedTable, type Quality } from './catalog.ts';
import { buildSeries, usesSynthetic, type Point } from './series.ts';
import { changeOf, summarize, type Change } from './summary.ts';
import { sourcesOfTable } from './lineage.ts';
import { formatDate } from './format.ts';
import type { IndicatorDef } from './indicators.ts';
import { latestCompleteX, trailingPartialXs } from './periodCompleteness.ts';
import { samePeriodComparison, samePeriodSentence } from './samePeriod.ts';
import { chartKind, type ChartKindSpec, type TableView } from './chartKinds/index.ts';

export interface IndicatorData {
  catalog: Catalog;
  quality: Quality;
  martSql: Record<string, string>;
  loadTable(name: string): PublishedTable | null;
  refYear: number;
}

export interface IndicatorModel {
  def: IndicatorDef;
  /** How its kind of chart is drawn, summarised and tabled (chartKinds/). */
  chart: ChartKindSpec;
  lang: Lang;
  title: string;
  subtitle: string;
  points: Point[];
  synthetic: boolean;
  summary: string;
  /** The table view under the chart. */
  table: TableView;
  /** Change of the first series since the reference year (headline cards). */
  change: Change | null;
  sources: CatalogSource[];
  asOf: string | null;
  /** The latest complete period drawn, when later periods drawn are partial (the source line then says so). */
  completeThrough: number | null;
  /** Published files of the table and the indicator's own files (charts/<lang>/<id>.*), relative to the site root. */
  files: { csv: string | null; parquet: string | null; svg: string; png: string; docx: string; chartCsv: string };
  /** The line under a chart: sources and as-of date. */
  sourceLine: string;
}

/** Models built for this data, by definition and language: a build asks for each one from many pages and files. */
const models = new WeakMap<IndicatorData, WeakMap<IndicatorDef, Partial<Record<Lang, IndicatorModel>>>>();

/** The model of one indicator in one language; built once per published data, then shared (treat it as read-only). */
export function buildIndicatorModel(def: IndicatorDef, lang: Lang, data: IndicatorData): IndicatorModel {
  let byDef = models.get(data);
  if (!byDef) models.set(data, (byDef = new WeakMap()));
  let byLang = byDef.get(def);
  if (!byLang) byDef.set(def, (byLang = {}));
  return (byLang[lang] ??= modelOf(def, lang, data));
}

function modelOf(def: IndicatorDef, lang: Lang, data: IndicatorData): IndicatorModel {
  const table = data.loadTable(def.table);
  const entry = data.catalog.tables.find((x) => x.name === def.table);
  const rows = table ? rowObjects(table) : [];
  const points = buildSeries(def, rows, lang);
  const chart = chartKind(def.chart);
  const synthetic = usesSynthetic(def, rows, entry?.synthetic ?? table?.synthetic ?? false);
  let summary = summarize({ points, unit: def.unit, subject: def.subject, refYear: data.refYear, ranking: chart.ranking, synthetic }, lang);
  // A partial last period, compared like for like where the indicator has the sub-periods to do so.
  const partialLast = trailingPartialXs(points).at(-1);
  const halves = def.samePeriod && partialLast !== undefined ? data.loadTable(def.samePeriod.table) : null;
  if (def.samePeriod && halves && partialLast !== undefined) summary += samePeriodSentence(samePeriodComparison(rowObjects(halves), def.samePeriod, partialLast), def.samePeriod, def.unit, lang);
  const firstKey = points[0]?.key;
  const change = chart.ranking ? null : changeOf(points.filter((p) => p.key === firstKey), def.unit, data.refYear);
  const sourceIds = sourcesOfTable(def.table, data.martSql, data.catalog, data.quality);
  const sources = data.catalog.sources.filter((s) => sourceIds.includes(s.id));
  const asOf = data.catalog.asOf;
  // "Data as of" agrees with what the chart draws: when its last periods are partial, the line says how far the
  // data are complete.
  const completeThrough = trailingPartialXs(points).length ? latestCompleteX(points.filter((p) => !p.partial)) : null;
  const sourceLine = t(lang, completeThrough === null ? 'ind.source_line' : 'ind.source_line_complete', {
    sources: sources.length ? sources.map((s) => pick(lang, s.title)).join(lang === 'zh' ? '；' : '; ') : '–',
    date: formatDate(asOf, lang),
    period: completeThrough ?? '',
  });
  const title = pick(lang, def.title);
  return {
    def,
    chart,
    lang,
    title,
    subtitle: pick(lang, def.subtitle),
    points,
    synthetic,
    summary,
    table: chart.table({ title, unit: def.unit, lang, points }),
    change,
    sources,
    asOf,
    completeThrough,
    files: {
      csv: entry?.files.csv ? `data/${entry.files.csv}` : null,
      parquet: entry?.files.parquet ? `data/${entry.files.parquet}` : null,
      svg: `charts/${lang}/${def.id}.svg`,
      png: `charts/${lang}/${def.id}.png`,
      docx: `charts/${lang}/${def.id}.docx`,
      chartCsv: `charts/${lang}/${def.id}.csv`,
    },
    sourceLine,
  };
}
