// A partial period compared like for like: the sub-periods it has (e.g. the first half-year) against the same
// sub-periods of the previous period, over the units (countries, firms) that reported in the partial one. So
// "2024 H1 against 2023 H1, same countries" instead of half a year against a whole one.
import { t, type Lang } from './i18n.ts';
import { formatChangePercent, formatValue, type Unit } from './format.ts';
import type { Row } from './catalog.ts';
import * as aq from 'arquero';

const { op } = aq;

export interface SamePeriodSpec {
  /** Published table with one row per unit, period and sub-period. */
  table: string;
  /** The period column (year). */
  period: string;
  /** The sub-period column: half_year (1, 2) or month (1–12). */
  sub: 'half_year' | 'month';
  /** The reporting unit (country, firm): only units reporting in the partial period are compared. */
  unit: string;
  /** The measured column. */
  y: string;
  /** Rows to keep first (column → value or any of values), e.g. one region level of a monthly trade table. */
  where?: Record<string, string | number | (string | number)[]>;
}

function kept(rows: Row[], where: SamePeriodSpec['where']): Row[] {
  if (!where) return rows;
  const tests = Object.entries(where).map(([col, want]) => {
    const allowed = new Set((Array.isArray(want) ? want : [want]).map(String));
    return (r: Row) => allowed.has(String(r[col]));
  });
  return rows.filter((r) => tests.every((test) => test(r)));
}

export interface SamePeriodComparison {
  period: number;
  previous: number;
  /** Sub-periods compared, ascending. */
  subs: number[];
  current: number;
  before: number;
}

/** The like-for-like comparison of `period` with the one before it; null when the previous period lacks those rows. */
export function samePeriodComparison(allRows: Row[], spec: SamePeriodSpec, period: number): SamePeriodComparison | null {
  const rows = kept(allRows, spec.where);
  if (!rows.length) return null;
  const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
  const all = aq.from(rows, [...new Set(rows.flatMap((r) => Object.keys(r)))]).derive({
    _p: aq.escape((r: Row) => Number(r[spec.period])),
    _s: aq.escape((r: Row) => Number(r[spec.sub])),
    _u: aq.escape((r: Row) => String(r[spec.unit])),
    _v: aq.escape((r: Row) => num(r[spec.y])),
  });
  const cur = all.params({ period }).filter((d: Cols, $: { period: number }) => d._p === $.period && d._v !== null);
  if (!cur.numRows()) return null;
  const units = cur.select('_u').dedupe();
  // Only sub-periods that every compared unit reported in the partial period (a unit with H1 only limits it to H1).
  const shared = cur
    .groupby('_s')
    .rollup({ n: (d: Cols) => op.distinct(d._u) })
    .params({ units: units.numRows() })
    .filter((d: { n: number }, $: { units: number }) => d.n === $.units)
    .orderby('_s')
    .array('_s') as number[];
  if (!shared.length) return null;
  const inScope = (p: number) =>
    all
      .params({ p, shared })
      .filter((d: Cols, $: { p: number; shared: number[] }) => d._p === $.p && op.includes($.shared, d._s))
      .semijoin(units, '_u');
  const prev = inScope(period - 1).filter((d: Cols) => d._v !== null);
  if (!prev.numRows()) return null;
  const total = (t: typeof all) => (t.rollup({ v: (d: Cols) => op.sum(d._v) }).get('v', 0) as number | undefined) ?? 0;
  return { period, previous: period - 1, subs: shared, current: total(inScope(period)), before: total(prev) };
}

/** The columns samePeriodComparison derives: period, sub-period, unit and value of each row. */
type Cols = { _p: number; _s: number; _u: string; _v: number | null };

/** "上半年" / "H1", "1–6月" / "Jan–Jun". */
export function subPeriodLabel(sub: SamePeriodSpec['sub'], subs: number[], lang: Lang): string {
  const first = subs[0];
  const last = subs[subs.length - 1];
  if (sub === 'half_year') return subs.length === 1 ? t(lang, first === 1 ? 'period.h1' : 'period.h2') : '';
  return t(lang, 'period.months', { from: first, to: last });
}

/** The sentence appended to a summary, or '' when there is nothing to compare. */
export function samePeriodSentence(c: SamePeriodComparison | null, spec: SamePeriodSpec, unit: Unit, lang: Lang): string {
  if (!c || !c.before) return '';
  const part = subPeriodLabel(spec.sub, c.subs, lang);
  return t(lang, c.current >= c.before ? 'summary.same_period_up' : 'summary.same_period_down', {
    year: c.period,
    previous: c.previous,
    part,
    value: formatValue(c.current, unit, lang),
    ref: formatValue(c.before, unit, lang),
    change: formatChangePercent(c.before, c.current),
  });
}
