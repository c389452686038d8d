import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { listClusters, locateCluster, UnknownClusterError } from '../../pipelines/activeCluster.ts';

test('no CLUSTER (or "default") is the default cluster in data/', () => {
  for (const name of [undefined, '', 'default']) {
    const c = locateCluster(name);
    assert.equal(c.id, 'default');
    assert.equal(c.configPath, join('data', 'cluster.json'));
    assert.equal(c.rawDir, join('data', 'raw'));
    assert.equal(c.sampleProfilePath, join('data', 'sample-profile.json'));
    assert.equal(c.referenceDir, join('data', 'reference'));
  }
});

test('CLUSTER=<id> is data/clusters/<id>/, which ships the Shuibei gold cluster', () => {
  assert.ok(listClusters().includes('shuibei-gold'));
  const c = locateCluster('shuibei-gold');
  assert.equal(c.configPath, join('data', 'clusters', 'shuibei-gold', 'cluster.json'));
  assert.equal(c.rawDir, join('data', 'clusters', 'shuibei-gold', 'raw'));
  assert.equal(c.referenceDir, join('data', 'reference'), 'code tables are shared');
});

test('an unknown or malformed cluster name is refused with the folders that exist', () => {
  assert.throws(() => locateCluster('nowhere'), (e: Error) => e instanceof UnknownClusterError && /nowhere.*does not exist.*shuibei-gold/.test(e.message));
  assert.throws(() => locateCluster('../etc'), UnknownClusterError);
});
