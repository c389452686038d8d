// The sentence that says what a chart shows (latest value and change since the cluster's reference year), for
// readers who cannot see the chart and for the figure's aria description. Generated from the same points.
import { t, type Lang, type Text, pick } from './i18n.ts';
import { formatChangePercent, formatPercent, formatPoints, formatValue, type Unit } from './format.ts';
import { seriesOf, type Point } from './series.ts';
import { completePoints, latestCompleteX, trailingPartialXs } from './periodCompleteness.ts';

export interface Change {
  latestX: number;
  latest: number;
  refX: number | null;
  ref: number | null;
  /** "up", "down" or "flat"; null when there is no reference value. */
  direction: 'up' | 'down' | 'flat' | null;
  /** Unsigned, formatted ("12.3%" or "4.5" percentage points for ratios). */
  change: string | null;
}

/**
 * Latest non-missing value of one series and its change since `refYear` (or since the first year with data,
 * when the reference year has none). Ratios change in percentage points, everything else in percent.
 */
export function changeOf(points: Point[], unit: Unit, refYear: number): Change | null {
  // Incomplete periods are never compared with whole ones (a half-year is not a fall).
  const valued = completePoints(points).filter((p) => p.value !== null).sort((a, b) => a.x - b.x);
  if (!valued.length) return null;
  const last = valued[valued.length - 1];
  const refPoint = valued.find((p) => p.x === refYear) ?? (valued[0].x < last.x ? valued[0] : null);
  if (!refPoint || refPoint.x >= last.x) return { latestX: last.x, latest: last.value!, refX: null, ref: null, direction: null, change: null };
  const from = refPoint.value!;
  const to = last.value!;
  let direction: Change['direction'];
  let change: string | null;
  if (unit === 'ratio') {
    const pp = formatPoints(to - from);
    direction = pp === '0.0' ? 'flat' : to > from ? 'up' : 'down';
    change = pp;
  } else if (from === 0) {
    direction = to === 0 ? 'flat' : null;
    change = null;
  } else {
    change = formatChangePercent(from, to);
    direction = change === '0.0%' ? 'flat' : to > from ? 'up' : 'down';
  }
  return { latestX: last.x, latest: to, refX: refPoint.x, ref: from, direction, change };
}

/** A short change badge for cards: "↑ 12.3%", "↓ 4.5个百分点", "持平". */
export function changeBadge(c: Change | null, unit: Unit, lang: Lang): string {
  if (!c || !c.direction || !c.change) return '';
  if (c.direction === 'flat') return t(lang, 'change.flat');
  const value = unit === 'ratio' ? t(lang, 'change.pp', { value: c.change }) : c.change;
  return t(lang, c.direction === 'up' ? 'change.up' : 'change.down', { change: value });
}

function sentence(subject: string, c: Change, unit: Unit, lang: Lang): string {
  let s = t(lang, 'summary.level', { year: String(c.latestX), subject, value: formatValue(c.latest, unit, lang) });
  if (c.refX !== null && c.ref !== null && c.direction) {
    const ref = formatValue(c.ref, unit, lang);
    const year = String(c.refX);
    if (c.direction === 'flat') s += t(lang, 'summary.flat', { year, ref });
    else if (c.change) {
      const key = unit === 'ratio' ? (c.direction === 'up' ? 'summary.up_pp' : 'summary.down_pp') : c.direction === 'up' ? 'summary.up_pct' : 'summary.down_pct';
      s += t(lang, key, { year, ref, change: c.change });
    }
  }
  return s;
}

export interface SummaryInput {
  points: Point[];
  unit: Unit;
  /** What is measured, for the sentence ("本区钻石进出口占全国的比重"). */
  subject: Text;
  refYear: number;
  /** Ranking charts summarise the largest category instead of a change over time. */
  ranking?: boolean;
  synthetic?: boolean;
  /** Sentences for at most this many series. */
  maxSeries?: number;
}

/** The whole summary text in one language. */
export function summarize(input: SummaryInput, lang: Lang): string {
  const subject = pick(lang, input.subject);
  const partial = trailingPartialXs(input.points);
  const tail =
    (input.synthetic ? t(lang, 'summary.synthetic') : '') +
    t(lang, 'summary.end') +
    (partial.length ? t(lang, 'summary.partial', { periods: partial.join(lang === 'zh' ? '、' : ', ') }) : '');
  let valued = completePoints(input.points).filter((p) => p.value !== null);
  if (!valued.length) return t(lang, 'summary.none');
  if (input.ranking) {
    // The ranking of the latest complete period only.
    const lastX = latestCompleteX(valued);
    valued = valued.filter((p) => p.x === lastX);
    const total = valued.reduce((a, p) => a + (p.value ?? 0), 0);
    const top = [...valued].sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0];
    return (
      t(lang, 'summary.top', {
        year: String(top.x),
        subject,
        label: top.label,
        value: formatValue(top.value, input.unit, lang),
        share: total ? formatPercent((top.value ?? 0) / total) : '–',
      }) + tail
    );
  }
  const series = seriesOf(valued).slice(0, input.maxSeries ?? 4);
  const parts: string[] = [];
  for (const s of series) {
    const c = changeOf(valued.filter((p) => p.key === s.key), input.unit, input.refYear);
    if (!c) continue;
    const subj = s.key === 'total' || !s.label ? subject : lang === 'zh' ? `${subject}（${s.label}）` : `${subject} (${s.label})`;
    parts.push(sentence(subj, c, input.unit, lang));
  }
  return parts.join(t(lang, 'summary.join')) + tail;
}
