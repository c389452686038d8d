import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referencedTables, sourcesOfTable } from '../../src/lib/lineage.ts';
import type { Catalog, Quality } from '../../src/lib/catalog.ts';

test('mart and staging references, comments ignored', () => {
  const sql = `-- built from mart_old\nSELECT * FROM mart_trade_monthly m JOIN stg_registry r ON true UNION SELECT * FROM mart_self`;
  assert.deepEqual(referencedTables(sql, 'mart_self'), { marts: ['mart_trade_monthly'], kinds: ['registry'] });
});

test('sources traced through marts and staging kinds', () => {
  const catalog = {
    sources: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    tables: [{ name: 'mart_trade_monthly', sources: ['a'] }, { name: 'mart_trade_share', sources: [] }],
  } as unknown as Catalog;
  const quality = { files: [{ sourceId: 'c', kind: 'enterprise_customs' }, { sourceId: 'b', kind: 'registry' }] } as unknown as Quality;
  const sql = {
    mart_trade_monthly: 'SELECT * FROM stg_customs_stats UNION ALL SELECT * FROM stg_enterprise_customs',
    mart_trade_share: 'SELECT * FROM mart_trade_monthly',
  };
  assert.deepEqual(sourcesOfTable('mart_trade_share', sql, catalog, quality), ['a', 'c']);
});
