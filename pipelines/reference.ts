// Loads the reference tables shipped under data/reference/ (HS, GB/T 4754, divisions, countries, partners,
// exchange rates) into ref_* tables. Each folder's SOURCE.md gives the origin and licence.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exec, lit, type Conn } from './lib/duck.ts';

export interface ReferenceTable {
  table: string;
  /** Path under data/reference/. */
  file: string;
  /** SELECT list over the CSV (read all as text) giving the table's columns. */
  select: string;
  /**
   * Published only for a cluster that lists this source kind (cluster.json "sourceKinds"): a table about one
   * source (KP's published world totals) means nothing to a cluster without it. It is always loaded.
   */
  onlyWithKind?: string;
}

/** The reference tables a cluster publishes (all of them when it lists no source kinds). */
export function publishedReferenceTables(sourceKinds: string[] | undefined): ReferenceTable[] {
  return REFERENCE_TABLES.filter((r) => !r.onlyWithKind || !sourceKinds || sourceKinds.includes(r.onlyWithKind));
}

export const REFERENCE_TABLES: ReferenceTable[] = [
  { table: 'ref_hs', file: 'hs/hs2022_chapter71.csv', select: 'hscode, level::INTEGER AS level, parent, description_en, name_zh' },
  {
    table: 'ref_hs_in_force',
    file: 'hs/hs_in_force.csv',
    select: 'hscode, nullif(in_force_from, \'\')::INTEGER AS in_force_from, nullif(in_force_to, \'\')::INTEGER AS in_force_to, note',
  },
  { table: 'ref_industry', file: 'industry/gbt4754_2017.csv', select: 'level::INTEGER AS level, level_name, section, division, "group", class, code, name, remark' },
  { table: 'ref_division', file: 'divisions/divisions_440113.csv', select: 'code, name, level, parent' },
  { table: 'ref_country', file: 'countries/iso3166_countries_en_zh.csv', select: 'alpha2, alpha3, numeric, name_en, name_zh' },
  { table: 'ref_country_alias', file: 'countries/country_aliases.csv', select: 'source_name, alpha3, source, note' },
  { table: 'ref_country_project', file: 'countries/country_names_project.csv', select: 'alpha3, name_en, name_zh, note' },
  { table: 'ref_customs_partner', file: 'customs-partners/china_customs_country_codes.csv', select: 'customs_code, name_zh, name_en_as_in_source AS name_en, iso_alpha3' },
  { table: 'ref_customs_partner_en', file: 'customs-partners/partner_names_en.csv', select: 'customs_code, name_en, note' },
  { table: 'ref_cny_usd', file: 'exchange-rates/cny_usd_annual.csv', select: 'year::INTEGER AS year, cny_per_usd::DOUBLE AS cny_per_usd' },
  {
    table: 'ref_kp_world_total',
    file: 'kimberley-totals/kp_world_production_annual.csv',
    onlyWithKind: 'kimberley',
    select: 'year::INTEGER AS year, carats::DOUBLE AS carats, carats_rounding::DOUBLE AS carats_rounding, value_usd::DOUBLE AS value_usd, value_rounding::DOUBLE AS value_rounding, as_published, source_url, difference_note_zh, difference_note_en',
  },
];

/**
 * Monthly average CNY per USD, used before the annual rate when present. Optional: no monthly table is shipped
 * (none published in a form we could cite was found), so the table is empty unless the file is added; it is not
 * published as a reference table of its own, the catalog says per table which basis each conversion used.
 */
export const MONTHLY_RATES_FILE = 'exchange-rates/cny_usd_monthly.csv';

/** Loads every table; `files` replaces a table's file (a cluster names the division table covering its district). */
export async function loadReferenceTables(conn: Conn, referenceDir: string, files: Partial<Record<string, string>> = {}): Promise<void> {
  const monthly = join(referenceDir, MONTHLY_RATES_FILE);
  await exec(
    conn,
    existsSync(monthly)
      ? `CREATE OR REPLACE TABLE ref_cny_usd_monthly AS SELECT year::INTEGER AS year, month::INTEGER AS month, cny_per_usd::DOUBLE AS cny_per_usd FROM read_csv(${lit(monthly)}, all_varchar = true, header = true, delim = ',', quote = '"')`
      : `CREATE OR REPLACE TABLE ref_cny_usd_monthly (year INTEGER, month INTEGER, cny_per_usd DOUBLE)`,
  );
  for (const r of REFERENCE_TABLES) {
    const path = join(referenceDir, files[r.table] ?? r.file);
    if (!existsSync(path)) throw new Error(`Reference file missing: ${path} (expected with data/reference/; see its SOURCE.md)`);
    await exec(
      conn,
      `CREATE OR REPLACE TABLE ${r.table} AS SELECT ${r.select} FROM read_csv(${lit(path)}, all_varchar = true, header = true, delim = ',', quote = '"')`,
    );
  }
}
