import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeQuery, encodeQuery } from '../../../src/lib/workbench/shareLink.ts';

test('a query survives the round trip, Chinese text and newlines included', async () => {
  const sql = `SELECT year, share_of_nation -- 比重\nFROM mart_trade_share\nWHERE group_id = 'diamonds'`;
  const hash = await encodeQuery(sql);
  assert.match(hash, /^q=[A-Za-z0-9_-]+$/, 'base64url, safe in a fragment');
  assert.equal(await decodeQuery(`#${hash}`), sql);
  assert.equal(await decodeQuery(hash), sql);
});

test('long queries are compressed', async () => {
  const sql = Array.from({ length: 50 }, (_, i) => `SELECT ${i} AS n FROM mart_trade_share`).join(' UNION ALL\n');
  assert.ok((await encodeQuery(sql)).length < sql.length / 3);
});

test('a damaged or foreign fragment gives null, not an exception', async () => {
  assert.equal(await decodeQuery(''), null);
  assert.equal(await decodeQuery('#district-share'), null);
  assert.equal(await decodeQuery('#q=%%%'), null);
  assert.equal(await decodeQuery('#q=AAAA'), null);
});
