// How an extract's bytes become text: its encoding (from a byte-order mark, NUL bytes, or whether it decodes as
// UTF-8), its line-break convention, and the cell trimming every adapter shares.

/** Encodings a CSV extract may be in: UTF-8 (with or without BOM), GBK/GB18030, and Excel's "Unicode text". */
export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * "lf": lines end at LF (a CRLF's CR is dropped, a lone CR inside a line is content). "any": lines end at CR, LF or
 * CRLF (Excel for Mac's "CSV (Macintosh)" ends lines with CR only; files pieced together mix all three).
 */
export type LineBreak = 'lf' | 'any';

/** Bytes read from the start of a file to detect its encoding, line breaks and header. */
export const HEAD_BYTES = 65536;

export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK/GB18030',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/** UTF-16 without a byte-order mark: CSV text never holds NUL bytes, ASCII in UTF-16 is every other byte NUL. */
function utf16ByNuls(sample: Buffer): Encoding | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  if (odd > n / 8 && even === 0) return 'utf-16le';
  if (even > n / 8 && odd === 0) return 'utf-16be';
  return null;
}

/**
 * The encoding of a file from its first bytes: a byte-order mark decides (UTF-8, UTF-16 LE/BE); NUL bytes in the
 * pattern of UTF-16 mean UTF-16; otherwise UTF-8 when the sample decodes as UTF-8, else GB18030 (a superset of GBK).
 */
export function detectEncoding(sample: Buffer): Encoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const utf16 = utf16ByNuls(sample);
  if (utf16) return utf16;
  try {
    // Streaming mode, so a multi-byte character cut by the sample's end does not count against UTF-8.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: sample.length >= HEAD_BYTES });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * The line-break convention of a file from its first block of text. Lone CRs (not followed by LF) break lines when
 * they are a real share of the breaks (a CR-only file, or one pieced together from CR, LF and CRLF parts); a single
 * lone CR in a file that keeps to LF or CRLF is a character someone pasted into a cell.
 */
export function detectLineBreak(text: string): LineBreak {
  let loneCr = 0;
  let crlf = 0;
  let bareLf = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text[i + 1] === '\n') crlf++;
    else loneCr++;
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text[i - 1] !== '\r') bareLf++;
  }
  // One lone CR is a pasted character; CR-only lines come in numbers (at least a tenth of the line breaks).
  return loneCr >= 2 && loneCr * 10 >= loneCr + crlf + bareLf ? 'any' : 'lf';
}

/** Trims what export tools wrap around cells: BOM, leading tabs (Excel "force text"), spaces, full-width spaces. */
export function cleanCell(s: string | null | undefined): string {
  if (s == null) return '';
  return s.replace(/^\uFEFF/, '').replace(/^[\s\t\u3000]+|[\s\t\u3000]+$/g, '');
}
