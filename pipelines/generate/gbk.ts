// GBK encoding without a dependency: Node can decode GB18030 but not encode it, so the table is built once
// by decoding every two-byte GBK sequence with the very decoder the pipeline uses. Whatever this encodes is
// therefore guaranteed to decode back with `new TextDecoder('gb18030', { fatal: true })`.

let table: Map<string, number> | null = null;

function encodeTable(): Map<string, number> {
  if (table) return table;
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pairs.push(lead, trail);
    }
  }
  const text = new TextDecoder('gb18030').decode(Uint8Array.from(pairs));
  const chars = Array.from(text);
  if (chars.length !== pairs.length / 2) throw new Error('GBK table: unexpected decoder output length');
  table = new Map();
  chars.forEach((ch, i) => {
    // The first sequence wins so that a character with two historic encodings gets the canonical one.
    if (!table!.has(ch)) table!.set(ch, (pairs[2 * i] << 8) | pairs[2 * i + 1]);
  });
  return table;
}

/** Encodes text as GBK; throws on a character GBK cannot hold rather than writing a replacement byte. */
export function encodeGbk(text: string): Buffer {
  const t = encodeTable();
  const out = Buffer.alloc(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const gbk = t.get(ch);
    if (gbk === undefined) throw new Error(`character U+${code.toString(16).toUpperCase()} "${ch}" has no GBK encoding`);
    out[n++] = gbk >> 8;
    out[n++] = gbk & 0xff;
  }
  return out.subarray(0, n);
}
