// How result cells are shown and exported. Values arrive from Arrow: numbers, bigints (BIGINT, HUGEINT), strings,
// booleans, dates as epoch milliseconds, nested values as Arrow rows and vectors. The display is for reading
// (grouped digits); the raw text keeps every digit, for copying and for the tests.

/** The few column kinds that change how a value is written, from the Arrow type's name. */
export type CellKind = 'date' | 'timestamp' | 'number' | 'text';

export function cellKind(arrowType: string): CellKind {
  if (/^Date/i.test(arrowType)) return 'date';
  if (/^Timestamp/i.test(arrowType)) return 'timestamp';
  if (/^(Int|Uint|Float|Decimal)/i.test(arrowType)) return 'number';
  return 'text';
}

function isoDate(ms: number, withTime: boolean): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  const iso = d.toISOString();
  return withTime ? iso.replace('T', ' ').replace(/\.000Z$|Z$/, '') : iso.slice(0, 10);
}

/** The exact value as text (null stays null), used for CSV and for anything compared by machine. */
export function rawCell(value: unknown, kind: CellKind): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (kind === 'date' || kind === 'timestamp') {
    const ms = value instanceof Date ? value.getTime() : typeof value === 'bigint' ? Number(value) : Number(value);
    return isoDate(ms, kind === 'timestamp');
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') {
    // Within 2^53 a number keeps every digit and lets spreadsheets and charts treat it as a number.
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Uint8Array) return `\\x${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  // Arrow rows (STRUCT), vectors (LIST) and maps print as JSON through their toJSON.
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    return String(value);
  }
}

/** The value as shown in the table: grouped digits for numbers, at most six decimals. */
export function displayCell(raw: string | number | boolean | null, locale: string): string {
  if (raw === null) return 'NULL';
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return String(raw);
    // Years (and other four-digit codes) read wrongly as "2,024", so digits are grouped only from 10 000 up.
    return raw.toLocaleString(locale, { maximumFractionDigits: 6, useGrouping: Math.abs(raw) >= 10_000 });
  }
  return String(raw);
}
