// One Arrow vector from one column of decoded Parquet values, built from typed arrays directly. Arrow's own
// builders (vectorFromArray, makeBuilder with nullValues) compile their null test with `new Function`, which the
// workbench's Content-Security-Policy (no 'unsafe-eval') refuses; filling the buffers here needs no eval.
import { Binary, Bool, DateDay, Float32, Float64, Int32, Int64, Uint64, makeData, makeVector, TimestampMillisecond, Utf8, type DataType, type Vector } from 'apache-arrow';
import type { ColumnKind } from './parquetColumns.ts';

/** Validity bitmap (bit set = value present), and how many values are null. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

const present = (v: unknown) => v !== null && v !== undefined;

// makeData's props are a union over every Arrow type; these two helpers build only the shapes named in them.
function fixedWidth(type: DataType, values: readonly unknown[], data: ArrayLike<unknown>): Vector {
  return makeVector(makeData({ type, length: values.length, ...validity(values), data } as never));
}

/** Offsets and bytes of a variable-width column (strings or byte arrays). */
function variableWidth(type: Utf8 | Binary, values: readonly unknown[], bytesOf: (v: unknown) => Uint8Array): Vector {
  const parts = values.map((v) => (present(v) ? bytesOf(v) : new Uint8Array(0)));
  const valueOffsets = new Int32Array(values.length + 1);
  parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i] + p.length));
  const data = new Uint8Array(valueOffsets[values.length]);
  parts.forEach((p, i) => data.set(p, valueOffsets[i]));
  return makeVector(makeData({ type, length: values.length, ...validity(values), valueOffsets, data } as never));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Text for a value the plan keeps as text (times, intervals, geometry objects); bigints as digits. */
function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return decoder.decode(v);
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? String(x) : x));
}

/** The Arrow vector for `values` (hyparquet's decoded values of one column, null for missing). */
export function arrowColumn(kind: ColumnKind, values: readonly unknown[]): Vector {
  const n = values.length;
  const fill = <A extends { [i: number]: unknown }>(arr: A, f: (v: unknown) => unknown): A => {
    values.forEach((v, i) => {
      if (present(v)) arr[i] = f(v);
    });
    return arr;
  };
  const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));
  switch (kind) {
    case 'bool': {
      const bits = new Uint8Array(Math.ceil(n / 8));
      values.forEach((v, i) => {
        if (v === true) bits[i >> 3] |= 1 << (i & 7);
      });
      return fixedWidth(new Bool(), values, bits);
    }
    case 'int32':
      return fixedWidth(new Int32(), values, fill(new Int32Array(n), num));
    case 'int64':
      return fixedWidth(new Int64(), values, fill(new BigInt64Array(n), (v) => (typeof v === 'bigint' ? BigInt.asIntN(64, v) : BigInt(v as number))));
    case 'uint64':
      return fixedWidth(new Uint64(), values, fill(new BigUint64Array(n), (v) => (typeof v === 'bigint' ? BigInt.asUintN(64, v) : BigInt(v as number))));
    case 'float':
      return fixedWidth(new Float32(), values, fill(new Float32Array(n), num));
    case 'double':
    case 'decimal':
      return fixedWidth(new Float64(), values, fill(new Float64Array(n), num));
    case 'date':
      return fixedWidth(new DateDay(), values, fill(new Int32Array(n), num));
    case 'timestamp':
      return fixedWidth(new TimestampMillisecond(), values, fill(new BigInt64Array(n), (v) => BigInt(v instanceof Date ? v.getTime() : Math.round(num(v)))));
    case 'binary':
      return variableWidth(new Binary(), values, (v) => (v instanceof Uint8Array ? v : encoder.encode(String(v))));
    case 'string':
    case 'text':
      return variableWidth(new Utf8(), values, (v) => encoder.encode(asText(v)));
  }
}
