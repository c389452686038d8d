import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSchema } from '../../pipelines/checks.ts';
import { loadClusterConfig } from '../../pipelines/config.ts';
import { listMartModels } from '../../pipelines/marts.ts';
import { martsForCluster, schemaForCluster, TOTAL_GROUP_TRADE_COLUMN } from '../../pipelines/clusterModels.ts';

const models = listMartModels();
const schema = loadSchema();

test('no mart model or schema entry names a product: the total group comes from configuration', () => {
  // The Kimberley Process mart is the one source that is about diamonds by definition.
  for (const m of models.filter((x) => x.name !== 'mart_global_kp')) assert.doesNotMatch(m.sql, /diamond|'71\d\d'|钻石/i, m.file);
  assert.ok(schema.tables.mart_park_year.columns[TOTAL_GROUP_TRADE_COLUMN]);
});

test('the default cluster publishes what it always did: every mart, diamond_trade_value_usd labelled 钻石进出口额', () => {
  const c = loadClusterConfig('data/cluster.json');
  const built = martsForCluster(models, c);
  assert.deepEqual(built.map((m) => m.name), models.map((m) => m.name));
  const park = built.find((m) => m.name === 'mart_park_year')!;
  assert.match(park.sql, /AS diamond_trade_value_usd/);
  assert.doesNotMatch(park.sql, new RegExp(TOTAL_GROUP_TRADE_COLUMN));
  const cols = schemaForCluster(schema, built, c).tables.mart_park_year.columns;
  assert.deepEqual(cols.diamond_trade_value_usd, { zh: '钻石进出口额', en: 'Diamond trade', unit: 'USD' });
  assert.deepEqual(Object.keys(cols), Object.keys(schema.tables.mart_park_year.columns).map((k) => (k === TOTAL_GROUP_TRADE_COLUMN ? 'diamond_trade_value_usd' : k)), 'same column order');
});

// Marts that need cluster.json's "processingTrade" or "customsPlaces" block (cutting chains, named 注册地).
const PROCESSING_MARTS = ['mart_peer_places', 'mart_processing_trade', 'mart_processing_value_added', 'mart_rival_orders'];

test('a cluster without Kimberley Process or Comtrade data builds no KP or mirror mart, and its park trade column is its own', () => {
  const c = loadClusterConfig('data/clusters/shuibei-gold/cluster.json');
  const built = martsForCluster(models, c);
  // The KP mart and the marts built on it (half-years, conflicts, reconciliation), the Comtrade mirror, and the
  // processing-trade and peer-place marts its configuration has no blocks for are left out; nothing else is.
  assert.deepEqual(
    models.filter((m) => !built.some((b) => b.name === m.name)).map((m) => m.name).sort(),
    [...models.filter((m) => m.name.startsWith('mart_global_kp') || m.name === 'mart_mirror_trade').map((m) => m.name), ...PROCESSING_MARTS].sort(),
  );
  assert.ok(built.length > 0);
  const s = schemaForCluster(schema, built, c);
  assert.ok(!('mart_global_kp' in s.tables));
  assert.deepEqual(s.tables.mart_park_year.columns.gold_trade_value_usd, { zh: '黄金珠宝进出口额', en: 'Gold and jewelry trade', unit: 'USD' });
});

test('a mart reading a left-out mart is left out too', () => {
  const c = { ...loadClusterConfig('data/cluster.json'), sourceKinds: ['registry'] };
  const built = martsForCluster(
    [
      { name: 'mart_a', sql: 'SELECT * FROM stg_kimberley' },
      { name: 'mart_b', sql: 'SELECT * FROM mart_a JOIN cfg_cluster ON true' },
      { name: 'mart_c', sql: 'SELECT * FROM stg_registry' },
      { name: 'mart_d', sql: 'SELECT * FROM cfg_cluster' },
    ],
    c,
  );
  assert.deepEqual(built.map((m) => m.name), ['mart_c', 'mart_d']);
});

test('the processing-trade marts need their configuration blocks: without them they are left out, one by one', () => {
  const full = loadClusterConfig('data/cluster.json');
  const names = (c: typeof full) => martsForCluster(models, c).map((m) => m.name).filter((n) => PROCESSING_MARTS.includes(n)).sort();
  assert.deepEqual(names(full), PROCESSING_MARTS);
  assert.deepEqual(names({ ...full, processingTrade: undefined }), ['mart_peer_places']);
  assert.deepEqual(names({ ...full, customsPlaces: undefined }), ['mart_processing_trade', 'mart_processing_value_added', 'mart_rival_orders']);
  assert.deepEqual(names({ ...full, processingTrade: { ...full.processingTrade!, chains: [] }, customsPlaces: { places: [] } }), []);
});
