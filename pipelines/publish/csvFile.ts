// CSV for download: UTF-8 with a BOM (Excel and WPS read it correctly only then) and safe against formula
// injection (a text cell starting with = + - @ or a control character is prefixed with an apostrophe).
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { exec, ident, lit, type Conn } from '../lib/duck.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes one cell safe to open in a spreadsheet. */
export function formulaSafe(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** The SQL expression that applies formulaSafe to a text column. */
export function formulaSafeSql(column: string): string {
  // A first-character test, not a regular expression: this runs on every text cell of multi-million-row marts.
  return `CASE WHEN left(${ident(column)}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${ident(column)} ELSE ${ident(column)} END AS ${ident(column)}`;
}

export async function writeCsv(conn: Conn, table: string, columns: { name: string; type: string }[], order: string[], path: string): Promise<void> {
  const select = columns.map((c) => (c.type === 'VARCHAR' ? formulaSafeSql(c.name) : ident(c.name))).join(', ');
  const orderBy = order.length ? ` ORDER BY ${order.map(ident).join(', ')}` : '';
  const tmp = path + '.nobom';
  await exec(conn, `COPY (SELECT ${select} FROM ${ident(table)}${orderBy}) TO ${lit(tmp)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', DATEFORMAT '%Y-%m-%d')`);
  const out = createWriteStream(path);
  out.write('\uFEFF');
  await pipeline(createReadStream(tmp), out);
  rmSync(tmp);
}
