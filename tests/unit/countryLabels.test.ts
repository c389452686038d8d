// What a chart of countries shows in each language: the KP and Trade Map indicators label their series with the
// marts' Chinese or English names, never with the source's own spelling, in the chart points, the table and the
// chart CSV; a row without a name in the reader's language is labelled as not recognised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSeries } from '../../src/lib/series.ts';
import { getIndicator } from '../../src/lib/indicators.ts';
import { displayedCsv } from '../../src/lib/displayedCsv.ts';
import type { Row } from '../../src/lib/catalog.ts';

const kp = (country: string, iso3: string | null, zh: string | null, en: string | null, value: number): Row => ({
  country, country_iso3: iso3, country_name_zh: zh, country_name_en: en, year: 2023, carats: value, value_usd: value, complete_year: true, synthetic: false,
});
const KP_ROWS: Row[] = [
  kp('Congo, Democratic Republic of', 'COD', '刚果（金）', 'Democratic Republic of the Congo', 500),
  kp("China, People's Republic of", 'CHN', '中国', 'China', 50),
  kp('Russian Federation', 'RUS', '俄罗斯', 'Russian Federation', 900),
  kp('Atlantis', null, null, null, 5),
];

test('KP producers: Chinese names on zh, English names on en, never the KP spelling', () => {
  const def = getIndicator('global-kp-countries');
  const zh = buildSeries(def, KP_ROWS, 'zh');
  assert.deepEqual(zh.map((p) => p.label), ['俄罗斯', '刚果（金）', '中国', '名称未识别']);
  const en = buildSeries(def, KP_ROWS, 'en');
  assert.deepEqual(en.map((p) => p.label), ['Russian Federation', 'Democratic Republic of the Congo', 'China', 'Name not recognised']);
  const csv = displayedCsv(zh, { lang: 'zh', indicatorId: def.id, unit: '美元', synthetic: false, sourceLine: '金伯利进程' });
  assert.match(csv, /刚果（金）/);
  assert.doesNotMatch(csv, /Congo|Atlantis|People's Republic/);
});

test('Trade Map exporters: named by code in the reader’s language, the World row left out', () => {
  const def = getIndicator('global-trademap-exporters');
  const tm = (reporter: string, iso3: string, zh: string, en: string, v: number): Row => ({
    hs_code: '7102', hs_level: 4, flow: 'export', reporter, reporter_iso3: iso3, reporter_name_zh: zh, reporter_name_en: en, year: 2024, value_usd_thousand: v, synthetic: false,
  });
  const rows = [tm('World', 'WLD', '世界', 'World', 1000), tm('Hong Kong, China', 'HKG', '中国香港', 'Hong Kong, China', 300), tm('Korea, Republic of', 'KOR', '韩国', 'South Korea', 20)];
  assert.deepEqual(buildSeries(def, rows, 'zh').map((p) => [p.key, p.label]), [['HKG', '中国香港'], ['KOR', '韩国']]);
  assert.deepEqual(buildSeries(def, rows, 'en').map((p) => p.label), ['Hong Kong, China', 'South Korea']);
});

test('a partner code without an English name shows as a labelled code on en, not in Chinese', () => {
  const def = getIndicator('partners-export');
  const row = (code: string, zh: string, en: string | null, v: number): Row => ({
    year: 2024, region_level: 'district', group_id: 'diamonds', flow: 'export', partner_code: code, partner_name_zh: zh, partner_name_en: en, value_usd: v, synthetic: true,
  });
  const rows = [row('110', '中国香港', 'Hong Kong, China', 10), row('999', '中性包装原产国别', null, 5)];
  assert.deepEqual(buildSeries(def, rows, 'en').map((p) => p.label), ['Hong Kong, China', 'Code 999 (name not recognised)']);
  assert.deepEqual(buildSeries(def, rows, 'zh').map((p) => p.label), ['中国香港', '中性包装原产国别']);
});
