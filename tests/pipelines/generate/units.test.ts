// The generator's small building blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeRng } from '../../../pipelines/generate/prng.ts';
import { splitInteger, shareOf } from '../../../pipelines/generate/allocate.ts';
import { encodeGbk } from '../../../pipelines/generate/gbk.ts';
import { pinZipTimestamps, writeWorkbook } from '../../../pipelines/generate/xlsx.ts';
import { thousands, csvText } from '../../../pipelines/generate/tables.ts';
import { interpolate } from '../../../pipelines/generate/calibration.ts';

test('the PRNG is reproducible per seed and topic, and topics are independent streams', () => {
  const a = makeRng(7, 'firms');
  const b = makeRng(7, 'firms');
  const seq = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(Array.from({ length: 5 }, () => b.next()), seq);
  assert.notDeepEqual(Array.from({ length: 5 }, () => makeRng(7, 'trade').next()), seq.slice(0, 1).concat(seq.slice(1)));
  const r = makeRng(1, 'x');
  for (let i = 0; i < 1000; i++) {
    const v = r.int(3, 5);
    assert.ok(v >= 3 && v <= 5 && Number.isInteger(v));
  }
});

test('splitInteger sums exactly and follows the weights; shareOf never exceeds the parent', () => {
  assert.deepEqual(splitInteger(10, [1, 1, 1]), [4, 3, 3]);
  assert.deepEqual(splitInteger(7, [0, 1]), [0, 7]);
  assert.deepEqual(splitInteger(5, [0, 0]), [0, 0]);
  const r = makeRng(3, 'split');
  for (let i = 0; i < 200; i++) {
    const total = r.int(0, 1e7);
    const parts = splitInteger(total, [r.next(), r.next(), r.next()]);
    assert.equal(parts.reduce((s, v) => s + v, 0), total);
  }
  assert.equal(shareOf(99, 1.5), 99);
  assert.equal(shareOf(99, 0.5), 49);
});

test('GBK encoding round-trips through the strict GB18030 decoder and refuses what GBK cannot hold', () => {
  const s = '数据年月,商品名称：未加工或经简单锯开、劈开或粗磨的非工业用钻石（示例）石碁镇\t"1,234",\r\n';
  const bytes = encodeGbk(s);
  assert.equal(new TextDecoder('gb18030', { fatal: true }).decode(bytes), s);
  assert.equal(bytes.length, Buffer.byteLength(s.replace(/[^\x00-\x7f]/g, 'xx')));
  assert.throws(() => encodeGbk('😀'), /no GBK encoding/);
});

test('workbook zip timestamps are pinned', async () => {
  const wb = await writeWorkbook([{ name: 'S', rows: [['a', 1]] }]);
  assert.ok(pinZipTimestamps(wb).equals(wb));
  // A local header's DOS date (offset 12) is the pinned 1980-01-01.
  assert.equal(wb.readUInt16LE(12), 0x21);
});

test('formatting helpers', () => {
  assert.equal(thousands(1234567), '1,234,567');
  assert.equal(thousands(1234.5), '1,234.50');
  assert.equal(thousands(-12), '-12');
  assert.equal(csvText({ format: 'csv', relPath: 'x', header: ['a', 'b'], rows: [['1,2', 'x"y']], encoding: 'utf-8', trailingComma: true }), 'a,b,\r\n"1,2","x""y",\r\n');
  assert.equal(interpolate({ 2010: 0, 2020: 10 }, 2015), 5);
  assert.equal(interpolate({ 2010: 0, 2020: 10 }, 2030), 10);
});

test('the CNY rates used for 人民币 files match data/reference wherever it has the year', async (t) => {
  const { existsSync, readFileSync } = await import('node:fs');
  const { CNY_PER_USD } = await import('../../../pipelines/generate/calibration.ts');
  const path = 'data/reference/exchange-rates/cny_usd_annual.csv';
  if (!existsSync(path)) return t.skip(`${path} not present`);
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/).slice(1);
  let compared = 0;
  for (const l of lines) {
    const [y, r] = l.split(',');
    if (CNY_PER_USD[+y] === undefined) continue;
    assert.equal(CNY_PER_USD[+y], Number(r), `rate ${y}`);
    compared++;
  }
  assert.ok(compared >= 10);
});
