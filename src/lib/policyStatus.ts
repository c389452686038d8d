// The tracker's status rule, in one place so the page, the CSV and the methods text cannot disagree.
//
// A target is a straight path from the baseline (year, value) to the target (year, value). An indicator is
// - "no_data" when it has no value in its baseline year or in any complete period since;
// - "no_target" when the plan sets no target for it;
// - "on_track" when the share of the way it has come (progress) is at least the share of the time that has
//   passed (expected): the latest value is on or beyond the path; reaching the target early counts as on track;
// - "behind" otherwise.
// Progress and expected are both measured from the baseline: progress = (latest − baseline) ÷ (target − baseline),
// expected = (latest year − baseline year) ÷ (target year − baseline year), capped at 1 once the target year is
// reached. A target equal to the baseline means "hold the level": on track while the latest value is not on the
// wrong side of it.

export type TrackStatus = 'on_track' | 'behind' | 'no_target' | 'no_data';

export interface YearValue {
  year: number;
  value: number;
}

export interface TrackTarget extends YearValue {
  /** Which way is better; a target above the baseline implies "increase", below it "decrease". */
  direction: 'increase' | 'decrease';
}

export interface TrackResult {
  status: TrackStatus;
  /** Share of the way from baseline to target covered by the latest value (may be negative or above 1). */
  progress: number | null;
  /** Share of the baseline-to-target period that has passed by the latest value's year (0–1). */
  expected: number | null;
}

// Rounding of values read from JSON/Parquet must not turn "exactly on the path" into "behind".
const EPSILON = 1e-9;

export function trackStatus(baseline: YearValue | null, latest: YearValue | null, target: TrackTarget | null): TrackResult {
  if (!baseline || !latest || !Number.isFinite(baseline.value) || !Number.isFinite(latest.value) || latest.year < baseline.year) {
    return { status: 'no_data', progress: null, expected: null };
  }
  if (!target) return { status: 'no_target', progress: null, expected: null };
  if (target.year <= baseline.year) throw new Error(`target year ${target.year} is not after the baseline year ${baseline.year}`);
  const expected = Math.min(1, (latest.year - baseline.year) / (target.year - baseline.year));
  const span = target.value - baseline.value;
  if (span === 0) {
    const held = target.direction === 'increase' ? latest.value >= target.value - EPSILON : latest.value <= target.value + EPSILON;
    return { status: held ? 'on_track' : 'behind', progress: held ? 1 : 0, expected };
  }
  if ((span > 0 ? 'increase' : 'decrease') !== target.direction) {
    throw new Error(`target ${target.value} lies in the opposite direction ("${target.direction}") from the baseline ${baseline.value}`);
  }
  const progress = (latest.value - baseline.value) / span;
  return { status: progress >= expected - EPSILON ? 'on_track' : 'behind', progress, expected };
}
