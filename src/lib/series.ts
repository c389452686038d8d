// Turns a published table into the points one indicator draws: filter the rows, pick the measure(s), group
// into series and sum per (x, series). Pure, so the chart, the table view and the summary share one result.
import { hasKey, pick, t, type Key, type Lang, type Text } from './i18n.ts';
import type { Row } from './catalog.ts';
import * as aq from 'arquero';
import { latestCompleteX, rowIsPartial } from './periodCompleteness.ts';

const { op } = aq;

type Scalar = string | number | boolean | null;

/** Keep rows whose column equals the value (or one of the values). */
export type Filter = Record<string, Scalar | Scalar[]>;

/** One measured column drawn as its own series (e.g. district and national unit values side by side). */
export interface Measure {
  column: string;
  /** Translation key of the series label. */
  labelKey: Key;
}

/** How rows split into series by the values of one column. */
export interface SeriesBy {
  column: string;
  /** Merge values into named series, e.g. {natural: ['natural_rough', 'natural_polished']}; unlisted values are dropped. Labels come from `labels`, else `series.<name>`. */
  groups?: Record<string, string[]>;
  /** Label from the translation table: prefix + value (e.g. "flow." → flow.export). */
  labelKeyPrefix?: string;
  /**
   * Label from columns of the same row (e.g. {zh: 'group_name_zh', en: 'group_name_en'}). A row without a name in
   * the reader's language is labelled as not recognised (with its code), never with another language's text.
   */
  labelColumns?: Text;
  /** Label from configuration, by value (e.g. industry names from cluster.json). */
  labels?: Record<string, Text>;
  /** Only these values, in this order (the order of the legend and the table). */
  include?: string[];
  /** Leave these values out (e.g. the "World" row of a Trade Map export). */
  exclude?: string[];
  /** Keep the N series with the largest values in the latest x; the rest are dropped. */
  top?: number;
}

export interface SeriesSpec {
  table: string;
  filter?: Filter;
  /** The x column; a year in every indicator so far. */
  x?: string;
  /** One column to measure, or several drawn as separate series. */
  y: string | Measure[];
  series?: SeriesBy;
  /** Only the latest x (for rankings such as partners). */
  latestOnly?: boolean;
}

export interface Point {
  x: number;
  /** Stable id of the series ("total" when there is one series). */
  key: string;
  label: string;
  value: number | null;
  /** From an incomplete period (periodCompleteness.ts): drawn distinctly, left out of changes and rankings. */
  partial?: boolean;
}

/** True when the row passes the filter. */
export function matches(row: Row, filter: Filter | undefined): boolean {
  if (!filter) return true;
  for (const [col, want] of Object.entries(filter)) {
    const v = row[col] as Scalar;
    if (Array.isArray(want) ? !want.includes(v) : v !== want) return false;
  }
  return true;
}

function seriesKeyOf(row: Row, by: SeriesBy): string | null {
  const raw = row[by.column];
  const v = raw === null || raw === undefined ? 'other' : String(raw);
  if (by.groups) {
    for (const [name, values] of Object.entries(by.groups)) if (values.includes(v)) return name;
    return null;
  }
  if (by.include && !by.include.includes(v)) return null;
  if (by.exclude?.includes(v)) return null;
  return v;
}

function labelOf(key: string, row: Row | undefined, by: SeriesBy | undefined, lang: Lang): string {
  if (!by) return '';
  if (by.groups) {
    if (by.labels?.[key]) return pick(lang, by.labels[key]);
    const k = `series.${key}`;
    return hasKey(k) ? t(lang, k) : key;
  }
  if (by.labels?.[key]) return pick(lang, by.labels[key]);
  if (by.labelKeyPrefix) {
    const k = by.labelKeyPrefix + key;
    if (hasKey(k)) return t(lang, k);
  }
  if (by.labelColumns && row) {
    // The reader's language only: pick() would fall back to Chinese on an English page.
    const name = row[by.labelColumns[lang]];
    if (name != null && name !== '') return String(name);
    // No name in the reader's language: never the source's raw text (the quality report lists it), but a label
    // saying so, with the code when there is one. NULL keys (no code either) are one series, "other".
    return row[by.column] == null ? t(lang, 'names.unmatched') : t(lang, 'names.code_only', { code: key });
  }
  return key;
}

/** A published cell as a number: empty and missing cells are null, never 0. */
function numberOf(v: unknown): number | null {
  return v === null || v === undefined || v === '' ? null : Number(v);
}

/**
 * The points of one indicator, sorted by x then by series order. The wrangling is arquero's (filter, unroll the
 * measures, group by x and series, sum, top N): the row-level rules (filter, series key, label, partial) are this
 * module's functions, passed in escaped. Runs at build time only; pages get the points, not arquero.
 */
export function buildSeries(spec: SeriesSpec, rows: Row[], lang: Lang): Point[] {
  if (!rows.length) return [];
  const xCol = spec.x ?? 'year';
  const by = spec.series;
  const measures: { column: string; key: string; label: string }[] =
    typeof spec.y === 'string'
      ? [{ column: spec.y, key: 'total', label: '' }]
      : spec.y.map((m) => ({ column: m.column, key: m.column, label: t(lang, m.labelKey) }));
  // One row per (input row, measure), in input order: the order series are first seen in is their legend order.
  // The columns the rules read, named (arquero would otherwise take the first row's keys, losing a later row's
  // period_complete) and no more (copying every column of a wide table into arquero costs more than the wrangling).
  const columns = [...new Set([xCol, ...Object.keys(spec.filter ?? {}), ...measures.map((m) => m.column), ...(by ? [by.column, ...(by.labelColumns ? [by.labelColumns.zh, by.labelColumns.en] : [])] : []), 'period_complete'])];
  const long = aq
    .from(rows, columns)
    .filter(aq.escape((d: Row) => matches(d, spec.filter) && Number.isFinite(Number(d[xCol]))))
    .derive({
      _m: aq.escape(() => measures.map((_, i) => i)),
      _num: aq.escape((d: Row) => measures.map((m) => numberOf(d[m.column]))),
    })
    .unroll(['_m', '_num'])
    .derive({
      _x: aq.escape((d: Row) => Number(d[xCol])),
      _key: aq.escape((d: Row) => (by ? seriesKeyOf(d, by) : measures[d._m as number].key)),
      _partial: aq.escape((d: Row) => (rowIsPartial(d) ? true : null)),
    })
    .filter((d: { _key: string | null }) => d._key !== null)
    .derive({ _label: aq.escape((d: Row) => (by ? labelOf(d._key as string, d, by, lang) : measures[d._m as number].label)) });
  const order = [...new Set(long.array('_key') as string[])];
  // Sums per (x, series): a sum of the values present, null when none is; partial when any row is.
  const summed = long
    .groupby('_x', '_key')
    .rollup({ label: (d: { _label: string }) => op.any(d._label), value: (d: { _num: number }) => op.sum(d._num), partial: (d: { _partial: boolean }) => op.valid(d._partial) })
    .objects() as { _x: number; _key: string; label: string; value: number | undefined; partial: number }[];
  let points: Point[] = summed.map((r) => {
    const p: Point = { x: r._x, key: r._key, label: r.label, value: r.value ?? null };
    if (r.partial > 0) p.partial = true;
    return p;
  });
  let keys = order;
  if (by?.include) keys = by.include.filter((k) => order.includes(k));
  else if (by?.groups) keys = Object.keys(by.groups).filter((k) => order.includes(k));
  if (spec.latestOnly || by?.top) {
    // Rankings use the latest complete period: a partial one would rank whoever reported first.
    const lastX = latestCompleteX(points);
    if (spec.latestOnly) points = points.filter((p) => p.x === lastX);
    if (by?.top) {
      const latest = points.filter((p) => p.x === lastX);
      keys = !latest.length ? [] : (aq
        .from(latest)
        .derive({ rankValue: aq.escape((p: Point) => p.value ?? 0) })
        .orderby(aq.desc('rankValue'))
        .slice(0, by.top)
        .array('key') as string[]);
      points = points.filter((p) => keys.includes(p.key));
    }
  }
  const rank = new Map(keys.map((k, i) => [k, i]));
  return points
    .filter((p) => rank.has(p.key))
    .sort((a, b) => a.x - b.x || (spec.latestOnly ? (b.value ?? 0) - (a.value ?? 0) : rank.get(a.key)! - rank.get(b.key)!));
}

/** Series in legend order with their labels. */
export function seriesOf(points: Point[]): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const p of points) if (!seen.has(p.key)) seen.set(p.key, p.label);
  return [...seen].map(([key, label]) => ({ key, label }));
}

/** The distinct x values, ascending. */
export function xsOf(points: Point[]): number[] {
  return [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
}

/** True when any row the indicator uses is synthetic sample data (rows without the column: the table's flag). */
export function usesSynthetic(spec: SeriesSpec, rows: Row[], tableSynthetic: boolean): boolean {
  const used = rows.filter((r) => matches(r, spec.filter));
  if (used.length && 'synthetic' in used[0]) return used.some((r) => r.synthetic === true);
  return tableSynthetic;
}
