// How the plan reads code, SQL, configuration and reference files: passed in, so that a test can hand it edited
// contents without touching the checkout, and the keys are a pure function of what it returns.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface CodeReader {
  /** A file's contents, or null when there is no such file. */
  read(path: string): Buffer | string | null;
  /** The files under a folder, recursively, as absolute paths in name order; [] when there is no such folder. */
  list(dir: string): string[];
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

export const diskReader: CodeReader = {
  read: (path) => (existsSync(path) && statSync(path).isFile() ? readFileSync(path) : null),
  list: listFiles,
};

/** A reader that returns `edits` (absolute path → contents) instead of what `base` reads. */
export function withEdits(base: CodeReader, edits: Record<string, string>): CodeReader {
  return { read: (p) => (p in edits ? edits[p] : base.read(p)), list: (d) => base.list(d) };
}
