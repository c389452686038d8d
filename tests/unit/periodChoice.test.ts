import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullPeriod, parsePeriod, periodSearch } from '../../src/lib/periodChoice.ts';
import { fitYearScale, periodShades } from '../../src/lib/periodShade.ts';
import { parkChoiceSearch, parseParkChoice } from '../../src/lib/parkChoice.ts';

const years = [2010, 2011, 2012, 2013, 2014, 2015];

test('the period comes from ?from=&to=, within the offered years, the right way round', () => {
  assert.deepEqual(parsePeriod('', years), { from: 2010, to: 2015 });
  assert.deepEqual(fullPeriod([2014, 2010, 2012]), { from: 2010, to: 2014 });
  assert.deepEqual(parsePeriod('?from=2011&to=2013', years), { from: 2011, to: 2013 });
  assert.deepEqual(parsePeriod('?from=2013&to=2011', years), { from: 2011, to: 2013 }, 'reversed');
  assert.deepEqual(parsePeriod('?from=1999&to=2013', years), { from: 2010, to: 2013 }, 'unknown year: that end of the full range');
  assert.deepEqual(parsePeriod('?from=20xx&to=2013.5', years), { from: 2010, to: 2015 });
  assert.deepEqual(parsePeriod('?from=2012&to=2012', years), { from: 2012, to: 2012 });
});

test('the address keeps other parameters and drops the full period', () => {
  assert.equal(periodSearch('?group=jewelry', { from: 2011, to: 2013 }, years), '?group=jewelry&from=2011&to=2013');
  assert.equal(periodSearch('?group=jewelry&from=2011&to=2013', { from: 2010, to: 2015 }, years), '?group=jewelry');
  assert.equal(periodSearch('?from=2011&to=2013', { from: 2010, to: 2015 }, years), '');
  for (const p of [{ from: 2010, to: 2012 }, { from: 2013, to: 2015 }, { from: 2014, to: 2014 }]) {
    assert.deepEqual(parsePeriod(periodSearch('?flow=export', p, years), years), p, 'round trip');
  }
});

test('the veil covers the years before and after the period, half a year away from it, inside the frame', () => {
  const frame = { left: 60, top: 20, right: 560, bottom: 300 };
  const scale = fitYearScale([
    { year: 2015, px: 560 },
    { year: 2010, px: 60 },
    { year: 2012, px: 260 },
  ])!;
  assert.deepEqual(scale, { year0: 2010, at: 60, perYear: 100 });
  assert.deepEqual(periodShades(frame, scale, 2012, 2013), [
    { x: 60, width: 150 },
    { x: 410, width: 150 },
  ]);
  assert.deepEqual(periodShades(frame, scale, 2010, 2015), []);
  assert.deepEqual(periodShades(frame, scale, -Infinity, 2014), [{ x: 510, width: 50 }]);
  assert.equal(fitYearScale([{ year: 2010, px: 1 }]), null);
  assert.equal(fitYearScale([]), null);
});

test('the park choice comes from ?park= and only names configured parks', () => {
  const parks = ['shawan', 'dalingtang'];
  assert.equal(parseParkChoice('?park=shawan', parks), 'shawan');
  assert.equal(parseParkChoice('?park=elsewhere', parks), null);
  assert.equal(parseParkChoice('', parks), null);
  assert.equal(parkChoiceSearch('?x=1', 'shawan'), '?x=1&park=shawan');
  assert.equal(parkChoiceSearch('?park=shawan&x=1', null), '?x=1');
  assert.equal(parkChoiceSearch('?park=shawan', null), '');
  assert.equal(parseParkChoice(parkChoiceSearch('', 'dalingtang'), parks), 'dalingtang');
});
