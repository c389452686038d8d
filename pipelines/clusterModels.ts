// Fits the mart models and their documentation to the cluster being built, so nothing the cluster lacks is
// published and nothing it publishes is named after another cluster:
// - a mart that reads only source kinds the cluster does not list (cluster.json "sourceKinds") is not built, so
//   its table, checks and catalog entry are left out (a gold cluster has no Kimberley Process table);
// - the per-park trade of the cluster's total group is published as <totalGroup.slug>_trade_value_usd and labelled
//   from cluster.json (the SQL and schema.json use the placeholder name below);
// - a mart that reads a cfg_* table the cluster leaves empty (no "processingTrade" or "customsPlaces" block) is not
//   built either: its figures would name products or places the cluster does not have.
import type { ClusterConfig } from './config.ts';
import type { Schema } from './checks.ts';
import { modelDependencies } from './plan.ts';
import { optionalConfigTables } from './processingConfigTables.ts';

/** The column name the models and schema.json use for the total group's trade; renamed per cluster. */
export const TOTAL_GROUP_TRADE_COLUMN = 'total_group_trade_value_usd';

export function totalGroupTradeColumn(c: ClusterConfig): string {
  return `${c.totalGroup.slug}_trade_value_usd`;
}

/** The marts to build: those reading a listed kind (or no staged kind at all), and none reading a left-out mart. */
export function martsForCluster<M extends { name: string; sql: string }>(models: M[], c: ClusterConfig): M[] {
  const listed = new Set((c.sourceKinds ?? []).map((k) => `stg_${k}`));
  const dropped = new Set<string>();
  const unfilled = new Set(Object.entries(optionalConfigTables(c)).filter(([, filled]) => !filled).map(([t]) => t));
  const kept: M[] = [];
  for (const m of models) {
    const deps = modelDependencies(m.sql);
    const staged = deps.filter((d) => d.startsWith('stg_'));
    const orphan = (c.sourceKinds !== undefined && staged.length > 0 && !staged.some((d) => listed.has(d))) || deps.some((d) => dropped.has(d) || unfilled.has(d));
    if (orphan) dropped.add(m.name);
    else kept.push(m);
  }
  return kept.map((m) => ({ ...m, sql: m.sql.replaceAll(TOTAL_GROUP_TRADE_COLUMN, totalGroupTradeColumn(c)) }));
}

/** The schema of the marts built for the cluster, with the total group's column renamed and labelled. */
export function schemaForCluster(schema: Schema, built: { name: string }[], c: ClusterConfig): Schema {
  const names = new Set(built.map((m) => m.name));
  const tables: Schema['tables'] = {};
  for (const [name, doc] of Object.entries(schema.tables)) {
    if (!names.has(name)) continue;
    const placeholder = doc.columns?.[TOTAL_GROUP_TRADE_COLUMN];
    if (!placeholder) {
      tables[name] = doc;
      continue;
    }
    const columns = Object.fromEntries(
      Object.entries(doc.columns).map(([col, d]) =>
        col === TOTAL_GROUP_TRADE_COLUMN ? [totalGroupTradeColumn(c), { ...d, zh: `${c.totalGroup.tradeLabel.zh}额`, en: c.totalGroup.tradeLabel.en }] : [col, d],
      ),
    );
    tables[name] = { ...doc, columns };
  }
  return { ...schema, tables };
}
