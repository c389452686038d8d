// Reading extracts into landing CSVs: encoding detection, GB18030 decoding, header sniffing, XLSX sheets.
// Landing files keep the source's physical line numbers in a "_line" column, so every quarantine row and
// every DuckDB reject points at the line a person can open in the original file.
import { createReadStream, createWriteStream, openSync, readSync, closeSync } from 'node:fs';
import { once } from 'node:events';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { StructuralError, type InputTable, type Landed } from './types.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function readHead(path: string, bytes = 65536): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 when the sample decodes as UTF-8 (or has a BOM), otherwise GB18030 (a superset of GBK). */
export function detectEncoding(sample: Buffer): 'utf-8' | 'gb18030' {
  if (sample.length >= 3 && UTF8_BOM.every((b, i) => sample[i] === b)) return 'utf-8';
  // Cut at the last newline so a multi-byte character split by the sample's end does not count against UTF-8.
  const cut = sample.lastIndexOf(0x0a);
  const body = cut > 0 && sample.length === 65536 ? sample.subarray(0, cut) : sample;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Trims what export tools wrap around cells: BOM, leading tabs (Excel "force text"), spaces, full-width spaces. */
export function cleanCell(s: string | null | undefined): string {
  if (s == null) return '';
  return s.replace(/^\uFEFF/, '').replace(/^[\s\t\u3000]+|[\s\t\u3000]+$/g, '');
}

export function parseCsvLine(line: string): string[] {
  const r = Papa.parse<string[]>(line, { delimiter: ',', quoteChar: '"' });
  return (r.data[0] ?? []).map(cleanCell);
}

/**
 * Calls onLine for every physical line of a text file, decoded with the given encoding.
 * Undecodable bytes stop the run with the line number: guessing at characters would corrupt names silently.
 * onChunk runs after each ~1 MB of lines, so a caller can write out what it gathered and respect backpressure.
 */
export async function forEachLine(
  path: string,
  relPath: string,
  encoding: 'utf-8' | 'gb18030',
  onLine: (text: string, lineNo: number) => void,
  onChunk?: () => Promise<void>,
): Promise<number> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let lineNo = 0;
  let first = true;
  const emit = (text: string) => {
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    if (text.endsWith('\r')) text = text.slice(0, -1);
    onLine(text, ++lineNo);
  };
  // Whole blocks of lines are decoded at once (fast); only a block that fails is decoded line by line to find
  // the culprit. 0x0A never occurs inside a GB18030 or UTF-8 multi-byte sequence, so cutting at it is safe.
  const decodeBlock = (bytes: Buffer, final: boolean) => {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      let start = 0;
      let n = lineNo;
      for (let i = bytes.indexOf(0x0a); start < bytes.length; i = bytes.indexOf(0x0a, start)) {
        const end = i === -1 ? bytes.length : i;
        n++;
        try {
          decoder.decode(bytes.subarray(start, end));
        } catch {
          throw new StructuralError(relPath, `bytes that are not valid ${encoding === 'gb18030' ? 'GBK/GB18030' : 'UTF-8'} (re-export the file, or check it is not another encoding)`, n);
        }
        if (i === -1) break;
        start = i + 1;
      }
      throw new StructuralError(relPath, 'undecodable bytes', lineNo + 1);
    }
    const parts = text.split('\n');
    if (!final || text.endsWith('\n')) parts.pop();
    for (const p of parts) emit(p);
  };
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const cut = buf.lastIndexOf(0x0a);
    if (cut === -1) {
      carry = buf;
      continue;
    }
    decodeBlock(buf.subarray(0, cut + 1), false);
    carry = Buffer.from(buf.subarray(cut + 1));
    if (onChunk) await onChunk();
  }
  if (carry.length) decodeBlock(carry, true);
  if (onChunk) await onChunk();
  return lineNo;
}

/** Finds the header of a CSV: the first non-blank line. */
export async function sniffCsv(path: string, relPath: string): Promise<InputTable> {
  const head = readHead(path);
  const encoding = detectEncoding(head);
  let text: string;
  const cut = head.length === 65536 ? head.subarray(0, head.lastIndexOf(0x0a)) : head;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(cut).replace(/^\uFEFF/, '');
  } catch {
    // Name the first line that does not decode, so the person fixing the export knows where to look.
    let line = 1;
    let start = 0;
    for (let i = cut.indexOf(0x0a); ; i = cut.indexOf(0x0a, start)) {
      const end = i === -1 ? cut.length : i;
      try {
        new TextDecoder(encoding, { fatal: true }).decode(cut.subarray(start, end));
      } catch {
        break;
      }
      if (i === -1) break;
      start = i + 1;
      line++;
    }
    throw new StructuralError(relPath, 'bytes that are neither UTF-8 nor GBK/GB18030 text (re-export the file, or check its encoding)', line);
  }
  const lines = text.split('\n');
  const idx = lines.findIndex((l) => l.trim() !== '');
  if (idx === -1) throw new StructuralError(relPath, 'the file is empty: expected a header row');
  return { path, relPath, format: 'csv', encoding, headerLine: idx + 1, header: parseCsvLine(lines[idx].replace(/\r$/, '')) };
}

/** Quotes a value for the landing CSV. */
export function csvCell(v: string | number | null | undefined): string {
  if (v == null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface SheetRow {
  /** 1-based row number in the sheet. */
  line: number;
  cells: string[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return '';
  }
  return String(v);
}

/** Reads every sheet of a workbook as text cells; empty rows are kept out, row numbers kept. */
export async function readWorkbook(path: string, relPath: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new StructuralError(relPath, `not a readable XLSX workbook (${(e as Error).message})`);
  }
  return wb.worksheets.map((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cleanCell(cellText(cell.value));
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
      rows.push({ line: rowNumber, cells });
    });
    return { name: ws.name, rows };
  });
}

/** Writes rows already in memory (from a sheet or a reshaped table) as a landing CSV with "_line". */
export async function landRows(
  rows: { line: number; cells: (string | null)[] }[],
  columns: string[],
  outPath: string,
  constants: Record<string, string> = {},
): Promise<Landed> {
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  out.write(['_line', ...columns].map(csvCell).join(',') + '\n');
  for (const r of rows) {
    const cells = columns.map((_, i) => csvCell(r.cells[i] ?? null));
    if (!out.write(`${r.line},${cells.join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { csvPath: outPath, columns: ['_line', ...columns], headerLines: 1, rowsIn: rows.length, constants };
}
