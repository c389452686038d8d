// A small static file server for `npm start` and the browser tests: serves dist/ under a base path,
// answers Range requests (duckdb-wasm reads the published database in ranges) and never proxies anywhere.
// It faces whatever a browser or a probe sends: a request it cannot read gets a 4xx answer, never an exception.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, statSync, type Stats } from 'node:fs';
import { pipeline } from 'node:stream';
import { join, normalize, extname, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from '../../src/lib/securityPolicy.ts';

export interface StaticServerOptions {
  root: string;
  /** Sub-path the site is built for, e.g. "/dashboard/"; requests outside it get 404. */
  base?: string;
  port?: number;
  host?: string;
  /** Extra headers on every response, after (and overriding) the site's security headers. */
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

/** What a request target names: a file (or not) below root, and the route below base the headers depend on. */
type Target = { status: 400 } | { status: 404; route: string } | { status: 200; route: string; file: string; stat: Stats };

function fileStat(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** Maps a request target to a file; pure apart from stat calls. Undecodable or NUL-bearing paths are 400. */
export function resolveTarget(root: string, base: string, rawUrl: string): Target {
  let p: string;
  try {
    p = decodeURIComponent(rawUrl.split(/[?#]/)[0]);
  } catch {
    return { status: 400 };
  }
  if (p.includes('\0') || !p.startsWith('/')) return { status: 400 };
  if (!p.startsWith(base)) {
    if (p + '/' === base) p = base;
    else return { status: 404, route: '' };
  }
  const route = p.slice(base.length);
  const top = normalize(root);
  const full = normalize(join(top, '/' + route));
  if (!full.startsWith(top + sep) && full !== top) return { status: 404, route: '' };
  for (const candidate of [full, join(full, 'index.html'), extname(full) ? '' : full + '.html']) {
    const stat = candidate ? fileStat(candidate) : null;
    if (stat?.isFile()) return { status: 200, route, file: candidate, stat };
  }
  return { status: 404, route };
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Streams a file (or part of it); a read error after the headers went out ends the connection. */
function send(res: ServerResponse, file: string, range?: { start: number; end: number }): void {
  pipeline(createReadStream(file, range), res, () => {});
}

function handle(opts: StaticServerOptions, base: string, req: IncomingMessage, res: ServerResponse): void {
  const target = resolveTarget(opts.root, base, req.url ?? '/');
  const route = target.status === 400 ? '' : target.route;
  for (const [k, v] of Object.entries({ ...securityHeaders(route), ...opts.headers })) res.setHeader(k, v);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return plain(res, 405, 'Method not allowed');
  }
  // Node's parser lets through any digit pair ("HTTP/2.0", "HTTP/0.9"); only 1.0 and 1.1 are spoken here.
  if (req.httpVersionMajor !== 1 || req.httpVersionMinor > 1) return plain(res, 505, 'HTTP version not supported');
  if (target.status === 400) return plain(res, 400, 'Bad request');
  if (target.status === 404) {
    const notFound = join(opts.root, '404.html');
    const stat = fileStat(notFound);
    if (!stat?.isFile()) return plain(res, 404, 'Not found');
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', stat.size);
    if (req.method === 'HEAD') return void res.end();
    return send(res, notFound);
  }
  const { file, stat } = target;
  const size = stat.size;
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', 'no-cache');
  const range = req.headers.range ? /^bytes=(\d*)-(\d*)$/.exec(req.headers.range) : null;
  if (range && (range[1] !== '' || range[2] !== '')) {
    let start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
    let end = range[1] === '' || range[2] === '' ? size - 1 : Number(range[2]);
    start = Math.max(0, start);
    end = Math.min(end, size - 1);
    if (!(start <= end)) {
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${size}`);
      return void res.end();
    }
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.setHeader('Content-Length', String(end - start + 1));
    if (req.method === 'HEAD') return void res.end();
    return send(res, file, { start, end });
  }
  res.setHeader('Content-Length', String(size));
  if (req.method === 'HEAD') return void res.end();
  send(res, file);
}

export function createStaticServer(opts: StaticServerOptions): Promise<StaticServer> {
  const base = (opts.base ?? '/').replace(/\/?$/, '/');
  const server = createServer((req, res) => {
    try {
      handle(opts, base, req, res);
    } catch {
      // Nothing above should throw; if something does, this one request fails and the server keeps serving.
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    }
  });
  // Node hands CONNECT to a 'connect' listener and, without one, drops the socket: answer it like any other method.
  server.on('connect', (_req, socket) => socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'));
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
