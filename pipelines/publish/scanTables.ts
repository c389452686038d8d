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
      const hits = await all<{ v: string }>(conn, `SELECT DISTINCT ${ident(c)} AS v FROM ${ident(t)} WHERE regexp_matches(${ident(c)}, ${lit(CANDIDATE)}) LIMIT 1000`);
      for (const h of hits) for (const f of findPersonalData(h.v)) out.push({ table: t, column: c, kind: f.kind, masked: f.masked });
    }
  }
  return out;
}
