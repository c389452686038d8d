// The in-browser Parquet import, run in Node: files written by DuckDB (the published tables, and one with every
// supported type, nulls and Chinese text, under several codecs) decode to the same types and values that
// DuckDB's own read_parquet gives for the same file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parquetToArrow, ParquetReadError } from '../../../src/lib/workbench/parquetToArrow.ts';

const TABLES = resolve(import.meta.dirname, '../../../public/data/tables');
let conn: DuckDBConnection;
let dir: string;

before(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  dir = mkdtempSync(join(tmpdir(), 'pq-'));
});
after(() => {
  conn?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

function bytesOf(path: string): ArrayBuffer {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

const lit = (p: string) => `'${p.replace(/'/g, "''")}'`;

/** DuckDB's column types for the file, normalised the way DuckDB spells them in DESCRIBE. */
async function duckTypes(path: string): Promise<string[]> {
  const r = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(path)})`);
  return r.getRowObjectsJS().map((row) => String(row.column_type));
}

/** A value as text, so DuckDB's and Arrow's representations of the same value compare equal. */
function norm(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  return String(v);
}

/** Rows as DuckDB reads them, every value cast to text by DuckDB itself except numbers and blobs. */
async function duckRows(path: string, types: string[], names: string[]): Promise<string[][]> {
  const cols = names.map((n, i) => {
    const q = `"${n.replace(/"/g, '""')}"`;
    if (types[i] === 'BLOB') return `hex(${q})`;
    if (types[i] === 'DATE') return `epoch_ms(${q}::TIMESTAMP)`;
    if (types[i].startsWith('TIMESTAMP')) return `epoch_ms(${q})`;
    if (/^(DECIMAL|FLOAT|DOUBLE)/.test(types[i])) return `${q}::DOUBLE`;
    return q;
  });
  const r = await conn.runAndReadAll(`SELECT ${cols.join(', ')} FROM read_parquet(${lit(path)})`);
  return r.getRowsJS().map((row) => row.map((v, i) => (types[i] === 'BLOB' && v !== null ? String(v).toLowerCase() : norm(v))));
}

/** Rows from the decoded Arrow table, in the same text form. */
function arrowRows(table: Awaited<ReturnType<typeof parquetToArrow>>['table'], kinds: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < table.numRows; i++) {
    out.push(
      table.schema.fields.map((f, j) => {
        const v = table.getChildAt(j)!.get(i);
        if (v === null) return 'null';
        if (kinds[j] === 'date' || kinds[j] === 'timestamp') return String(Number(v));
        return norm(v);
      }),
    );
  }
  return out;
}

async function checkAgainstDuckDB(path: string): Promise<void> {
  const decoded = await parquetToArrow(path, bytesOf(path));
  const types = await duckTypes(path);
  const names = decoded.columns.map((c) => c.name);
  assert.deepEqual(decoded.columns.map((c) => c.sqlType), types, `${path}: types`);
  const expected = await duckRows(path, types, names);
  assert.equal(decoded.rows, expected.length, `${path}: row count`);
  assert.deepEqual(arrowRows(decoded.table, decoded.columns.map((c) => c.kind)), expected, `${path}: values`);
}

test('every published Parquet table decodes to DuckDB’s own types and values', { skip: !existsSync(TABLES) && 'no published data (npm run pipeline)' }, async () => {
  const files = readdirSync(TABLES).filter((f) => f.endsWith('.parquet'));
  assert.ok(files.length > 0);
  for (const f of files) await checkAgainstDuckDB(join(TABLES, f));
});

test('every supported type, nulls and Chinese text, under each codec', async () => {
  const select = `SELECT i::INTEGER AS i, (i * 10000000000)::BIGINT AS big, (i % 100)::TINYINT AS tiny, (i + 5)::USMALLINT AS us,
      ((i + 5) * 3000000000)::UBIGINT AS ubig, (18446744073709551615 - (i + 5))::UBIGINT AS huge, (i / 7)::DECIMAL(12,3) AS dec, (i / 3)::FLOAT AS f, i / 3 AS d,
      CASE WHEN i % 3 = 0 THEN NULL ELSE '出口 ' || i END AS s, DATE '2020-01-31' + i::INTEGER AS day,
      TIMESTAMP '2021-06-01 12:34:56.789' + INTERVAL (i) HOUR AS ts, i % 2 = 0 AS b, ('\\xAA\\x0' || ((i + 10) % 10))::BLOB AS raw
    FROM range(-5, 3000) t(i)`;
  for (const codec of ['zstd', 'snappy', 'gzip', 'uncompressed']) {
    const path = join(dir, `types_${codec}.parquet`);
    await conn.run(`COPY (${select}) TO ${lit(path)} (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 1000)`);
    await checkAgainstDuckDB(path);
  }
});

test('a file that is not Parquet, or is cut short, gives an error naming the file', async () => {
  const path = join(dir, 'good.parquet');
  await conn.run(`COPY (SELECT range AS n, 'x' || range AS s FROM range(5000)) TO ${lit(path)} (FORMAT parquet, COMPRESSION zstd)`);
  const good = bytesOf(path);
  const cases: [string, ArrayBuffer][] = [
    ['notes.parquet', new TextEncoder().encode('year,value\n2020,1\n').buffer as ArrayBuffer],
    ['cut.parquet', good.slice(0, Math.floor(good.byteLength / 2))],
    ['empty.parquet', new ArrayBuffer(0)],
  ];
  for (const [name, bytes] of cases) {
    await assert.rejects(parquetToArrow(name, bytes), (e: unknown) => e instanceof ParquetReadError && e.message.startsWith(`${name}: `) && e.message.length > name.length + 3, name);
  }
});

test('a nested column is refused by name', async () => {
  const path = join(dir, 'nested.parquet');
  await conn.run(`COPY (SELECT 1 AS id, [1, 2] AS parts) TO ${lit(path)} (FORMAT parquet)`);
  await assert.rejects(parquetToArrow('nested.parquet', bytesOf(path)), /"parts" is nested/);
});
