// Landing → staging: loads adapters' landing CSVs into DuckDB, applies each kind's staging SQL and splits the
// rows into stg_<kind> (passed) and quarantine (with the rule), so that every input row ends up somewhere.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Adapter, Landed, QuarantineRow, SourceDeclaration, SourceKind } from './sources/types.ts';
import { all, exec, ident, lit, type Conn } from './lib/duck.ts';

export const MODELS_DIR = new URL('./models/', import.meta.url).pathname;

/** Runs pipelines/models/macros/*.sql (SQL macros the models share), in file-name order. */
export async function loadMacros(conn: Conn): Promise<void> {
  const dir = join(MODELS_DIR, 'macros');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.sql')).sort()) await exec(conn, readFileSync(join(dir, f), 'utf8'));
}

export async function createQuarantineTable(conn: Conn): Promise<void> {
  await exec(
    conn,
    `CREATE TABLE IF NOT EXISTS quarantine (source_id VARCHAR, kind VARCHAR, file VARCHAR, line INTEGER, "column" VARCHAR, rule VARCHAR, message VARCHAR, raw VARCHAR)`,
  );
}

export async function insertQuarantine(conn: Conn, kind: string, rows: QuarantineRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await exec(
      conn,
      `INSERT INTO quarantine VALUES ${chunk
        .map((q) => `(${[q.sourceId, kind, q.file, q.line, q.column, q.rule, q.message, q.raw].map((v) => lit(v as string | number | null)).join(', ')})`)
        .join(',\n')}`,
    );
  }
}

/** Creates landing_<kind> with the adapter's columns (all VARCHAR) plus the provenance columns. */
export async function createLandingTable(conn: Conn, adapter: Adapter): Promise<void> {
  const cols = ['_source_id', '_file', '_line', '_synthetic', ...adapter.landingColumns];
  await exec(conn, `CREATE OR REPLACE TABLE ${ident('landing_' + adapter.kind)} (${cols.map((c) => `${ident(c)} VARCHAR`).join(', ')})`);
}

let rejectSeq = 0;

/**
 * Reads one landing CSV into landing_<kind>. Rows DuckDB cannot parse (wrong column count, broken quotes)
 * go to quarantine as csv_malformed with the source line.
 */
export async function loadLanding(conn: Conn, adapter: Adapter, landed: Landed, decl: SourceDeclaration, relPath: string): Promise<void> {
  const table = ident('landing_' + adapter.kind);
  const names = landed.columns;
  const known = new Set(adapter.landingColumns);
  const rej = `rej_${++rejectSeq}`;
  const scan = `read_csv(${lit(landed.csvPath)}, header = true, skip = ${Math.max(0, landed.headerLines - 1)}, delim = ',', quote = '"', escape = '"',
      all_varchar = true, null_padding = false, strict_mode = true,
      store_rejects = true, rejects_table = ${lit(rej + '_errors')}, rejects_scan = ${lit(rej + '_scans')}, auto_detect = false,
      columns = {${names.map((n) => `${lit(n)}: 'VARCHAR'`).join(', ')}})`;
  const select = [
    `${lit(decl.id)} AS _source_id`,
    `${lit(relPath)} AS _file`,
    `_line`,
    `${lit(String(decl.synthetic))} AS _synthetic`,
    ...names.filter((n) => n !== '_line' && known.has(n) && !(n in landed.constants)).map((n) => ident(n)),
    ...Object.entries(landed.constants).filter(([k]) => known.has(k)).map(([k, v]) => `${lit(v)} AS ${ident(k)}`),
  ];
  await exec(conn, `INSERT INTO ${table} BY NAME SELECT ${select.join(', ')} FROM ${scan}`);
  const rejects = await all<{ line: number; csv_line: string; error_type: string; error_message: string }>(
    conn,
    `SELECT DISTINCT line, csv_line, error_type, error_message FROM ${rej}_errors ORDER BY line`,
  );
  await exec(conn, `DROP TABLE IF EXISTS ${rej}_errors; DROP TABLE IF EXISTS ${rej}_scans`);
  const q: QuarantineRow[] = [];
  const seen = new Set<number>();
  for (const r of rejects) {
    // The landing line starts with the source line number the adapter wrote.
    const m = /^"?(\d+)"?,/.exec(r.csv_line ?? '');
    const line = m ? Number(m[1]) : Number(r.line);
    if (seen.has(line)) continue;
    seen.add(line);
    q.push({
      sourceId: decl.id,
      file: relPath,
      line,
      column: null,
      rule: 'csv_malformed',
      message: `${r.error_type}: ${r.error_message}`,
      raw: (r.csv_line ?? '').replace(/^"?\d+"?,/, ''),
    });
  }
  if (landed.quarantined?.length) q.push(...landed.quarantined);
  await insertQuarantine(conn, adapter.kind, q);
}

export function stagingSql(kind: SourceKind): string {
  return readFileSync(join(MODELS_DIR, 'staging', `stg_${kind}.sql`), 'utf8');
}

/**
 * Runs stg_<kind>.sql over landing_<kind>: rows with a NULL _rule go to stg_<kind>, the rest to quarantine.
 * The raw text of a quarantined row is rebuilt from its landing cells.
 */
export async function runStaging(conn: Conn, adapter: Adapter): Promise<void> {
  const kind = adapter.kind;
  const sql = stagingSql(kind).trim().replace(/;\s*$/, '');
  await exec(conn, `CREATE OR REPLACE TEMP TABLE ${ident('stg_' + kind + '__all')} AS ${sql}`);
  // A model may rebuild a row's raw text itself (_raw), e.g. when one sheet row lands as several rows.
  const cols = await all<{ column_name: string }>(conn, `DESCRIBE ${ident('stg_' + kind + '__all')}`);
  const ownRaw = cols.some((c) => c.column_name === '_raw');
  const raw = ownRaw ? 's._raw' : `concat_ws(',', ${adapter.landingColumns.map((c) => `coalesce(l.${ident(c)}, '')`).join(', ')})`;
  const join = ownRaw ? '' : `LEFT JOIN ${ident('landing_' + kind)} l ON l._file = s._file AND l._line::INTEGER = s._line::INTEGER`;
  await exec(
    conn,
    `INSERT INTO quarantine SELECT s._source_id, ${lit(kind)}, s._file, s._line::INTEGER, s._column, s._rule, s._message, ${raw}
     FROM ${ident('stg_' + kind + '__all')} s ${join}
     WHERE s._rule IS NOT NULL`,
  );
  await exec(
    conn,
    `CREATE OR REPLACE TABLE ${ident('stg_' + kind)} AS SELECT * EXCLUDE (_rule, _column, _message${ownRaw ? ', _raw' : ''}) FROM ${ident('stg_' + kind + '__all')} WHERE _rule IS NULL`,
  );
  await exec(conn, `DROP TABLE ${ident('stg_' + kind + '__all')}`);
}
