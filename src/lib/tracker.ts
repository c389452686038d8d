// The tracker as the site shows it: every measure's rows built from the published data at build time, with the
// values formatted for the reader, and the same rows as CSV. The page, the brief preset and the CSV share it.
import { pick, t, type Lang } from './i18n.ts';
import { allIndicators, getIndicator, routeOfIndicator, type IndicatorDef } from './indicators.ts';
import { buildIndicatorModel } from './indicatorModel.ts';
import { siteData } from './siteData.ts';
import { formatValue, formatPercent } from './format.ts';
import { csvCell } from './displayedCsv.ts';
import { policy, policyProblems, trackRow, type Measure, type TrackerRow } from './policy.ts';

export interface ShownRow extends TrackerRow {
  def: IndicatorDef;
  /** The indicator's title, with the followed series when it has several. */
  title: string;
  /** Route and anchor of the full indicator. */
  route: string;
  synthetic: boolean;
  illustrative: boolean;
}

export interface ShownMeasure {
  measure: Measure;
  rows: ShownRow[];
}

/** Every measure with its rows; a configuration error stops the build with the measure and indicator named. */
export function trackerModel(lang: Lang): ShownMeasure[] {
  const problems = policyProblems(policy, new Set(allIndicators().map((d) => d.id)));
  if (problems.length) throw new Error(`policy.json (beside the cluster's cluster.json): ${problems.join('; ')}`);
  const data = siteData();
  return policy.measures.map((measure) => ({
    measure,
    rows: measure.indicators.map((tracked) => {
      const def = getIndicator(tracked.indicator);
      const m = buildIndicatorModel(def, lang, data);
      const row = trackRow(measure, tracked, m.points);
      return {
        ...row,
        def,
        title: row.seriesLabel ? `${m.title}${lang === 'zh' ? '：' : ': '}${row.seriesLabel}` : m.title,
        route: `${routeOfIndicator(def)}#${def.id}`,
        synthetic: m.synthetic,
        illustrative: tracked.target?.illustrative === true,
      };
    }),
  }));
}

/** The ids of every indicator the tracker follows, in page order (the brief preset prints them). */
export function trackedIndicatorIds(): string[] {
  return [...new Set(policy.measures.flatMap((m) => m.indicators.map((i) => i.indicator)))];
}

export function statusLabel(lang: Lang, status: TrackerRow['result']['status']): string {
  return t(lang, `policy.status.${status}`);
}

/** Progress toward the target as a percentage, or a dash. */
export function progressText(row: TrackerRow): string {
  return row.result.progress === null ? '–' : formatPercent(row.result.progress);
}

const COLUMNS = ['措施/measure', '指标/indicator', '系列/series', '基期年份/baseline_year', '基期值/baseline', '最新年份/latest_year', '最新值/latest', '目标年份/target_year', '目标值/target', '进度/progress', '应有进度/expected', '状态/status', '目标出处/target_source', '示例目标/illustrative_target', '示例数据/sample_data'];

/** The tracker as CSV: UTF-8 with a BOM, raw values (not formatted), the sample markers as columns on every row. */
export function trackerCsv(lang: Lang, measures = trackerModel(lang)): string {
  const lines = [COLUMNS.join(',')];
  for (const { measure, rows } of measures) {
    for (const r of rows) {
      const target = r.tracked.target;
      lines.push(
        [
          pick(lang, measure.title),
          r.def.id,
          r.seriesKey,
          r.baseline?.year,
          r.baseline?.value,
          r.latest?.year,
          r.latest?.value,
          target?.year,
          target?.value,
          r.result.progress,
          r.result.expected,
          r.result.status,
          target ? `${pick(lang, target.source.document)} (${target.source.date})` : null,
          r.illustrative,
          r.synthetic,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** A value of a row, formatted in the indicator's unit. */
export function rowValue(row: ShownRow, value: number | null | undefined, lang: Lang): string {
  return value === null || value === undefined ? '–' : formatValue(value, row.def.unit, lang);
}
