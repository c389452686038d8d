// How each column of a reader's own Parquet file becomes a DuckDB column. DuckDB-Wasm cannot read Parquet
// offline (its Parquet reader is an extension downloaded from the internet), so the file is decoded in JavaScript
// and inserted as Arrow; this plan says which Arrow vector to build from the decoded values and which DuckDB type
// the column ends up with, chosen to match what DuckDB's own read_parquet gives for the same file.
import type { SchemaElement } from 'hyparquet';

/**
 * The Arrow vector built for a column, by the JavaScript values hyparquet decodes it to.
 * - `bool`: booleans.
 * - `int32`: numbers that fit 32 bits (INT32, and the 8/16-bit and unsigned 8/16-bit integers stored in it).
 * - `int64`: bigints (INT64, and unsigned 32-bit integers, cast to UINTEGER afterwards).
 * - `uint64`: bigints of unsigned 64-bit integers (above 2^63 they do not fit a signed one).
 * - `float` / `double`: numbers.
 * - `decimal`: numbers (hyparquet turns decimals into doubles), cast to DECIMAL(p,s) afterwards.
 * - `string`: strings (UTF-8, enums, JSON text, UUIDs).
 * - `binary`: Uint8Array (byte arrays without a string annotation).
 * - `date`: days since 1970-01-01.
 * - `timestamp`: Date objects (millisecond precision: finer units are rounded).
 * - `text`: anything else (times, intervals, geometry), written as text so nothing is lost silently.
 */
export type ColumnKind = 'bool' | 'int32' | 'int64' | 'uint64' | 'float' | 'double' | 'decimal' | 'string' | 'binary' | 'date' | 'timestamp' | 'text';

export interface ParquetColumnPlan {
  name: string;
  kind: ColumnKind;
  /** The DuckDB type of the imported column. */
  sqlType: string;
}

/** The part of hyparquet's SchemaTree this module needs: a top-level field and whether it has children. */
export interface ParquetField {
  element: SchemaElement;
  children: unknown[];
}

/** A column this importer cannot represent; the message names it so the reader knows what to drop. */
export class UnsupportedParquetColumn extends Error {
  constructor(readonly column: string, readonly what: string) {
    super(`column "${column}" is ${what}, which the workbench cannot import yet`);
    this.name = 'UnsupportedParquetColumn';
  }
}

function integerType(bitWidth: number, signed: boolean): { kind: ColumnKind; sqlType: string } {
  const name = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' }[bitWidth] ?? 'BIGINT';
  const sqlType = signed ? name : `U${name}`;
  // Unsigned 32-bit values do not fit Int32; hyparquet decodes them as numbers, widened to bigint here.
  const kind: ColumnKind = bitWidth === 64 ? (signed ? 'int64' : 'uint64') : !signed && bitWidth === 32 ? 'int64' : 'int32';
  return { kind, sqlType };
}

const CONVERTED_INTEGERS: Record<string, [number, boolean]> = {
  INT_8: [8, true], INT_16: [16, true], INT_32: [32, true], INT_64: [64, true],
  UINT_8: [8, false], UINT_16: [16, false], UINT_32: [32, false], UINT_64: [64, false],
};

/** The plan for one top-level field. */
export function planColumn(field: ParquetField): ParquetColumnPlan {
  const e = field.element;
  const name = e.name;
  const logical = e.logical_type;
  const converted = e.converted_type;
  if (field.children.length > 0 || logical?.type === 'LIST' || logical?.type === 'MAP' || converted === 'LIST' || converted === 'MAP') {
    throw new UnsupportedParquetColumn(name, 'nested (a list, map or struct)');
  }
  if (e.repetition_type === 'REPEATED') throw new UnsupportedParquetColumn(name, 'repeated');
  const plan = (kind: ColumnKind, sqlType: string): ParquetColumnPlan => ({ name, kind, sqlType });

  if (logical?.type === 'DECIMAL' || converted === 'DECIMAL') {
    const precision = logical?.type === 'DECIMAL' ? logical.precision : e.precision ?? 18;
    const scale = logical?.type === 'DECIMAL' ? logical.scale : e.scale ?? 0;
    // DuckDB's widest decimal has 38 digits; it reads wider ones as DOUBLE too.
    return precision <= 38 ? plan('decimal', `DECIMAL(${precision},${scale})`) : plan('double', 'DOUBLE');
  }
  if (logical?.type === 'DATE' || converted === 'DATE') return plan('date', 'DATE');
  if (logical?.type === 'TIMESTAMP') return plan('timestamp', logical.isAdjustedToUTC ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP');
  if (converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS') return plan('timestamp', 'TIMESTAMP WITH TIME ZONE');
  if (e.type === 'INT96') return plan('timestamp', 'TIMESTAMP WITH TIME ZONE');
  if (logical?.type === 'INTEGER') return { name, ...integerType(logical.bitWidth, logical.isSigned) };
  if (converted && converted in CONVERTED_INTEGERS) return { name, ...integerType(...CONVERTED_INTEGERS[converted]) };
  if (logical?.type === 'STRING' || logical?.type === 'ENUM' || logical?.type === 'JSON' || converted === 'UTF8' || converted === 'ENUM' || converted === 'JSON') {
    // JSON stays VARCHAR: DuckDB's JSON type lives in an extension that cannot be downloaded offline.
    return plan('string', 'VARCHAR');
  }
  if (logical?.type === 'UUID') return plan('string', 'UUID');
  if (logical?.type === 'FLOAT16') return plan('float', 'FLOAT');
  if (logical || (converted && converted !== 'BSON')) return plan('text', 'VARCHAR');
  switch (e.type) {
    case 'BOOLEAN':
      return plan('bool', 'BOOLEAN');
    case 'INT32':
      return plan('int32', 'INTEGER');
    case 'INT64':
      return plan('int64', 'BIGINT');
    case 'FLOAT':
      return plan('float', 'FLOAT');
    case 'DOUBLE':
      return plan('double', 'DOUBLE');
    case 'BYTE_ARRAY':
    case 'FIXED_LEN_BYTE_ARRAY':
      return plan('binary', 'BLOB');
    default:
      throw new UnsupportedParquetColumn(name, `of Parquet type ${String(e.type)}`);
  }
}

export function planColumns(fields: ParquetField[]): ParquetColumnPlan[] {
  return fields.map(planColumn);
}
