import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHref, routeOf, sectionOf, withBase } from '../../src/lib/paths.ts';

test('links under the root and under a sub-path', () => {
  assert.equal(pageHref('/', 'zh', ''), '/');
  assert.equal(pageHref('/', 'en', 'trade/'), '/en/trade/');
  assert.equal(pageHref('/sub', 'zh', 'trade/'), '/sub/trade/');
  assert.equal(pageHref('/sub/', 'en', ''), '/sub/en/');
  assert.equal(withBase('/sub/', '/data/tables/x.csv'), '/sub/data/tables/x.csv');
});

test('the route of a page, for the language switch', () => {
  assert.equal(routeOf('/', '/'), '');
  assert.equal(routeOf('/', '/en/'), '');
  assert.equal(routeOf('/', '/en'), '');
  assert.equal(routeOf('/sub/', '/sub/en/trade/'), 'trade/');
  assert.equal(routeOf('/sub/', '/sub/parks/shawan'), 'parks/shawan/');
  assert.equal(sectionOf('parks/shawan/'), 'parks');
  assert.equal(sectionOf(''), 'overview');
});
