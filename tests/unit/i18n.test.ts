import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, langFromParam, paren, t } from '../../src/lib/i18n.ts';

test('every string exists in both languages, and both use the same placeholders', () => {
  for (const key of KEYS) {
    const zh = t('zh', key);
    const en = t('en', key);
    assert.ok(zh.length > 0 && en.length > 0, key);
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(names(zh), names(en), key);
  }
});

test('placeholders are filled; unknown ones stay visible', () => {
  assert.equal(t('zh', 'site.footer_asof', { date: '2025年12月31日' }), '数据截至 2025年12月31日');
  assert.equal(t('en', 'site.footer_asof'), 'Data as of {date}');
});

test('language from the route parameter', () => {
  assert.equal(langFromParam(undefined), 'zh');
  assert.equal(langFromParam('en'), 'en');
  assert.equal(paren('zh', 'x'), '（x）');
  assert.equal(paren('en', 'x'), ' (x)');
});
