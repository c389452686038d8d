// Names the site shows in the reader's language, and the ones that found none. A mart row whose Chinese or English
// name is NULL keeps its figures (totals still add up), the site labels it as not recognised instead of showing
// the source's raw text, and the quality report lists the raw name here, under the rule `name_unmatched`, so the
// spelling can be added to data/reference/countries/country_aliases.csv (or the code to its reference table).
import { all, ident, type Conn } from './lib/duck.ts';

/** Rule id of an unmatched name in the quality report (stable: tests and translations use it). */
export const NAME_UNMATCHED = 'name_unmatched';

/** A published table naming something (country, partner, group, park) in both languages. */
export interface NamedColumns {
  table: string;
  /** Columns holding what the source wrote (its name, or its code), first non-NULL one listed in the report. */
  source: string[];
  zh: string;
  en: string;
}

/** Every mart with names the site shows. A new one belongs here, so its unmatched names are reported too. */
export const NAMED_COLUMNS: NamedColumns[] = [
  { table: 'mart_global_kp', source: ['country'], zh: 'country_name_zh', en: 'country_name_en' },
  { table: 'mart_global_trademap', source: ['reporter'], zh: 'reporter_name_zh', en: 'reporter_name_en' },
  { table: 'mart_mirror_trade', source: ['importer_iso3'], zh: 'importer_name_zh', en: 'importer_name_en' },
  { table: 'mart_mirror_trade', source: ['exporter_iso3'], zh: 'exporter_name_zh', en: 'exporter_name_en' },
  { table: 'mart_trade_partner_year', source: ['partner_code', 'partner_name_zh'], zh: 'partner_name_zh', en: 'partner_name_en' },
  { table: 'mart_trade_share', source: ['group_id'], zh: 'group_name_zh', en: 'group_name_en' },
  { table: 'mart_park_year', source: ['park_id'], zh: 'park_name_zh', en: 'park_name_en' },
  { table: 'mart_enterprises', source: ['park_id'], zh: 'park_name_zh', en: 'park_name_en' },
  { table: 'mart_firm_size_year', source: ['size_band'], zh: 'size_band_zh', en: 'size_band_en' },
];

export interface UnmatchedName {
  rule: typeof NAME_UNMATCHED;
  table: string;
  /** The column the raw name was read from. */
  column: string;
  /** The source's own text (or code), as written; shown only in the quality report. */
  name: string;
  /** Which language lacks a name: 'zh', 'en' or 'both'. */
  missing: 'zh' | 'en' | 'both';
  rows: number;
}

/** The SELECT listing one table's rows with a missing name, grouped by the raw name. */
export function unmatchedNamesSql(c: NamedColumns): string {
  const zh = ident(c.zh);
  const en = ident(c.en);
  const raw = c.source.length === 1 ? ident(c.source[0]) : `coalesce(${c.source.map(ident).join(', ')})`;
  const column = c.source.length === 1 ? `'${c.source[0]}'` : `CASE ${c.source.map((s) => `WHEN ${ident(s)} IS NOT NULL THEN '${s}'`).join(' ')} END`;
  return `SELECT ${column} AS "column", ${raw}::VARCHAR AS name,
  CASE WHEN ${zh} IS NULL AND ${en} IS NULL THEN 'both' WHEN ${zh} IS NULL THEN 'zh' ELSE 'en' END AS missing, count(*)::INTEGER AS rows
FROM ${ident(c.table)} WHERE ${zh} IS NULL OR ${en} IS NULL GROUP BY ALL ORDER BY name`;
}

/** Every unmatched name in the named marts that exist in the database (a table the build did not make is skipped). */
export async function findUnmatchedNames(conn: Conn, named: NamedColumns[] = NAMED_COLUMNS): Promise<UnmatchedName[]> {
  const present = new Set((await all<{ name: string }>(conn, `SELECT table_name AS name FROM information_schema.tables`)).map((r) => r.name));
  const out: UnmatchedName[] = [];
  for (const c of named) {
    if (!present.has(c.table)) continue;
    const rows = await all<{ column: string; name: string | null; missing: UnmatchedName['missing']; rows: number }>(conn, unmatchedNamesSql(c));
    for (const r of rows) out.push({ rule: NAME_UNMATCHED, table: c.table, column: r.column ?? c.source[0], name: r.name ?? '', missing: r.missing, rows: r.rows });
  }
  return out;
}
