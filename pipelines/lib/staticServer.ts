// A small static file server for `npm start` and the browser tests: serves dist/ under a base path,
// answers Range requests (duckdb-wasm reads the published database in ranges) and never proxies anywhere.
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync, existsSync } from 'node:fs';
import { join, normalize, extname, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface StaticServerOptions {
  root: string;
  /** Sub-path the site is built for, e.g. "/dashboard/"; requests outside it get 404. */
  base?: string;
  port?: number;
  host?: string;
  /** Extra headers on every response (tests add a CSP here). */
  headers?: Record<string, string>;
}

export interface StaticServer {
  port: number;
  url: string;
  server: Server;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.duckdb': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.ico': 'image/x-icon',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function resolvePath(root: string, base: string, urlPath: string): string | null {
  let p = decodeURIComponent(urlPath.split('?')[0]);
  if (!p.startsWith(base)) {
    if (p + '/' === base) p = base;
    else return null;
  }
  p = '/' + p.slice(base.length);
  const full = normalize(join(root, p));
  if (!full.startsWith(normalize(root) + sep) && full !== normalize(root)) return null;
  if (existsSync(full) && statSync(full).isDirectory()) return join(full, 'index.html');
  if (!existsSync(full) && !extname(full) && existsSync(full + '.html')) return full + '.html';
  return full;
}

export function createStaticServer(opts: StaticServerOptions): Promise<StaticServer> {
  const base = (opts.base ?? '/').replace(/\/?$/, '/');
  const server = createServer((req, res) => {
    const file = resolvePath(opts.root, base, req.url ?? '/');
    for (const [k, v] of Object.entries(opts.headers ?? {})) res.setHeader(k, v);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      const notFound = join(opts.root, '404.html');
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('Not found');
      return;
    }
    const size = statSync(file).size;
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'no-cache');
    const range = req.headers.range ? /^bytes=(\d*)-(\d*)$/.exec(req.headers.range) : null;
    if (range) {
      let start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
      let end = range[1] === '' || range[2] === '' ? size - 1 : Number(range[2]);
      start = Math.max(0, start);
      end = Math.min(end, size - 1);
      if (start > end) {
        res.statusCode = 416;
        res.setHeader('Content-Range', `bytes */${size}`);
        res.end();
        return;
      }
      res.statusCode = 206;
      res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
      res.setHeader('Content-Length', String(end - start + 1));
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.setHeader('Content-Length', String(size));
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}${base}`,
        server,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}
