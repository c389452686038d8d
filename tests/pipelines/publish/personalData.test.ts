import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPersonalData, isMobile, isOldResidentId, isResidentId } from '../../../pipelines/publish/personalData.ts';
import { plantedResidentId } from '../../helpers/plantedId.ts';
import { lookAlikes, personalSpellings } from '../../fixtures/personal_data/corpus.ts';

test('a resident ID with a valid check character is found, one with a wrong one is not', () => {
  const id = plantedResidentId();
  assert.equal(isResidentId(id), true);
  const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
  assert.equal(isResidentId(wrong), false);
  const f = findPersonalData(`name,id\n示例,${id}\n`);
  assert.equal(f.length, 1);
  assert.equal(f[0].kind, 'resident_id');
  assert.equal(f[0].line, 2);
  assert.ok(!f[0].masked.includes(id.slice(3, 15)), 'the finding is masked');
});

test('USCCs, dates and trade values are not mistaken for IDs or phones', () => {
  const text = '91440113677779116F,914401135721807990,2013-05-01,1234567.5,USD 98765432100';
  assert.deepEqual(findPersonalData(text), []);
});

test('mobile numbers and e-mail addresses are found', () => {
  const f = findPersonalData('联系电话 13912345678；备用 +86 139-1234-5678\nmail: someone@example.com');
  assert.deepEqual(f.map((x) => x.kind), ['mobile', 'mobile', 'email']);
  assert.deepEqual(f.map((x) => x.line), [1, 1, 2]);
});

test('landlines are not mobiles', () => {
  assert.deepEqual(findPersonalData('020-84801234 and 02084801234'), []);
});

test('every spelling in the corpus is caught, once, as what it is', () => {
  const spellings = personalSpellings();
  assert.ok(spellings.length >= 50, `${spellings.length} spellings`);
  const masks = new Set<string>();
  for (const s of spellings) {
    const f = findPersonalData(`备注 ${s.text} 完`);
    assert.deepEqual(f.map((x) => x.kind), [s.kind], `${s.label}: ${JSON.stringify(s.text)}`);
    masks.add(f[0].masked);
  }
  assert.equal(masks.size, spellings.length, 'each spelling reports a different masked value (so pipeline tests can tell them apart)');
});

test('look-alikes are not flagged: USCCs, order numbers, dates, HS codes, hashes, decimals, amounts, landlines', () => {
  const clean = lookAlikes();
  assert.ok(clean.length >= 100);
  for (const v of clean) assert.deepEqual(findPersonalData(v), [], v);
  assert.deepEqual(findPersonalData(clean.join(' | ')), [], 'nor when they stand side by side');
});

test('old 15-digit IDs need a real birth date and stand alone; 18-digit IDs need a real date too', () => {
  assert.equal(isOldResidentId('440113900307123'), true);
  assert.equal(isOldResidentId('440113900230123'), false, '30 February');
  assert.equal(isOldResidentId('990113900307123'), false, 'no such province');
  assert.deepEqual(findPersonalData('SO440113900307123'), [], 'inside an order code');
  assert.equal(isResidentId(plantedResidentId('44011319900230123')), false, '30 February');
  assert.equal(isResidentId(plantedResidentId('44011328900101123')), false, 'born in 2890');
});

test('mobile numbers: any grouping and country code, never a group cut out of a longer number', () => {
  assert.equal(isMobile('13812345678'), true);
  assert.equal(isMobile('008613812345678'), true);
  assert.equal(isMobile('12812345678'), false);
  assert.deepEqual(findPersonalData('2024 13812345678'), [{ kind: 'mobile', masked: '138******78', line: 1 }], 'after a separate number');
  assert.deepEqual(findPersonalData('213812345678'), [], 'twelve digits');
  assert.deepEqual(findPersonalData('13812345678.50'), [], 'an amount');
  assert.deepEqual(findPersonalData('电话13812345678。2024年到期').map((f) => f.kind), ['mobile'], 'an ideographic full stop is no decimal point');
  assert.deepEqual(findPersonalData('a94a8fe5ccb19ba61c4c0873d391e13812345678fbbd3e987982fbbd3'), [], 'inside a hash');
});

test('huge cells cost linear time: letters before an @, a hex blob full of digit runs, a long digit run', () => {
  const t0 = performance.now();
  assert.deepEqual(findPersonalData('a'.repeat(100_000) + '@'), []);
  assert.deepEqual(findPersonalData('0a1b2c3d4e5f6789'.repeat(10_000)), []);
  assert.deepEqual(findPersonalData('1 '.repeat(50_000)), []);
  const long = findPersonalData('x'.repeat(100_000) + ' 138 1234 5678 ' + '9'.repeat(100_000));
  assert.deepEqual(long.map((f) => f.kind), ['mobile']);
  // Quadratic work on these would take minutes; linear takes well under a second on an idle machine.
  assert.ok(performance.now() - t0 < 10_000, `${Math.round(performance.now() - t0)} ms`);
});
