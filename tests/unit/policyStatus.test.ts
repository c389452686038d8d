// The tracker's status rule at its boundaries, and its rows built from an indicator's points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trackStatus } from '../../src/lib/policyStatus.ts';
import { policy, policyProblems, trackRow, type Measure, type PolicyConfig } from '../../src/lib/policy.ts';
import { allIndicators } from '../../src/lib/indicators.ts';
import { sparklineSvg } from '../../src/lib/sparkline.ts';

const up = (value: number, year: number) => ({ value, year, direction: 'increase' as const });
const down = (value: number, year: number) => ({ value, year, direction: 'decrease' as const });

test('on the straight path exactly is on track; a hair below it is behind', () => {
  // Baseline 100 in 2020, target 200 in 2030: in 2025 the path is at 150.
  assert.equal(trackStatus({ year: 2020, value: 100 }, { year: 2025, value: 150 }, up(200, 2030)).status, 'on_track');
  assert.equal(trackStatus({ year: 2020, value: 100 }, { year: 2025, value: 149.99 }, up(200, 2030)).status, 'behind');
  const r = trackStatus({ year: 2020, value: 100 }, { year: 2025, value: 150 }, up(200, 2030));
  assert.equal(r.progress, 0.5);
  assert.equal(r.expected, 0.5);
  // Values that went through floating point (0.1 + 0.2) still count as on the path.
  assert.equal(trackStatus({ year: 2020, value: 0.1 }, { year: 2025, value: 0.1 + 0.2 / 2 }, up(0.3, 2030)).status, 'on_track');
});

test('a decreasing target: below the path is on track, above it behind', () => {
  assert.equal(trackStatus({ year: 2020, value: 100 }, { year: 2024, value: 80 }, down(50, 2030)).status, 'on_track'); // path at 80
  assert.equal(trackStatus({ year: 2020, value: 100 }, { year: 2024, value: 81 }, down(50, 2030)).status, 'behind');
});

test('the baseline year itself is on track unless the value moved the wrong way; after the target year the target must be met', () => {
  assert.equal(trackStatus({ year: 2020, value: 100 }, { year: 2020, value: 100 }, up(200, 2030)).status, 'on_track');
  assert.equal(trackStatus({ year: 2020, value: 100 }, { year: 2032, value: 199 }, up(200, 2030)).status, 'behind');
  assert.equal(trackStatus({ year: 2020, value: 100 }, { year: 2032, value: 200 }, up(200, 2030)).status, 'on_track');
  assert.equal(trackStatus({ year: 2020, value: 100 }, { year: 2032, value: 200 }, up(200, 2030)).expected, 1);
  // Reached early.
  assert.equal(trackStatus({ year: 2020, value: 100 }, { year: 2021, value: 250 }, up(200, 2030)).status, 'on_track');
});

test('no target, no data, and a target that holds the level', () => {
  assert.deepEqual(trackStatus({ year: 2020, value: 1 }, { year: 2024, value: 2 }, null), { status: 'no_target', progress: null, expected: null });
  assert.equal(trackStatus(null, { year: 2024, value: 2 }, up(3, 2030)).status, 'no_data');
  assert.equal(trackStatus({ year: 2020, value: 1 }, null, up(3, 2030)).status, 'no_data');
  assert.equal(trackStatus({ year: 2020, value: 1 }, { year: 2024, value: Number.NaN }, up(3, 2030)).status, 'no_data');
  assert.equal(trackStatus({ year: 2020, value: 5 }, { year: 2024, value: 5 }, up(5, 2030)).status, 'on_track');
  assert.equal(trackStatus({ year: 2020, value: 5 }, { year: 2024, value: 4 }, up(5, 2030)).status, 'behind');
  assert.throws(() => trackStatus({ year: 2020, value: 5 }, { year: 2024, value: 4 }, up(3, 2030)), /opposite direction/);
  assert.throws(() => trackStatus({ year: 2020, value: 5 }, { year: 2024, value: 4 }, up(6, 2020)), /not after the baseline/);
});

const measure: Measure = { id: 'm', title: { zh: 'm', en: 'm' }, lever: { zh: '', en: '' }, indicators: [] };
const pts = (key: string, values: [number, number | null][]) => values.map(([x, value]) => ({ x, key, label: key.toUpperCase(), value }));

test('a row follows its series, takes the latest complete period, and never a partial one', () => {
  const points = [...pts('a', [[2020, 1], [2021, 2], [2022, 3]]), ...pts('b', [[2020, 10], [2021, 12], [2022, 20], [2023, 5]])];
  const tracked = { indicator: 'x', series: 'b', baselineYear: 2020, target: { value: 30, year: 2030, direction: 'increase' as const, source: { document: { zh: 'd', en: 'd' }, date: '2026-01-01' } } };
  const row = trackRow(measure, tracked, points, (y) => y <= 2022);
  assert.deepEqual(row.baseline, { year: 2020, value: 10 });
  assert.deepEqual(row.latest, { year: 2022, value: 20 }, '2023 is partial: left out');
  assert.equal(row.seriesLabel, 'B');
  assert.equal(row.result.status, 'on_track'); // progress 0.5, expected 0.2
  const marked = trackRow(measure, tracked, points.map((p) => (p.key === 'b' && p.x === 2022 ? { ...p, partial: true } : p)));
  assert.deepEqual(marked.latest, { year: 2023, value: 5 }, 'without the year rule, 2023 counts');
  const marked2 = trackRow(measure, tracked, points.map((p) => (p.key === 'b' && p.x >= 2022 ? { ...p, partial: true } : p)));
  assert.deepEqual(marked2.latest, { year: 2021, value: 12 }, 'a point marked partial by the pipeline is never the latest');
  assert.equal(marked2.points.find((p) => p.x === 2022)?.value, null, 'nor drawn in the sparkline');
  const noBaseline = trackRow(measure, { ...tracked, baselineYear: 2019 }, points);
  assert.equal(noBaseline.result.status, 'no_data');
  const first = trackRow(measure, { indicator: 'x', baselineYear: 2020 }, points);
  assert.equal(first.seriesKey, 'a');
  assert.equal(first.result.status, 'no_target');
});

test('the shipped tracker configuration is valid, and a broken one is reported by measure and indicator', () => {
  const known = new Set(allIndicators().map((d) => d.id));
  assert.deepEqual(policyProblems(policy, known), []);
  const broken: PolicyConfig = {
    plan: policy.plan,
    measures: [
      { ...measure, indicators: [{ indicator: 'nope', baselineYear: 2020 }, { indicator: 'district-share', baselineYear: 2020, target: { value: 1, year: 2019, direction: 'increase', source: { document: { zh: '', en: 'x' }, date: 'soon' } } }] },
    ],
  };
  const problems = policyProblems(broken, known);
  assert.ok(problems.some((p) => /measure "m", indicator "nope": no such indicator/.test(p)));
  assert.ok(problems.some((p) => /indicator "district-share": target year must be after/.test(p)));
  assert.ok(problems.some((p) => /source document/.test(p)));
  // Every shipped target is illustrative and names its source.
  for (const m of policy.measures) for (const ti of m.indicators) if (ti.target) assert.equal(ti.target.illustrative, true, `${m.id}/${ti.indicator}`);
});

test('a sparkline breaks at missing values and needs two values', () => {
  assert.equal(sparklineSvg([{ x: 2020, value: 1 }], { label: 'x' }), '');
  const svg = sparklineSvg([{ x: 2020, value: 1 }, { x: 2021, value: null }, { x: 2022, value: 3 }, { x: 2023, value: 2 }], { label: 'a < b' });
  assert.equal((svg.match(/M/g) ?? []).length, 2, 'two segments around the gap');
  assert.match(svg, /aria-label="a &lt; b"/);
  assert.match(svg, /<circle cx="94.0"/, 'the last value is marked at the right edge');
});
