// 登记状态 text → the states the dashboard counts (pipelines/lib/registryStatus.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseRegistryStatus, type RegistryStatus } from '../../../pipelines/lib/registryStatus.ts';

const CASES: [text: string, status: RegistryStatus | null][] = [
  ['存续', 'active'],
  ['存续（在营、开业、在册）', 'active'],
  ['在营（开业）企业', 'active'],
  ['开业', 'active'],
  ['在册', 'active'],
  ['在业', 'active'],
  [' 在业 ', 'active'],
  ['吊销', 'revoked'],
  ['吊销，未注销', 'revoked'],
  ['吊销,未注销', 'revoked'],
  ['吊销企业', 'revoked'],
  ['注销', 'deregistered'],
  ['已注销', 'deregistered'],
  ['吊销，已注销', 'deregistered'],
  ['注销企业', 'deregistered'],
  ['迁出', 'moved_out'],
  ['已迁出', 'moved_out'],
  ['撤销', 'other'],
  ['停业', 'other'],
  ['清算', 'other'],
  ['存续（清算中）', 'other'],
  ['正常', null],
  ['迁入', null],
  ['未注销', null],
  ['active', null],
  ['', null],
];

test('status words map to active / revoked / deregistered / moved_out / other, anything else to null', () => {
  for (const [text, status] of CASES) assert.equal(normaliseRegistryStatus(text), status, text);
  assert.equal(normaliseRegistryStatus(null), null);
  assert.equal(normaliseRegistryStatus(undefined), null);
});
