// Which points of a chart come from a period the pipeline judged incomplete (the row's `period_complete` is false:
// pipelines/README.md, "Complete periods"), and the latest complete period that summaries, changes and rankings use.
// A partial period is still drawn, distinctly, but never compared as if it were whole.

/** The part of a point these helpers read. */
export interface PeriodPoint {
  x: number;
  value: number | null;
  /** True when a row summed into the point belongs to an incomplete period. */
  partial?: boolean;
}

/** True when a published row belongs to an incomplete period (tables without the column have none). */
export function rowIsPartial(row: Record<string, unknown>): boolean {
  return row.period_complete === false;
}

export function isPartial(p: PeriodPoint): boolean {
  return p.partial === true;
}

/** The points from complete periods only. */
export function completePoints<P extends PeriodPoint>(points: P[]): P[] {
  return points.filter((p) => !isPartial(p));
}

/** The latest x with a value from a complete period; the latest x with a value when none is complete; null when no value. */
export function latestCompleteX(points: PeriodPoint[]): number | null {
  const valued = points.filter((p) => p.value !== null);
  if (!valued.length) return null;
  const complete = valued.filter((p) => !isPartial(p));
  return Math.max(...(complete.length ? complete : valued).map((p) => p.x));
}

/** The x values drawn as partial, ascending. */
export function partialXs(points: PeriodPoint[]): number[] {
  return [...new Set(points.filter((p) => isPartial(p) && p.value !== null).map((p) => p.x))].sort((a, b) => a - b);
}

/** Partial x values after the latest complete one: what a summary must say it left out. */
export function trailingPartialXs(points: PeriodPoint[]): number[] {
  const last = latestCompleteX(completePoints(points));
  return partialXs(points).filter((x) => last === null || x > last);
}

/**
 * One series of a line chart split for drawing: `solid` has the values of complete periods (a partial one is a gap),
 * `dashed` the segments that touch a partial period (each with its own `segment` id), `hollow` the partial points,
 * `complete` the valued complete points.
 */
export function partialMarks<P extends PeriodPoint>(series: P[]): { solid: (P | (Omit<P, 'value'> & { value: null }))[]; dashed: (P & { segment: number })[]; hollow: P[]; complete: P[] } {
  const sorted = [...series].sort((a, b) => a.x - b.x);
  const valued = sorted.filter((p) => p.value !== null);
  const solid = sorted.map((p) => (isPartial(p) ? { ...p, value: null } : p));
  const dashed: (P & { segment: number })[] = [];
  for (let i = 1; i < valued.length; i++) {
    const a = valued[i - 1];
    const b = valued[i];
    if (isPartial(a) || isPartial(b)) dashed.push({ ...a, segment: i }, { ...b, segment: i });
  }
  return { solid, dashed, hollow: valued.filter(isPartial), complete: valued.filter((p) => !isPartial(p)) };
}
