// Exposes the cluster configuration to SQL as small cfg_* tables, so models join on config instead of
// hard-coding codes.
import type { ClusterConfig } from './config.ts';
import { exec, lit, type Conn } from './lib/duck.ts';
import { createProcessingConfigTables } from './processingConfigTables.ts';

function values(rows: (string | number | null)[][]): string {
  return rows.map((r) => `(${r.map((v) => lit(v)).join(', ')})`).join(',\n');
}

export async function createConfigTables(conn: Conn, c: ClusterConfig): Promise<void> {
  await exec(conn, `CREATE OR REPLACE TABLE cfg_hs_group (hs6 VARCHAR, group_id VARCHAR, group_order INTEGER, name_zh VARCHAR, name_en VARCHAR, in_total BOOLEAN, in_carats BOOLEAN)`);
  const hs = c.hsGroups.flatMap((g, i) => g.hs6.map((h) => [h, g.id, i, g.name.zh, g.name.en, c.totalGroup.groups.includes(g.id) ? 1 : 0, c.totalGroup.groups.includes(g.id) && c.totalGroup.carats ? 1 : 0]));
  await exec(conn, `INSERT INTO cfg_hs_group SELECT col0, col1, col2, col3, col4, col5::BOOLEAN, col6::BOOLEAN FROM (VALUES ${values(hs)})`);

  // Group labels for marts, including the cluster's total of its headline groups.
  await exec(conn, `CREATE OR REPLACE TABLE cfg_group_name (group_id VARCHAR, name_zh VARCHAR, name_en VARCHAR, group_order INTEGER)`);
  const groups = [[c.totalGroup.id, c.totalGroup.name.zh, c.totalGroup.name.en, 0], ...c.hsGroups.map((g, i) => [g.id, g.name.zh, g.name.en, i + 1])];
  await exec(conn, `INSERT INTO cfg_group_name VALUES ${values(groups)}`);

  await exec(conn, `CREATE OR REPLACE TABLE cfg_region (level VARCHAR, code VARCHAR, name_zh VARCHAR, name_en VARCHAR, place_prefix VARCHAR)`);
  const reg = c.regions.flatMap((r) =>
    (r.customsPlacePrefixes?.length ? r.customsPlacePrefixes : [null]).map((p) => [r.level, r.code, r.name.zh, r.name.en, p]),
  );
  await exec(conn, `INSERT INTO cfg_region VALUES ${values(reg)}`);

  await exec(conn, `CREATE OR REPLACE TABLE cfg_park (park_id VARCHAR, keyword VARCHAR, priority INTEGER, name_zh VARCHAR, name_en VARCHAR)`);
  const parks = c.parks.flatMap((p, i) => p.addressKeywords.map((k) => [p.id, k, i, p.name.zh, p.name.en]));
  await exec(conn, `INSERT INTO cfg_park VALUES ${values(parks)}`);
  await exec(conn, `CREATE OR REPLACE TABLE cfg_park_name (park_id VARCHAR, name_zh VARCHAR, name_en VARCHAR, park_order INTEGER)`);
  const parkNames = [...c.parks.map((p, i) => [p.id, p.name.zh, p.name.en, i]), [c.otherParkId, c.otherParkName.zh, c.otherParkName.en, c.parks.length]];
  await exec(conn, `INSERT INTO cfg_park_name VALUES ${values(parkNames)}`);

  await exec(conn, `CREATE OR REPLACE TABLE cfg_industry (code VARCHAR, role VARCHAR, name_zh VARCHAR, name_en VARCHAR)`);
  const ind = [...c.industries.core.map((x) => [x, 'core']), ...c.industries.related.map((x) => [x, 'related'])].map(([code, role]) => [
    code,
    role,
    c.industries.names[code]?.zh ?? null,
    c.industries.names[code]?.en ?? null,
  ]);
  await exec(conn, `INSERT INTO cfg_industry VALUES ${values(ind)}`);

  await exec(conn, `CREATE OR REPLACE TABLE cfg_trade_mode (name_zh VARCHAR, mode_class VARCHAR)`);
  const tm = [...c.tradeModes.processing.map((n) => [n, 'processing']), ...c.tradeModes.general.map((n) => [n, 'general'])];
  await exec(conn, `INSERT INTO cfg_trade_mode VALUES ${values(tm)}`);

  await exec(conn, `CREATE OR REPLACE TABLE cfg_band (kind VARCHAR, band_id VARCHAR, lo DOUBLE, hi DOUBLE, name_zh VARCHAR, name_en VARCHAR, band_order INTEGER)`);
  const bands = [
    ...c.firmSizeBands.map((b, i) => ['firm_size', b.id, b.min, b.max, b.name.zh, b.name.en, i]),
    ...c.capitalBandsWan.map((b, i) => ['capital_wan', b.id, b.min, b.max, b.name.zh, b.name.en, i]),
  ];
  await exec(conn, `INSERT INTO cfg_band VALUES ${values(bands)}`);

  // Processing and service firms (cluster.json firmKinds): one row per kind, its codes and its scope keywords.
  await exec(conn, `CREATE OR REPLACE TABLE cfg_firm_kind (kind_id VARCHAR, kind_group VARCHAR, name_zh VARCHAR, name_en VARCHAR, kind_order INTEGER)`);
  await exec(conn, `CREATE OR REPLACE TABLE cfg_firm_kind_code (kind_id VARCHAR, code VARCHAR)`);
  await exec(conn, `CREATE OR REPLACE TABLE cfg_firm_kind_keyword (kind_id VARCHAR, keyword VARCHAR)`);
  const kinds = c.firmKinds ? [{ id: 'processing', group: 'processing', ...c.firmKinds.processing }, ...c.firmKinds.services.map((s) => ({ ...s, group: 'service' }))] : [];
  if (kinds.length) {
    await exec(conn, `INSERT INTO cfg_firm_kind VALUES ${values(kinds.map((k, i) => [k.id, k.group, k.name.zh, k.name.en, i]))}`);
    const codes = kinds.flatMap((k) => k.industryCodes.map((x) => [k.id, x]));
    if (codes.length) await exec(conn, `INSERT INTO cfg_firm_kind_code VALUES ${values(codes)}`);
    await exec(conn, `INSERT INTO cfg_firm_kind_keyword VALUES ${values(kinds.flatMap((k) => k.scopeKeywords.map((w) => [k.id, w])))}`);
  }

  await exec(conn, `CREATE OR REPLACE TABLE cfg_cluster (id VARCHAR, reference_year INTEGER, first_year INTEGER, district_code VARCHAR, other_park_id VARCHAR, total_group_id VARCHAR)`);
  const d = c.regions.find((r) => r.level === 'district')!;
  await exec(conn, `INSERT INTO cfg_cluster VALUES (${lit(c.id)}, ${c.referenceYear}, ${c.firstYear}, ${lit(d.code)}, ${lit(c.otherParkId)}, ${lit(c.totalGroup.id)})`);
  await createProcessingConfigTables(conn, c);
}
