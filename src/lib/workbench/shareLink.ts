// A query carried in the page address, so a link reproduces it. The text is deflated and base64url-encoded into
// the fragment (#q=…): the fragment never reaches the server, and compression keeps long queries short enough
// for chat tools that cut long links.

const PREFIX = 'q=';

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([new Uint8Array(bytes)]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** The fragment (without "#") that carries `sql`. */
export async function encodeQuery(sql: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(sql), new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(packed);
}

/** The query carried by a fragment ("#q=…" or "q=…"), or null when there is none or it is damaged. */
export async function decodeQuery(hash: string): Promise<string | null> {
  const h = hash.replace(/^#/, '');
  if (!h.startsWith(PREFIX)) return null;
  try {
    const bytes = await pipe(fromBase64Url(h.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
