// The policy tracker: the plan's measures (policy.json beside the cluster's configuration: data/policy.json, or
// data/clusters/<id>/policy.json with CLUSTER=<id>; astro.config.mjs points '#policy-config' at it), each with the
// indicators that track them, a baseline year and a target with its provenance. This module turns that
// configuration and an indicator's points into the tracker's rows; the status rule is in policyStatus.ts.
import config from '#policy-config';
import type { Text } from './i18n.ts';
import type { Point } from './series.ts';
import { trackStatus, type TrackResult, type YearValue } from './policyStatus.ts';

export interface TargetSource {
  /** The document that sets the target (plan, proposal, work report). */
  document: Text;
  /** Its date (ISO). */
  date: string;
}

export interface PolicyTarget {
  value: number;
  year: number;
  direction: 'increase' | 'decrease';
  /** A made-up target that shows how the tracker works: marked 示例 wherever it appears. */
  illustrative?: boolean;
  source: TargetSource;
}

export interface TrackedIndicator {
  /** An indicator id from src/lib/indicators.ts. */
  indicator: string;
  /** One series of a multi-series indicator (its key); the first series when absent. */
  series?: string;
  baselineYear: number;
  target?: PolicyTarget;
}

export interface Measure {
  id: string;
  title: Text;
  /** What the plan does under this measure. */
  lever: Text;
  indicators: TrackedIndicator[];
}

export interface PolicyConfig {
  plan: { title: Text; measuredSince?: number };
  measures: Measure[];
}

export const policy = config as unknown as PolicyConfig;

/** Problems in a tracker configuration, one sentence each naming the measure and indicator; empty when valid. */
export function policyProblems(p: PolicyConfig, knownIndicators: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  for (const m of p.measures) {
    if (ids.has(m.id)) out.push(`measure "${m.id}" appears twice`);
    ids.add(m.id);
    for (const ti of m.indicators) {
      const where = `measure "${m.id}", indicator "${ti.indicator}"`;
      if (!knownIndicators.has(ti.indicator)) out.push(`${where}: no such indicator in src/lib/indicators.ts`);
      if (!Number.isInteger(ti.baselineYear)) out.push(`${where}: baselineYear must be a year`);
      const t = ti.target;
      if (!t) continue;
      if (!Number.isFinite(t.value)) out.push(`${where}: target value must be a number`);
      if (!Number.isInteger(t.year) || t.year <= ti.baselineYear) out.push(`${where}: target year must be after the baseline year ${ti.baselineYear}`);
      if (t.direction !== 'increase' && t.direction !== 'decrease') out.push(`${where}: target direction must be "increase" or "decrease"`);
      if (!t.source?.document?.zh || !t.source?.document?.en || !/^\d{4}-\d{2}-\d{2}$/.test(t.source?.date ?? '')) {
        out.push(`${where}: target needs its source document (zh, en) and date (YYYY-MM-DD)`);
      }
    }
  }
  return out;
}

export interface TrackerRow {
  measure: Measure;
  tracked: TrackedIndicator;
  /** The series the row follows and its label ("" for a single-series indicator). */
  seriesKey: string;
  seriesLabel: string;
  baseline: YearValue | null;
  latest: YearValue | null;
  result: TrackResult;
  /** The followed series, year by year, for the sparkline. */
  points: { x: number; value: number | null }[];
}

/**
 * One tracked indicator's row from its points. The latest value is the last complete period's, never a partial
 * one: a point the pipeline marked partial (periodCompleteness.ts) is skipped, and so is any year `complete`
 * rejects. The sparkline leaves partial periods out too.
 */
export function trackRow(measure: Measure, tracked: TrackedIndicator, points: Point[], complete: (year: number) => boolean = () => true): TrackerRow {
  const seriesKey = tracked.series ?? points[0]?.key ?? '';
  const mine = points.filter((p) => p.key === seriesKey).sort((a, b) => a.x - b.x);
  const seriesLabel = mine.length && new Set(points.map((p) => p.key)).size > 1 ? mine[0].label : '';
  const at = (year: number) => mine.find((p) => p.x === year && p.value !== null);
  const b = at(tracked.baselineYear);
  const isComplete = (p: Point) => p.partial !== true && complete(p.x);
  const last = [...mine].reverse().find((p) => p.value !== null && isComplete(p) && p.x >= tracked.baselineYear);
  const baseline = b ? { year: b.x, value: b.value! } : null;
  const latest = last ? { year: last.x, value: last.value! } : null;
  const target = tracked.target ? { year: tracked.target.year, value: tracked.target.value, direction: tracked.target.direction } : null;
  return {
    measure,
    tracked,
    seriesKey,
    seriesLabel,
    baseline,
    latest,
    result: trackStatus(baseline, latest, target),
    points: mine.map((p) => ({ x: p.x, value: isComplete(p) ? p.value : null })),
  };
}
