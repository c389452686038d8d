import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPersonalData, isResidentId } from '../../../pipelines/publish/personalData.ts';
import { plantedResidentId } from '../../helpers/plantedId.ts';

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
