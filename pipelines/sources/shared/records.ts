// The one CSV reader every adapter uses: physical lines (any line-break convention, any supported encoding), then
// records (RFC 4180 quoting, comma- or TAB-separated), for the header as for the rows, so that header reading and
// row splitting can never disagree about where a line ends or how a cell is quoted.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { StructuralError, type InputTable } from '../types.ts';
import { cleanCell, detectEncoding, detectLineBreak, ENCODING_NAMES, HEAD_BYTES, type Encoding, type LineBreak } from './text.ts';

/** Non-blank lines read ahead with the header, for detection (title rows, two-row headers, yearbook layouts). */
export const HEAD_ROWS = 25;
/** A header line longer than this is no header: the file has no line breaks, or is not a table. */
const MAX_HEADER_BYTES = 1 << 20;
/** A data line longer than this stops the run instead of exhausting memory on a file without line breaks. */
const MAX_LINE_BYTES = 256 << 20;

export interface LineOptions {
  lineBreak?: LineBreak;
  /** Runs after each ~1 MB block of lines, so a caller can write out what it gathered and respect backpressure. */
  onChunk?: () => Promise<void>;
  /** A line longer than this stops the run; a function is asked again for each line (the header may have its own). */
  maxLineBytes?: number | (() => number);
}

function readHead(path: string, bytes = HEAD_BYTES): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const mb = (n: number) => `${Math.round(n / (1 << 20))} MB`;

/** Splits decoded text into lines; `final` says whether it ends the file (else it ends with a break). */
function splitLines(text: string, lineBreak: LineBreak, final: boolean): string[] {
  const parts = lineBreak === 'lf' ? text.split('\n') : text.split(/\r\n|\r|\n/);
  const endsWithBreak = lineBreak === 'lf' ? text.endsWith('\n') : /[\r\n]$/.test(text);
  if (!final || endsWithBreak) parts.pop();
  return parts;
}

/** Position of the last line break in a byte block; a CR ending the block may be half a CRLF and is not taken. */
function lastBreakByte(buf: Buffer, lineBreak: LineBreak): number {
  if (lineBreak === 'lf') return buf.lastIndexOf(0x0a);
  const end = buf[buf.length - 1] === 0x0d ? buf.length - 1 : buf.length;
  if (end === 0) return -1;
  return Math.max(buf.lastIndexOf(0x0a, end - 1), buf.lastIndexOf(0x0d, end - 1));
}

function lastBreakChar(text: string, lineBreak: LineBreak): number {
  if (lineBreak === 'lf') return text.lastIndexOf('\n');
  const end = text.endsWith('\r') ? text.length - 1 : text.length;
  if (end === 0) return -1;
  return Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
}

const countBreaks = (text: string, lineBreak: LineBreak) => splitLines(text, lineBreak, true).length - 1;

/**
 * Calls onLine for every physical line of a text file, decoded with the given encoding, until it returns false.
 * Undecodable bytes stop the run with the line number: guessing at characters would corrupt names silently.
 */
export async function forEachLine(
  path: string,
  relPath: string,
  encoding: Encoding,
  onLine: (text: string, lineNo: number) => void | boolean,
  o: LineOptions = {},
): Promise<number> {
  const lineBreak = o.lineBreak ?? 'lf';
  const limit = o.maxLineBytes ?? MAX_LINE_BYTES;
  const maxLine = typeof limit === 'function' ? limit : () => limit;
  const decoder = new TextDecoder(encoding, { fatal: true });
  const badBytes = (line: number) =>
    new StructuralError(relPath, `bytes that are not valid ${ENCODING_NAMES[encoding]} (re-export the file, or check it is not another encoding)`, line);
  let lineNo = 0;
  let first = true;
  let stopped = false;
  const emitText = (text: string, final: boolean) => {
    for (let line of splitLines(text, lineBreak, final)) {
      if (first) {
        line = line.replace(/^\uFEFF/, '');
        first = false;
      }
      if (lineBreak === 'lf' && line.endsWith('\r')) line = line.slice(0, -1);
      if (onLine(line, ++lineNo) === false) {
        stopped = true;
        return;
      }
    }
  };
  const tooLong = () => new StructuralError(relPath, `no line break in the first ${mb(maxLine())} of this line: expected one row per line`, lineNo + 1);

  // UTF-8 and GB18030: whole blocks of lines are decoded at once (fast); only a block that fails is decoded line by
  // line to find the culprit. CR and LF never occur inside their multi-byte sequences, so cutting there is safe.
  const decodeBytes = (bytes: Buffer, final: boolean) => {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      let n = lineNo;
      let start = 0;
      for (;;) {
        let end = start;
        while (end < bytes.length && bytes[end] !== 0x0a && !(lineBreak === 'any' && bytes[end] === 0x0d)) end++;
        n++;
        try {
          new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start, end));
        } catch {
          throw badBytes(n);
        }
        if (end >= bytes.length) break;
        start = end + (bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1);
      }
      throw badBytes(lineNo + 1);
    }
    emitText(text, final);
  };

  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      // Two bytes per code unit: cut in decoded text, not in bytes.
      let carry = '';
      const decodeChunk = (chunk: Buffer, final: boolean): string => {
        try {
          return decoder.decode(chunk, { stream: !final });
        } catch {
          const loose = new TextDecoder(encoding).decode(chunk);
          const bad = loose.indexOf('\uFFFD');
          throw badBytes(lineNo + 1 + countBreaks(carry + loose.slice(0, Math.max(0, bad)), lineBreak));
        }
      };
      for await (const chunk of stream) {
        const text = carry + decodeChunk(chunk as Buffer, false);
        const cut = lastBreakChar(text, lineBreak);
        if (cut === -1) {
          carry = text;
          if (carry.length * 2 > maxLine()) throw tooLong();
          continue;
        }
        emitText(text.slice(0, cut + 1), false);
        carry = text.slice(cut + 1);
        if (stopped) return lineNo;
        if (o.onChunk) await o.onChunk();
      }
      const rest = carry + decodeChunk(Buffer.alloc(0), true);
      if (rest.length) emitText(rest, true);
    } else {
      let carry: Buffer = Buffer.alloc(0);
      for await (const chunk of stream) {
        const buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
        const cut = lastBreakByte(buf, lineBreak);
        if (cut === -1) {
          carry = buf;
          if (carry.length > maxLine()) throw tooLong();
          continue;
        }
        decodeBytes(buf.subarray(0, cut + 1), false);
        carry = Buffer.from(buf.subarray(cut + 1));
        if (stopped) return lineNo;
        if (o.onChunk) await o.onChunk();
      }
      if (carry.length) {
        if (carry.length > maxLine()) throw tooLong();
        decodeBytes(carry, true);
      }
    }
  } finally {
    stream.destroy();
  }
  if (o.onChunk && !stopped) await o.onChunk();
  return lineNo;
}

const OPEN = Symbol('open quote');

/**
 * The cells of one record (RFC 4180 quoting): an array, OPEN when a quoted cell is still open at the end of the
 * text (it may continue on the next line), or null when the quoting is broken (a quote inside an unquoted cell, or
 * text after a closing quote). Blanks before an opening quote are allowed: exports put a tab there to force text in
 * Excel. Cells are returned as written; callers trim them (cleanCell) where their format wants it.
 */
export function splitRecord(text: string, delimiter: ',' | '\t' = ','): string[] | null | typeof OPEN {
  if (!text.includes('"')) return text.split(delimiter);
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let k = i;
    while (text[k] === ' ' || (text[k] === '\t' && delimiter !== '\t')) k++;
    if (text[k] === '"') {
      let value = '';
      let j = k + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return OPEN;
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      if (j < text.length && text[j] !== delimiter) return null;
      cells.push(value);
      if (j >= text.length) return cells;
      i = j + 1;
    } else {
      const d = text.indexOf(delimiter, i);
      const cell = d < 0 ? text.slice(i) : text.slice(i, d);
      if (cell.includes('"')) return null;
      cells.push(cell);
      if (d < 0) return cells;
      i = d + 1;
    }
  }
}

/** The cells of a line that must be read somehow (a header): strict quoting, else split at every delimiter. */
export function headerCells(text: string, delimiter: ',' | '\t' = ','): string[] {
  const cells = splitRecord(text, delimiter);
  return (Array.isArray(cells) ? cells : text.split(delimiter)).map(cleanCell);
}

/** One record of a CSV: the physical line it starts on, its text, its cells (null when the quoting is broken). */
export interface CsvRecord {
  line: number;
  text: string;
  cells: string[] | null;
  /** Set when the quoting is broken: why. */
  broken?: string;
}

export interface RecordOptions {
  /** Records whose quoted cells span lines (a 经营范围 with a line break); otherwise one record per line. */
  multiline?: boolean;
  /** Trim cells (cleanCell); otherwise cells are as written (staging cleans them). */
  clean?: boolean;
  /** Lines up to this one are skipped; the header's line by default. */
  afterLine?: number;
  onChunk?: () => Promise<void>;
}

/** The reading conventions of a CSV table, as sniffCsv found them. */
function conventions(table: Pick<InputTable, 'encoding' | 'lineBreak' | 'delimiter'>) {
  return { encoding: table.encoding ?? 'utf-8', lineBreak: table.lineBreak ?? 'lf', delimiter: table.delimiter ?? ',' } as const;
}

/**
 * Calls onRecord for every non-blank record of a CSV after its header. A quoted cell still open at the end of a
 * line makes the record broken (one record per line), or continues it on the next line (multiline); a quote still
 * open at the end of the file then makes every later line ambiguous, so it stops the run at the line that opened it.
 * Returns the number of physical lines.
 */
export async function forEachRecord(table: InputTable, onRecord: (r: CsvRecord) => void, o: RecordOptions = {}): Promise<number> {
  const { encoding, lineBreak, delimiter } = conventions(table);
  const after = o.afterLine ?? table.headerLine;
  let pending: { line: number; text: string } | null = null;
  const emit = (line: number, text: string, cells: string[] | null, broken?: string) =>
    onRecord({ line, text, cells: cells && o.clean ? cells.map(cleanCell) : cells, ...(broken ? { broken } : {}) });
  const lines = await forEachLine(
    table.path,
    table.relPath,
    encoding,
    (text, n) => {
      if (n <= after) return;
      if (pending) pending.text += '\n' + text;
      else if (text.trim() === '') return;
      else pending = { line: n, text };
      const cells = splitRecord(pending.text, delimiter);
      if (cells === OPEN && o.multiline) return;
      if (cells === OPEN) emit(pending.line, pending.text, null, 'a quoted cell is not closed on its line');
      else if (cells === null) emit(pending.line, pending.text, null, "the row's quotes do not parse (a quote inside an unquoted cell, or text after a closing quote)");
      else emit(pending.line, pending.text, cells);
      pending = null;
    },
    { lineBreak, onChunk: o.onChunk },
  );
  if (pending) {
    const open: { line: number } = pending;
    throw new StructuralError(table.relPath, 'a quoted cell opened here is never closed: the rows after it cannot be told apart', open.line);
  }
  return lines;
}

/** Every record of a CSV after its header, in memory. */
export async function readRecords(table: InputTable, o: Omit<RecordOptions, 'onChunk'> = {}): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  await forEachRecord(table, (r) => out.push(r), o);
  return out;
}

/**
 * Reads a CSV's conventions and header: encoding (from the first 64 KB), line breaks, delimiter (TAB when the header
 * has tabs and no comma: Excel's "Unicode text"), and the first non-blank lines, read by the same line reader as
 * the rows. The header is the first non-blank line.
 */
export async function sniffCsv(path: string, relPath: string): Promise<InputTable> {
  const head = readHead(path);
  const encoding = detectEncoding(head);
  const lineBreak = detectLineBreak(new TextDecoder(encoding).decode(head));
  const lines: { line: number; text: string }[] = [];
  try {
    await forEachLine(
      path,
      relPath,
      encoding,
      (text, line) => {
        if (text.trim() !== '') lines.push({ line, text });
        return lines.length < HEAD_ROWS;
      },
      { lineBreak, maxLineBytes: () => (lines.length === 0 ? MAX_HEADER_BYTES : MAX_LINE_BYTES) },
    );
  } catch (e) {
    // Bytes that do not decode within the sample the encoding was guessed from: the guess itself is wrong.
    const sampleLines = countBreaks(new TextDecoder(encoding).decode(head), lineBreak) + 1;
    if (e instanceof StructuralError && /not valid/.test(e.message) && (e.line ?? 0) <= sampleLines && (encoding === 'utf-8' || encoding === 'gb18030')) {
      throw new StructuralError(relPath, 'bytes that are neither UTF-8 nor GBK/GB18030 text (re-export the file, or check its encoding)', e.line);
    }
    throw e;
  }
  if (lines.length === 0) throw new StructuralError(relPath, 'the file is empty: expected a header row');
  const first = lines[0].text;
  const delimiter = first.includes('\t') && !first.includes(',') ? '\t' : ',';
  const headRows = lines.map((l) => ({ line: l.line, cells: headerCells(l.text, delimiter) }));
  return { path, relPath, format: 'csv', encoding, lineBreak, delimiter, headerLine: lines[0].line, header: headRows[0].cells, headRows };
}
