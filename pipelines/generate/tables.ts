// The generator's output before it touches the disk: CSV tables as text cells (so dirty rows can be planted
// and counted) and workbooks as sheets. Serialising is the only step that knows about encodings.
import { encodeGbk } from './gbk.ts';
import { writeWorkbook, type SheetSpec } from './xlsx.ts';

export interface CsvTable {
  format: 'csv';
  /** Path relative to the raw folder. */
  relPath: string;
  header: string[];
  rows: string[][];
  encoding: 'gbk' | 'utf-8';
  /** UTF-8 byte-order mark, which Excel and WPS need to open UTF-8 CSV correctly. */
  bom?: boolean;
  /** China Customs exports end every line (header too) with a comma: an empty 15th column. */
  trailingComma?: boolean;
}

export interface WorkbookTable {
  format: 'xlsx';
  relPath: string;
  sheets: SheetSpec[];
}

export type OutputTable = CsvTable | WorkbookTable;

export function csvQuote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(t: CsvTable): string {
  const line = (cells: string[]) => cells.map(csvQuote).join(',') + (t.trailingComma ? ',' : '');
  // CRLF: what the Windows tools that produce these extracts write.
  return [line(t.header), ...t.rows.map(line)].join('\r\n') + '\r\n';
}

export async function tableBytes(t: OutputTable): Promise<Buffer> {
  if (t.format === 'xlsx') return writeWorkbook(t.sheets);
  const text = csvText(t);
  if (t.encoding === 'gbk') return encodeGbk(text);
  return Buffer.from((t.bom ? '\uFEFF' : '') + text, 'utf8');
}

/** 1,234,567 — how the customs platform prints amounts. */
export function thousands(n: number): string {
  const neg = n < 0;
  const [int, frac] = Math.abs(n).toFixed(2).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac === '00' ? '' : `.${frac}`);
}

/** Hundredths as a plain decimal: 123456 → "1234.56", 100 → "1". */
export function hundredths(q: number): string {
  return q % 100 === 0 ? String(q / 100) : (q / 100).toFixed(2);
}

export const period = (year: number, month: number) => `${year}${String(month).padStart(2, '0')}`;
