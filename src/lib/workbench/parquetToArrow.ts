// Decodes a Parquet file in JavaScript (hyparquet, with hyparquet-compressors for ZSTD, gzip, Brotli and LZ4,
// the codecs our own published files and most others use) into an Arrow table that DuckDB-Wasm can insert.
// Runs wherever the bytes are: in the browser for a dropped file, in Node for tests. Nothing is uploaded.
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { Table, type Vector } from 'apache-arrow';
import { arrowColumn } from './arrowColumn.ts';
import { planColumns, type ParquetColumnPlan } from './parquetColumns.ts';
import type { ImportedTable } from './importedTable.ts';

/** A file that is not Parquet, or is damaged; the message says which file and what the reader found. */
export class ParquetReadError extends Error {
  constructor(readonly fileName: string, cause: unknown) {
    super(`${fileName}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ParquetReadError';
  }
}

export type DecodedParquet = ImportedTable;

/** Decodes `bytes` (a whole Parquet file) into an Arrow table and the plan of its columns. */
export async function parquetToArrow(fileName: string, bytes: ArrayBuffer): Promise<DecodedParquet> {
  let columns: ParquetColumnPlan[];
  let rows: unknown[][] = [];
  try {
    const metadata = parquetMetadata(bytes);
    columns = planColumns(parquetSchema(metadata).children);
    await parquetRead({
      file: bytes,
      metadata,
      compressors,
      rowFormat: 'array',
      // Raw days and JSON text: the plan decides the types, not hyparquet's JavaScript conveniences.
      parsers: { dateFromDays: (days: number) => days, jsonFromBytes: (b: Uint8Array) => new TextDecoder().decode(b) },
      utf8: false,
      onComplete: (r: unknown[][]) => {
        rows = r;
      },
    });
  } catch (e) {
    throw new ParquetReadError(fileName, e);
  }
  const vectors: Record<string, Vector> = {};
  columns.forEach((c, j) => {
    vectors[c.name] = arrowColumn(c.kind, rows.map((row) => row[j]));
  });
  return { table: new Table(vectors), columns, rows: rows.length };
}
