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
    const cols = (
      await all<{ column_name: string }>(
        conn,
        `SELECT column_name FROM information_schema.columns WHERE table_name = ${lit(t)} AND table_schema = 'main' AND data_type = 'VARCHAR'`,
      )
    ).map((c) => c.column_name);
    if (!cols.length) continue;
    // One pass over the table: each text column's distinct values are gathered, and the regular expression runs
    // once per distinct value, not per row (text columns of big marts repeat a few codes millions of times).
    const [hits] = await all<Record<string, string[] | null>>(
      conn,
      `SELECT ${cols.map((c, i) => `list_filter(list(DISTINCT ${ident(c)}), v -> regexp_matches(v, ${lit(CANDIDATE)}))[1:1000] AS c${i}`).join(', ')} FROM ${ident(t)}`,
    );
    cols.forEach((c, i) => {
      for (const v of hits[`c${i}`] ?? []) for (const f of findPersonalData(v)) out.push({ table: t, column: c, kind: f.kind, masked: f.masked });
    });
  }
  return out;
}
