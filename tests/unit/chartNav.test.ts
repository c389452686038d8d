import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestPoint, stepPoint, type NavPoint } from '../../src/lib/chartNav.ts';

test('the pointer picks the bar it is on, otherwise the nearest value', () => {
  const anchors = [
    { x: 10, y: 10 },
    { x: 50, y: 50 },
    { x: 100, y: 80, box: { left: 90, top: 20, right: 110, bottom: 140 } },
    { x: 100, y: 100, box: { left: 95, top: 90, right: 105, bottom: 110 } },
  ];
  assert.equal(nearestPoint(anchors, 12, 9), 0);
  assert.equal(nearestPoint(anchors, 45, 60), 1);
  // Inside the big bar but far from its centre: still that bar, not the nearer centre of the dot.
  assert.equal(nearestPoint(anchors, 92, 25), 2);
  // Inside both: the smaller (the segment drawn over the other).
  assert.equal(nearestPoint(anchors, 100, 95), 3);
  assert.equal(nearestPoint([], 1, 1), -1);
});

// Two series over three years, in the order the chart draws them (year, then series).
const grid: NavPoint[] = [
  { s: 0, x: 2020 },
  { s: 1, x: 2020 },
  { s: 0, x: 2021 },
  { s: 1, x: 2021 },
  { s: 0, x: 2022 },
];

test('arrows walk the years of a series and the series of a year', () => {
  assert.equal(stepPoint(grid, 0, 'ArrowRight'), 2);
  assert.equal(stepPoint(grid, 2, 'ArrowRight'), 4);
  assert.equal(stepPoint(grid, 4, 'ArrowRight'), 4, 'stays at the last year');
  assert.equal(stepPoint(grid, 3, 'ArrowLeft'), 1);
  assert.equal(stepPoint(grid, 2, 'ArrowDown'), 3);
  assert.equal(stepPoint(grid, 3, 'ArrowUp'), 2);
  assert.equal(stepPoint(grid, 4, 'ArrowDown'), 4, 'no second series in 2022');
  assert.equal(stepPoint(grid, 2, 'Home'), 0);
  assert.equal(stepPoint(grid, 0, 'End'), 4);
  assert.equal(stepPoint(grid, 1, 'End'), 3);
  assert.equal(stepPoint(grid, 0, 'Enter'), null);
  assert.equal(stepPoint(grid, 9, 'ArrowRight'), null);
});

test('a ranking (one value per series) is walked in order', () => {
  const ranking: NavPoint[] = [0, 1, 2].map((s) => ({ s, x: 2024 }));
  assert.equal(stepPoint(ranking, 0, 'ArrowDown'), 1);
  assert.equal(stepPoint(ranking, 1, 'ArrowRight'), 2);
  assert.equal(stepPoint(ranking, 2, 'ArrowDown'), 2);
  assert.equal(stepPoint(ranking, 1, 'ArrowUp'), 0);
  assert.equal(stepPoint(ranking, 2, 'Home'), 0);
  assert.equal(stepPoint(ranking, 0, 'End'), 2);
});
