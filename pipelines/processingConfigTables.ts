// The cluster's cutting chains, rival partner and named customs places as cfg_* tables for the processing-trade
// and peer-place marts. Always created (empty for a cluster without the blocks), so a model binds the same way
// for every cluster; clusterModels.ts leaves out the marts whose table is empty.
import type { ClusterConfig } from './config.ts';
import { exec, lit, type Conn } from './lib/duck.ts';

/** The cfg_* tables these blocks fill, with whether the cluster fills each one. */
export function optionalConfigTables(c: ClusterConfig): Record<string, boolean> {
  return {
    cfg_processing_chain: (c.processingTrade?.chains.length ?? 0) > 0,
    cfg_customs_place: (c.customsPlaces?.places.length ?? 0) > 0,
  };
}

const row = (v: (string | number | boolean | null)[]) => `(${v.map((x) => (typeof x === 'boolean' ? String(x) : lit(x))).join(', ')})`;

export async function createProcessingConfigTables(conn: Conn, c: ClusterConfig): Promise<void> {
  const pt = c.processingTrade;
  await exec(conn, `CREATE OR REPLACE TABLE cfg_processing_chain (chain_id VARCHAR, chain_order INTEGER, name_zh VARCHAR, name_en VARCHAR, rough_group VARCHAR, polished_group VARCHAR, is_focus BOOLEAN)`);
  const chains = (pt?.chains ?? []).map((ch, i) => row([ch.id, i, ch.name.zh, ch.name.en, ch.rough, ch.polished, ch.id === pt!.focusChain]));
  if (chains.length) await exec(conn, `INSERT INTO cfg_processing_chain VALUES ${chains.join(', ')}`);
  await exec(conn, `CREATE OR REPLACE TABLE cfg_rival_partner (partner_code VARCHAR, name_zh VARCHAR, name_en VARCHAR)`);
  const r = pt?.rivalPartner;
  if (r) await exec(conn, `INSERT INTO cfg_rival_partner VALUES ${row([r.code, r.name.zh, r.name.en])}`);
  await exec(conn, `CREATE OR REPLACE TABLE cfg_customs_place (place_code VARCHAR, name_zh VARCHAR, name_en VARCHAR, is_district BOOLEAN)`);
  const places = (c.customsPlaces?.places ?? []).map((p) => row([p.code, p.name.zh, p.name.en, p.district === true]));
  if (places.length) await exec(conn, `INSERT INTO cfg_customs_place VALUES ${places.join(', ')}`);
}
