// Hashes for incremental builds: a kind's staged tables are reused from the cache when its input files, the
// adapter and staging code, the configuration and the reference data are unchanged.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

// SHA-1, not SHA-256, for input files: this detects changes, it does not defend against forgery, and it hashes a
// multi-GB extract about three times faster here (OpenSSL's SHA-1 path is accelerated on this CPU, SHA-256 not).
async function hashFileContents(path: string): Promise<string> {
  const h = createHash('sha1');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Content hashes of files, memoised by (path, size, mtime) in a small JSON file, so an unchanged multi-GB
 * extract is not read again on every rebuild.
 */
export class FileHasher {
  private memo: Record<string, { size: number; mtimeMs: number; hash: string }> = {};
  /** Facts derived from a file's content (e.g. the extract kinds it holds), by content hash. */
  private notes: Record<string, Record<string, unknown>> = {};
  constructor(private readonly memoPath: string | null) {
    if (memoPath && existsSync(memoPath)) {
      try {
        const saved = JSON.parse(readFileSync(memoPath, 'utf8'));
        this.memo = saved.files ?? {};
        this.notes = saved.notes ?? {};
      } catch {
        this.memo = {};
      }
    }
  }
  async hash(path: string): Promise<string> {
    const st = statSync(path);
    const m = this.memo[path];
    if (m && m.size === st.size && m.mtimeMs === st.mtimeMs) return m.hash;
    const hash = await hashFileContents(path);
    this.memo[path] = { size: st.size, mtimeMs: st.mtimeMs, hash };
    return hash;
  }
  note(hash: string, name: string): unknown {
    return this.notes[hash]?.[name];
  }
  setNote(hash: string, name: string, value: unknown): void {
    (this.notes[hash] ??= {})[name] = value;
  }
  save(): void {
    if (!this.memoPath) return;
    mkdirSync(dirname(this.memoPath), { recursive: true });
    writeFileSync(this.memoPath, JSON.stringify({ files: this.memo, notes: this.notes }));
  }
}

function listFiles(dir: string, exts: string[]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

/** One hash over the text of every file in the given folders (code, SQL, config, reference data). */
export function hashTree(dirs: string[], exts = ['.ts', '.sql', '.json', '.csv']): string {
  const h = createHash('sha256');
  for (const d of dirs) {
    const files = statSync(d).isDirectory() ? listFiles(d, exts) : [d];
    for (const f of files) {
      h.update(f.replace(/^.*?(pipelines|data)\//, '$1/'));
      h.update(readFileSync(f));
    }
  }
  return h.digest('hex');
}
