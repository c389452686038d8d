import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allIndicators, routeOfIndicator } from '../../src/lib/indicators.ts';
import { loadSchema } from '../../pipelines/checks.ts';
import { loadClusterConfig } from '../../pipelines/config.ts';
import { listMartModels } from '../../pipelines/marts.ts';
import { martsForCluster, schemaForCluster } from '../../pipelines/clusterModels.ts';

// The registry must stay in step with the published tables: every table and column it names is documented in
// pipelines/models/schema.json (which also feeds the catalog), as the pipeline fits it to the default cluster.
const config = loadClusterConfig('data/cluster.json');
const schema = schemaForCluster(loadSchema(), martsForCluster(listMartModels(), config), config).tables as Record<string, { columns: Record<string, unknown> }>;

test('indicator ids are unique and usable as anchors and file names', () => {
  const ids = allIndicators().map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z][a-z0-9_-]*$/);
});

test('every table and column an indicator reads is documented in schema.json', () => {
  for (const d of allIndicators()) {
    const t = schema[d.table];
    assert.ok(t, `${d.id}: unknown table ${d.table}`);
    const cols = [
      d.x ?? 'year',
      ...(typeof d.y === 'string' ? [d.y] : d.y.map((m) => m.column)),
      ...Object.keys(d.filter ?? {}),
      ...(d.series ? [d.series.column, ...(d.series.labelColumns ? [d.series.labelColumns.zh, d.series.labelColumns.en] : [])] : []),
    ];
    for (const c of cols) assert.ok(c in t.columns, `${d.id}: ${d.table}.${c} is not documented`);
  }
});

test('titles and subjects exist in both languages; each indicator has a page', () => {
  for (const d of allIndicators()) {
    for (const text of [d.title, d.subject]) assert.ok(text.zh && text.en, d.id);
    assert.equal(typeof routeOfIndicator(d), 'string');
  }
});
