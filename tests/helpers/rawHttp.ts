// Raw HTTP over node:net for tests that send what no HTTP client library would (malformed request lines,
// broken encodings, oversized headers), and a served fixture site run as `npm start` runs its server.
import { connect } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { before, after } from 'node:test';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface RawReply {
  /** The status code, or null when the server closed the connection without answering. */
  status: number | null;
  /** Everything received (head and as much of the body as arrived before the socket closed). */
  text: string;
  timedOut: boolean;
}

/**
 * Sends bytes and reads the reply. A request still unanswered after `waitMs` has its sending side closed (an
 * unfinished request then ends); the whole exchange is bounded by `limitMs`.
 */
export function rawRequest(port: number, bytes: Buffer | string, o: { waitMs?: number; limitMs?: number } = {}): Promise<RawReply> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    let got = Buffer.alloc(0);
    let settled = false;
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(halfClose);
      clearTimeout(limit);
      socket.destroy();
      const text = got.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      done({ status: m ? Number(m[1]) : null, text, timedOut });
    };
    const halfClose = setTimeout(() => got.length === 0 && socket.end(), o.waitMs ?? 400);
    const limit = setTimeout(() => finish(true), o.limitMs ?? 4000);
    socket.on('data', (d) => {
      got = Buffer.concat([got, d]);
      // The whole head is enough; a keep-alive connection would otherwise stay open.
      if (got.includes('\r\n\r\n')) setTimeout(() => finish(false), 20);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.write(bytes);
  });
}

/** A small site on disk with the page kinds whose headers differ: content, workbench, embed, data, 404. */
export function makeFixtureSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'serve-site-'));
  const files: Record<string, string | Buffer> = {
    'index.html': '<!doctype html><title>home</title><p>home page</p>',
    '404.html': '<!doctype html><title>404</title><p>not here</p>',
    'sql/index.html': '<!doctype html><title>sql</title>',
    'en/sql/index.html': '<!doctype html><title>sql en</title>',
    'embed/x/index.html': '<!doctype html><title>embed</title>',
    'en/embed/x/index.html': '<!doctype html><title>embed en</title>',
    'sources/index.html': '<!doctype html><title>sources</title>',
    'data/warehouse.duckdb': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)),
    '_astro/app.abc123.js': 'console.log(1);',
  };
  for (const [p, body] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), body);
  }
  return root;
}

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code (or signal) if the process ends. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/** Runs scripts/serve.ts (the `npm start` server) on a free port and waits for its address line. */
export async function startServeProcess(root: string, base = '/'): Promise<ServeProcess> {
  const repo = resolve(import.meta.dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'scripts/serve.ts'), root], {
    cwd: repo,
    env: { ...process.env, PORT: '0', BASE: base },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<string>((r) => child.on('exit', (code, signal) => r(`exit ${code ?? signal}: ${stderr.slice(-2000)}`)));
  const port = await new Promise<number>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /127\.0\.0\.1:(\d+)/.exec(out);
      if (m) ok(Number(m[1]));
    });
    exited.then((why) => fail(new Error(`serve.ts ended before listening (${why})`)));
  });
  return {
    child,
    port,
    exited,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/**
 * Registers the test file's hooks: a fixture site served by scripts/serve.ts under `base` for the whole file,
 * stopped and removed afterwards. Read `.serve` inside tests (it exists once the hooks have run).
 */
export function useServeProcess(base = '/'): { readonly serve: ServeProcess; readonly root: string } {
  let root = '';
  let serve: ServeProcess | undefined;
  before(async () => {
    root = makeFixtureSite();
    serve = await startServeProcess(root, base);
  });
  after(async () => {
    await serve?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return {
    get serve() {
      return serve!;
    },
    /** The fixture site's folder, to compare what was served with the files. */
    get root() {
      return root;
    },
  };
}
