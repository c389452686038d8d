// What goes into the deploy package, as pure functions over the built site's files: the folder layout, the
// precompressed copies, the SHA256SUMS manifest and the server configuration. scripts/package.ts does the I/O.
import { createHash } from 'node:crypto';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { caddyfile, nginxMainConf, nginxSiteConf } from './serverConfig.ts';
import type { TarEntry } from './tarball.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text and WebAssembly compress well; images, Parquet, DOCX are already compressed; the DuckDB file is read in ranges. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|csv|svg|xml|txt|wasm|ico)$/;

/** `<cluster>-site-<YYYY-MM-DD>-<commit>`, the archive's name and its top folder. */
export function packageName(clusterId: string, date: Date, commit: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(clusterId)) throw new Error(`data/cluster.json: id "${clusterId}" is not a lowercase name usable in a file name`);
  return `${clusterId}-site-${date.toISOString().slice(0, 10)}-${commit}`;
}

/** The .gz and .br copies of one file worth compressing (none when compression would not save a tenth). */
export async function precompressed(path: string, data: Buffer): Promise<TarEntry[]> {
  if (!COMPRESSIBLE.test(path) || data.length < 1024) return [];
  // Brotli's best quality takes minutes on the 35 MB WebAssembly files; quality 5 there costs ~5% in size.
  const quality = data.length > 1_000_000 ? 5 : 11;
  const [g, b] = await Promise.all([
    gz(data, { level: 9 }),
    brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  ]);
  return [
    ...(g.length < data.length * 0.9 ? [{ path: `${path}.gz`, data: g }] : []),
    ...(b.length < data.length * 0.9 ? [{ path: `${path}.br`, data: b }] : []),
  ];
}

/** `sha256sum -c` format, paths relative to the package folder. */
export function sha256sums(entries: TarEntry[], top: string): string {
  return entries
    .map((e) => `${createHash('sha256').update(e.data).digest('hex')}  ${e.path.slice(top.length + 1)}\n`)
    .sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1))
    .join('');
}

/**
 * Every entry of the package: the site under site/<base>/ (so a server whose root is site/ serves it at the
 * base path), the precompressed copies, the nginx and Caddy configuration, and the manifest.
 */
export async function packageEntries(site: TarEntry[], o: { name: string; base: string }): Promise<TarEntry[]> {
  const baseDir = o.base.replace(/^\/|\/$/g, '');
  const under = (p: string) => [o.name, 'site', ...(baseDir ? [baseDir] : []), p].join('/');
  const files: TarEntry[] = [];
  for (const f of site) {
    const path = under(f.path);
    files.push({ path, data: f.data }, ...(await precompressed(path, f.data)));
  }
  const text = (p: string, s: string): TarEntry => ({ path: `${o.name}/${p}`, data: Buffer.from(s) });
  files.push(
    text('nginx/cluster-site.conf', nginxSiteConf(o.base)),
    text('nginx/nginx.conf', nginxMainConf()),
    text('nginx/brotli.conf', '# Needs the ngx_brotli module (Debian: libnginx-mod-http-brotli-static).\nbrotli_static on;\n'),
    text('caddy/Caddyfile', caddyfile(o.base)),
    text('logs/.keep', ''),
  );
  return [...files, text('SHA256SUMS', sha256sums(files, o.name))];
}
