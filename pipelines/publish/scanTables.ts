// Runs the personal-data gate over the text columns of tables about to be published. Numbers are not scanned:
// a trade value can have 11 digits without being a phone number.
import { all, ident, lit, type Conn } from '../lib/duck.ts';
import { findPersonalData, type PersonalDataKind } from './personalData.ts';

export interface TableFinding {
  table: string;
  column: string;
  kind: PersonalDataKind;
  masked: string;
}

// Cheap SQL prefilter; the exact checks (ID checksum) run in findPersonalData on the few candidates.
const CANDIDATE = `(\\d{17}[\\dXx])|(1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4})|(@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})`;

export async function scanPublishedTables(conn: Conn, tables: string[]): Promise<TableFinding[]> {
  const out: TableFinding[] = [];
  for (const t of tables) {
    const cols = await all<{ column_name: string }>(
      conn,
      `SELECT column_name FROM information_schema.columns WHERE table_name = ${lit(t)} AND table_schema = 'main' AND data_type = 'VARCHAR'`,
    );
    for (const { column_name: c } of cols) {
      // Distinct values first (materialised, so the filter is not pushed below it): text columns of big marts
      // repeat a few codes millions of times, and the regular expression then runs once per value, not per row.
      const hits = await all<{ v: string }>(
        conn,
        `WITH d AS MATERIALIZED (SELECT DISTINCT ${ident(c)} AS v FROM ${ident(t)}) SELECT v FROM d WHERE regexp_matches(v, ${lit(CANDIDATE)}) LIMIT 1000`,
      );
      for (const h of hits) for (const f of findPersonalData(h.v)) out.push({ table: t, column: c, kind: f.kind, masked: f.masked });
    }
  }
  return out;
}
