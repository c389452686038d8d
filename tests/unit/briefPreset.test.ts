import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presetOf } from '../../src/lib/briefSelection.ts';

test('the policy preset is read from the address, and nothing else counts as a preset', () => {
  assert.equal(presetOf('?ids=a,b&preset=policy'), 'policy');
  assert.equal(presetOf('?preset=policy'), 'policy');
  assert.equal(presetOf('?ids=a'), null);
  assert.equal(presetOf('?preset=other'), null);
});
