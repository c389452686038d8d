// Landing → staging: loads adapters' landing CSVs into DuckDB, applies each kind's staging SQL and splits the
// rows into stg_<kind> (passed) and quarantine (with the rule), so that every input row ends up somewhere.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StructuralError, type Adapter, type InputTable, type LandContext, type Landed, type QuarantineRow, type SourceDeclaration, type SourceKind } from './sources/types.ts';
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

/**
 * landing_<kind> is a view over the rows landed line by line (landing_<kind>__rows, all VARCHAR) and one table per
 * file DuckDB parsed directly, so a multi-million-row extract is never copied after DuckDB has read it.
 */
export async function createLandingTable(conn: Conn, adapter: Adapter): Promise<void> {
  const cols = ['_source_id', '_file', '_line', '_synthetic', '_as_of', ...adapter.landingColumns];
  await dropLanding(conn, adapter.kind);
  await exec(conn, `CREATE TABLE ${ident(`landing_${adapter.kind}__rows`)} (${cols.map((c) => `${ident(c)} VARCHAR`).join(', ')})`);
  await exec(conn, `CREATE TABLE IF NOT EXISTS landing_parts (kind VARCHAR, part_table VARCHAR, select_sql VARCHAR)`);
  await refreshLandingView(conn, adapter.kind);
}

async function refreshLandingView(conn: Conn, kind: string): Promise<void> {
  const parts = await all<{ select_sql: string }>(conn, `SELECT select_sql FROM landing_parts WHERE kind = ${lit(kind)} ORDER BY part_table`);
  const union = [`SELECT * FROM ${ident(`landing_${kind}__rows`)}`, ...parts.map((p) => p.select_sql)].join('\nUNION ALL BY NAME\n');
  await exec(conn, `CREATE OR REPLACE VIEW ${ident('landing_' + kind)} AS ${union}`);
}

/** Drops landing_<kind> and everything under it. */
export async function dropLanding(conn: Conn, kind: string): Promise<void> {
  await exec(conn, `DROP VIEW IF EXISTS ${ident('landing_' + kind)}`);
  await exec(conn, `DROP TABLE IF EXISTS ${ident(`landing_${kind}__rows`)}`);
  const hasParts = (await all(conn, `SELECT 1 FROM information_schema.tables WHERE table_name = 'landing_parts'`)).length > 0;
  if (!hasParts) return;
  for (const p of await all<{ part_table: string }>(conn, `SELECT part_table FROM landing_parts WHERE kind = ${lit(kind)}`)) {
    await exec(conn, `DROP TABLE IF EXISTS ${ident(p.part_table)}`);
  }
  await exec(conn, `DELETE FROM landing_parts WHERE kind = ${lit(kind)}`);
}

// Numbers the temporary tables of each load (rejects tables, directly parsed parts), unique within a process.
let landingSeq = 0;

function csvOptions(columns: string[], headerLines: number): string {
  return `header = true, skip = ${Math.max(0, headerLines - 1)}, delim = ',', quote = '"', escape = '"', all_varchar = true, null_padding = false,
      strict_mode = true, auto_detect = false, columns = {${columns.map((n) => `${lit(n)}: 'VARCHAR'`).join(', ')}}`;
}

/** The provenance columns and canonical columns of one landed file, as a SELECT list. */
function landingSelect(adapter: Adapter, landed: Landed, decl: SourceDeclaration, relPath: string, line: string): string[] {
  const known = new Set(adapter.landingColumns);
  return [
    `${lit(decl.id)} AS _source_id`,
    `${lit(relPath)} AS _file`,
    `${line} AS _line`,
    `${lit(String(decl.synthetic))} AS _synthetic`,
    // The staging rules refuse dates after it (NULL: the day of the build).
    `${lit(decl.asOf ?? null)} AS _as_of`,
    ...landed.columns.filter((n) => n !== '_line' && known.has(n) && !(n in landed.constants)).map((n) => ident(n)),
    ...Object.entries(landed.constants).filter(([k]) => known.has(k)).map(([k, v]) => `${lit(v)} AS ${ident(k)}`),
  ];
}

/**
 * Loads a file the adapter handed over for DuckDB to parse directly. Returns false, leaving nothing behind, when
 * DuckDB's reading does not match a line-by-line one: a parse error (unclosed quote, wrong cell count, bad
 * UTF-8), a record count different from the line count (a quoted newline), a quote left inside a cell (DuckDB
 * keeps a quote in the middle of a cell that line-by-line parsing rejects), or what may be the header repeated.
 */
async function loadDirect(conn: Conn, adapter: Adapter, landed: Landed, decl: SourceDeclaration, relPath: string): Promise<boolean> {
  const part = `landing_${adapter.kind}__d${++landingSeq}`;
  const used = landed.columns.filter((c) => c !== '_line');
  // DuckDB parses on its own threads while Node counts the file's lines here.
  const load = exec(conn, `CREATE TABLE ${ident(part)} AS SELECT ${used.map(ident).join(', ')} FROM read_csv(${lit(landed.csvPath)}, ${csvOptions(landed.direct!.fileColumns, landed.headerLines)})`).then(
    () => true,
    () => false,
  );
  const { lines, blankLines } = landed.direct!.countLines();
  landed.rowsIn = lines - landed.headerLines;
  if (!(await load)) return false;
  const quoteLeft = used.length ? used.map((c) => `contains(${ident(c)}, '"')`).join(' OR ') : 'FALSE';
  // A row holding a used column's header label may repeat the header, which the line reader quarantines by name.
  const label = used.length ? landed.direct!.labels[landed.direct!.fileColumns.indexOf(used[0])] : '';
  const headerAgain = label ? `contains(${ident(used[0])}, ${lit(label)})` : 'FALSE';
  const [{ n, q, h }] = await all<{ n: number; q: number; h: number }>(
    conn,
    `SELECT count(*) AS n, count(*) FILTER (WHERE ${quoteLeft}) AS q, count(*) FILTER (WHERE ${headerAgain}) AS h FROM ${ident(part)}`,
  );
  // A blank line is skipped by DuckDB, which would shift every later line number.
  if (blankLines > 0 || Number(n) !== landed.rowsIn || Number(q) > 0 || Number(h) > 0) {
    await exec(conn, `DROP TABLE ${ident(part)}`);
    return false;
  }
  // Insertion order is file order (DuckDB preserves it), so rowid 0 is the line after the header.
  const select = `SELECT ${landingSelect(adapter, landed, decl, relPath, `(rowid + ${landed.headerLines + 1})::VARCHAR`).join(', ')} FROM ${ident(part)}`;
  await exec(conn, `INSERT INTO landing_parts VALUES (${lit(adapter.kind)}, ${lit(part)}, ${lit(select)})`);
  await refreshLandingView(conn, adapter.kind);
  return true;
}

/**
 * Reads one landed file into landing_<kind>. Rows DuckDB cannot parse (wrong column count, broken quotes) go to
 * quarantine as csv_malformed with the source line. Returns false when a file handed over for direct parsing must
 * be landed line by line instead (nothing was loaded).
 */
export async function loadLanding(conn: Conn, adapter: Adapter, landed: Landed, decl: SourceDeclaration, relPath: string): Promise<boolean> {
  if (landed.direct) return loadDirect(conn, adapter, landed, decl, relPath);
  const table = ident(`landing_${adapter.kind}__rows`);
  const rej = `rej_${++landingSeq}`;
  const scan = `read_csv(${lit(landed.csvPath)}, ${csvOptions(landed.columns, landed.headerLines)},
      store_rejects = true, rejects_table = ${lit(rej + '_errors')}, rejects_scan = ${lit(rej + '_scans')})`;
  await exec(conn, `INSERT INTO ${table} BY NAME SELECT ${landingSelect(adapter, landed, decl, relPath, '_line').join(', ')} FROM ${scan}`);
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
  return true;
}

/**
 * Lands one table of an input file and loads it into landing_<kind>: directly parsed by DuckDB when the adapter
 * offers that and DuckDB's reading matches a line-by-line one, line by line otherwise. Landing files written under
 * the work folder are removed once loaded.
 */
export async function landTable(
  conn: Conn,
  adapter: Adapter,
  table: InputTable,
  ctx: LandContext,
): Promise<{ landed: Landed; direct: boolean }> {
  const cleanUp = (l: Landed) => {
    if (l.csvPath.startsWith(ctx.workDir)) rmSync(l.csvPath, { force: true });
  };
  let landed = await adapter.land(table, ctx);
  let direct = !!landed.direct;
  if (!(await loadLanding(conn, adapter, landed, ctx.declaration, table.relPath))) {
    cleanUp(landed);
    landed = await adapter.land(table, { ...ctx, direct: false });
    direct = false;
    await loadLanding(conn, adapter, landed, ctx.declaration, table.relPath);
  }
  cleanUp(landed);
  if (landed.rowsIn === 0) throw noDataRows(table, adapter);
  return { landed, direct };
}

/**
 * A table recognised by its header but holding no data row below it: a header-only export, or rows the reader
 * could not tell apart. Loading it as zero rows would pass reconciliation (0 in, 0 out) and lose the file silently.
 */
function noDataRows(table: InputTable, adapter: Adapter): StructuralError {
  const where = table.format === 'xlsx' ? 'sheet' : 'file';
  return new StructuralError(
    table.relPath,
    `no data rows below the header (row ${table.headerLine}): expected one row per record of ${adapter.label.en} (${adapter.label.zh}); the ${where} holds only its header, or its rows are not separated by line breaks`,
  );
}

export function stagingSql(kind: SourceKind): string {
  return readFileSync(join(MODELS_DIR, 'staging', `stg_${kind}.sql`), 'utf8');
}

/**
 * Optional statements run on stg_<kind>__all once the model's rows are stored (stg_<kind>.post.sql): rules over
 * the whole table, such as duplicates, that are cheaper on the stored table than inside the model.
 */
export function stagingPostSql(kind: SourceKind): string | null {
  const p = join(MODELS_DIR, 'staging', `stg_${kind}.post.sql`);
  return existsSync(p) ? readFileSync(p, 'utf8') : null;
}

/**
 * Runs stg_<kind>.sql over landing_<kind> into stg_<kind>__all; stg_<kind> is the view of its rows with a NULL
 * _rule (a view, so that a multi-million-row extract is not copied again), the rest go to quarantine. The raw
 * text of a quarantined row is rebuilt from its landing cells.
 */
export async function runStaging(conn: Conn, adapter: Adapter): Promise<void> {
  const kind = adapter.kind;
  const sql = stagingSql(kind).trim().replace(/;\s*$/, '');
  const allRows = ident('stg_' + kind + '__all');
  await exec(conn, `DROP VIEW IF EXISTS ${ident('stg_' + kind)}`);
  await exec(conn, `CREATE OR REPLACE TABLE ${allRows} AS ${sql}`);
  const post = stagingPostSql(kind);
  if (post) await exec(conn, post);
  // Columns a model computes only for its post step (_post_*, e.g. a key's hash) are dropped once it has run.
  for (const { column_name } of await all<{ column_name: string }>(conn, `DESCRIBE ${allRows}`)) {
    if (column_name.startsWith('_post_')) await exec(conn, `ALTER TABLE ${allRows} DROP COLUMN ${ident(column_name)}`);
  }
  // A model may rebuild a row's raw text itself (_raw), e.g. when one sheet row lands as several rows.
  const cols = await all<{ column_name: string }>(conn, `DESCRIBE ${allRows}`);
  const ownRaw = cols.some((c) => c.column_name === '_raw');
  const files = (await all<{ f: string }>(conn, `SELECT DISTINCT _file AS f FROM ${allRows} WHERE _rule IS NOT NULL ORDER BY 1`)).map((r) => r.f);
  if (files.length > 0) {
    const raw = ownRaw ? 's._raw' : `concat_ws(',', ${adapter.landingColumns.map((c) => `coalesce(l.${ident(c)}, '')`).join(', ')})`;
    // The files are written out as literals so that DuckDB skips, at planning time, the landing of every file
    // without a quarantined row (a directly parsed multi-million-row extract, typically).
    const landing = `(SELECT * FROM ${ident('landing_' + kind)} WHERE _file IN (${files.map(lit).join(', ')}))`;
    const join = ownRaw ? '' : `LEFT JOIN ${landing} l ON l._file = s._file AND l._line::INTEGER = s._line::INTEGER`;
    await exec(
      conn,
      `INSERT INTO quarantine SELECT s._source_id, ${lit(kind)}, s._file, s._line::INTEGER, s._column, s._rule, s._message, ${raw}
       FROM ${allRows} s ${join}
       WHERE s._rule IS NOT NULL`,
    );
  }
  await createStagedView(conn, kind, ownRaw);
}

/** stg_<kind>: the rows of stg_<kind>__all that passed every rule, without the rule bookkeeping. */
async function createStagedView(conn: Conn, kind: SourceKind, ownRaw: boolean): Promise<void> {
  await exec(
    conn,
    `CREATE OR REPLACE VIEW ${ident('stg_' + kind)} AS SELECT * EXCLUDE (_rule, _column, _message${ownRaw ? ', _raw' : ''}) FROM ${ident('stg_' + kind + '__all')} WHERE _rule IS NULL`,
  );
}

/**
 * Drops from a staged kind's stored rows the columns outside `keep` (its marts never read them), freeing their
 * memory before the marts run: on a multi-million-row extract the audit columns (raw quantities and units, names)
 * are a third of the staged data, and memory the marts' aggregates then need instead of spilling. DuckDB drops a
 * column without copying the table. The bookkeeping columns the view hides stay.
 */
export async function dropUnreadColumns(conn: Conn, kind: SourceKind, keep: string[]): Promise<void> {
  const allRows = ident('stg_' + kind + '__all');
  const kept = new Set([...keep, '_rule', '_column', '_message', '_raw']);
  const cols = (await all<{ column_name: string }>(conn, `DESCRIBE ${allRows}`)).map((c) => c.column_name);
  const drop = cols.filter((c) => !kept.has(c));
  if (drop.length === 0) return;
  for (const c of drop) await exec(conn, `ALTER TABLE ${allRows} DROP COLUMN ${ident(c)}`);
  await createStagedView(conn, kind, cols.includes('_raw'));
}
