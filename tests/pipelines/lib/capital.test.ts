// 注册资本 text → amount in 万 of the stated currency (pipelines/lib/capital.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capitalHeaderUnit, parseCapital, type CapitalHeaderUnit } from '../../../pipelines/lib/capital.ts';

const AMOUNTS: [text: string, wan: number, currency: 'CNY' | 'USD' | 'HKD', headerUnit?: CapitalHeaderUnit][] = [
  ['3105.000000万', 3105, 'CNY'],
  ['305843.0395万元人民币', 305843.0395, 'CNY'],
  ['50万美元', 50, 'USD'],
  ['100万港元', 100, 'HKD'],
  ['100万港币', 100, 'HKD'],
  ['500万元', 500, 'CNY'],
  ['1000000元', 100, 'CNY'],
  ['人民币500万元', 500, 'CNY'],
  ['500万人民币', 500, 'CNY'],
  ['500万元(人民币)', 500, 'CNY'],
  ['500万元（美元）', 500, 'USD'],
  ['美元 50 万', 50, 'USD'],
  ['USD 50万', 50, 'USD'],
  ['1,000万元', 1000, 'CNY'],
  ['1,234,567元', 123.4567, 'CNY'],
  ['１，０００万元', 1000, 'CNY'],
  ['１０００万元', 1000, 'CNY'],
  ['1.2亿元', 12000, 'CNY'],
  ['0万元', 0, 'CNY'],
  ['￥300万', 300, 'CNY'],
  ['3105', 3105, 'CNY', '万元'],
  ['50.5', 50.5, 'CNY', '万元'],
  ['2000000', 200, 'CNY', '元'],
];

const MISSING = ['', '  ', '-', '--', '—', '暂无', '未公开', '无'];

const UNPARSEABLE: [text: string, reason: RegExp][] = [
  ['五百万', /no number/],
  ['50万欧元', /currency other than/],
  ['100万日元', /currency other than/],
  ['500', /no unit/],
  ['-500万', /neither a unit nor a currency/],
  ['约500万', /neither a unit nor a currency/],
  ['500万美元人民币', /more than one currency/],
  ['万元', /no number/],
  // Separators not in groups of three: "1,2,3" is not 123, a decimal comma "1,5" is not 15.
  ['1,2,3万元', /thousands separators that do not group three digits/],
  ['1,5万元', /thousands separators that do not group three digits/],
  ['12,34万美元', /thousands separators that do not group three digits/],
];

test('amounts in the forms registries and aggregators print', () => {
  for (const [text, wan, currency, unit] of AMOUNTS) {
    const r = parseCapital(text, unit ?? null);
    assert.equal(r.kind, 'amount', `${text}: ${JSON.stringify(r)}`);
    if (r.kind !== 'amount') continue;
    assert.ok(Math.abs(r.wan - wan) < 1e-9, `${text}: ${r.wan} ≠ ${wan}`);
    assert.equal(r.currency, currency, text);
  }
});

test('empty cells and "not disclosed" placeholders are missing, not errors', () => {
  for (const text of [...MISSING, null, undefined]) assert.deepEqual(parseCapital(text), { kind: 'missing' }, String(text));
});

test('unparseable texts say why', () => {
  for (const [text, reason] of UNPARSEABLE) {
    const r = parseCapital(text);
    assert.equal(r.kind, 'unparseable', `${text}: ${JSON.stringify(r)}`);
    if (r.kind === 'unparseable') assert.match(r.reason, reason, text);
  }
});

test('a bare number takes its unit from the column header, and only from there', () => {
  assert.equal(capitalHeaderUnit('注册资本(万元)'), '万元');
  assert.equal(capitalHeaderUnit('注册资金（万元）'), '万元');
  assert.equal(capitalHeaderUnit('注册资本（元）'), '元');
  assert.equal(capitalHeaderUnit('注册资本'), null);
  assert.equal(parseCapital('500', capitalHeaderUnit('注册资本')).kind, 'unparseable');
  // A unit written in the cell wins over the header's.
  assert.deepEqual(parseCapital('1000000元', '万元'), { kind: 'amount', wan: 100, currency: 'CNY' });
});
