// The fast path for big, clean CSV extracts: DuckDB parses the file itself (in parallel, without a copy), and Node
// only counts lines (or, for GBK, transcodes to UTF-8 in large blocks). The result is trusted only when DuckDB's
// reading provably matches the line-by-line reading it replaces: one record per physical line, no blank lines, no
// rejected rows, no stray quotes. Otherwise the file is landed the slow, line-by-line way (stage.ts decides), so
// the fast path changes speed, never which rows load, which are quarantined, or the line numbers reported.
import { closeSync, createReadStream, createWriteStream, openSync, readSync } from 'node:fs';
import { once } from 'node:events';

export interface LineStats {
  /** Physical lines, counting a last line without a newline. */
  lines: number;
  /** Lines after `afterLine` that are empty (or only "\r"). */
  blankLines: number;
}

/**
 * Counts a UTF-8 (or any ASCII-compatible) file's lines and its blank lines after the header. indexOf over large
 * blocks keeps this at a few hundred MB/s, well under DuckDB's own parse time.
 */
export function countLines(path: string, afterLine: number): LineStats {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(4 << 20);
  let lines = 0;
  let blankLines = 0;
  // Absolute offset of the previous newline, and whether the byte before the current one was "\r".
  let prevNl = -1;
  let offset = 0;
  let lastByte = -1;
  let prevPrevCr = false;
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; offset += n) {
      const view = n === buf.length ? buf : buf.subarray(0, n);
      for (let i = view.indexOf(10); i !== -1; i = view.indexOf(10, i + 1)) {
        const abs = offset + i;
        lines++;
        const len = abs - prevNl - 1;
        const crOnly = len === 1 && (i > 0 ? view[i - 1] === 13 : prevPrevCr);
        if (lines > afterLine && (len === 0 || crOnly)) blankLines++;
        prevNl = abs;
      }
      lastByte = view[n - 1];
      prevPrevCr = lastByte === 13;
    }
  } finally {
    closeSync(fd);
  }
  if (offset > 0 && lastByte !== 10) lines++;
  return { lines, blankLines };
}

/**
 * Writes a GB18030 file as UTF-8, decoding blocks of whole lines. Returns false when a block does not decode:
 * the slow path then names the offending line.
 */
export async function transcodeToUtf8(path: string, outPath: string): Promise<boolean> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const out = createWriteStream(outPath);
  let carry: Buffer = Buffer.alloc(0);
  let ok = true;
  const write = async (bytes: Buffer) => {
    if (!out.write(decoder.decode(bytes))) await once(out, 'drain');
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) {
      const buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      // 0x0A never occurs inside a GB18030 multi-byte sequence, so cutting there never splits a character.
      const cut = buf.lastIndexOf(0x0a);
      if (cut === -1) {
        carry = buf;
        continue;
      }
      await write(buf.subarray(0, cut + 1));
      carry = Buffer.from(buf.subarray(cut + 1));
    }
    if (carry.length) await write(carry);
  } catch {
    ok = false;
  }
  out.end();
  await once(out, 'finish');
  return ok;
}
