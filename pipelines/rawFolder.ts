// What the raw folder may hold, checked before any file in it is opened: regular files and folders inside it.
// Opening a FIFO named `x.csv` blocks for ever, a device streams without end, and a symbolic link out of the
// folder would have the pipeline read (and its error messages quote) any file the user can read, so these are
// refused by name from their metadata alone (lstat, realpath), never read. Link loops and names that are not
// UTF-8 get the same clean refusal instead of a stack trace. The quick no-change test and discovery share this
// walk, so they see the same files. Node built-ins only: the CLI runs it before loading DuckDB.
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { StructuralError } from './sources/types.ts';

export interface RawFile {
  /** Path as the pipeline opens it (under the raw folder as given; a link inside the folder is followed). */
  path: string;
  /** Path relative to the raw folder, with "/": what messages, declarations and the catalog use. */
  relPath: string;
  size: number;
  mtimeMs: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Hidden files and Office lock files (`~$book.xlsx`) are not extracts. */
function ignored(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file or folder';
}

function fsCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}

/** The folder's real path, or null when it does not exist (then sources.json is reported missing). */
function rootOf(rawDir: string): string | null {
  let st: Stats;
  try {
    st = statSync(rawDir);
  } catch (e) {
    if (fsCode(e) === 'ENOENT') return null;
    throw new StructuralError(rawDir, `the raw folder cannot be read (${fsCode(e) ?? (e as Error).message})`);
  }
  if (!st.isDirectory()) throw new StructuralError(rawDir, 'the raw folder is not a folder');
  return realpathSync(rawDir);
}

const inside = (root: string, real: string) => real === root || real.startsWith(root + sep);

/**
 * What one entry of the raw folder is, from its metadata alone: 'file' or 'dir' (with its real path), or a
 * StructuralError naming it. A symbolic link counts as what it points to, if that is inside the folder.
 */
function classify(path: string, relPath: string, root: string): { type: 'file'; st: Stats } | { type: 'dir'; real: string } {
  try {
    let st = lstatSync(path);
    let real = path;
    if (st.isSymbolicLink()) {
      try {
        real = realpathSync(path);
      } catch (e) {
        const code = fsCode(e);
        if (code === 'ELOOP') throw new StructuralError(relPath, 'a symbolic link loop (the link leads back to itself): remove it');
        if (code === 'ENOENT') throw new StructuralError(relPath, 'a symbolic link to nothing (its target does not exist): remove it or copy the file here');
        throw e;
      }
      if (!inside(root, real)) throw new StructuralError(relPath, 'a symbolic link leading outside the raw folder: refused without reading it (copy the file into the raw folder instead)');
      st = statSync(real);
    }
    if (st.isDirectory()) return { type: 'dir', real: realpathSync(real) };
    if (st.isFile()) return { type: 'file', st };
    throw new StructuralError(relPath, `not a regular file (${kindOf(st)}): refused without reading it`);
  } catch (e) {
    if (e instanceof StructuralError) throw e;
    throw new StructuralError(relPath, `cannot be read (${fsCode(e) ?? (e as Error).message})`);
  }
}

/** A name the file system returned as bytes, as text; a name that is not UTF-8 is refused with its bytes shown. */
function nameOf(bytes: Buffer, relDir: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const shown = new TextDecoder('utf-8').decode(bytes);
    throw new StructuralError(
      relDir + shown,
      `the file name is not valid UTF-8 (bytes ${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ')}): rename it (it was probably copied from a system using another encoding)`,
    );
  }
}

/**
 * Every file under the raw folder (hidden files left out), sorted by path, or a StructuralError naming the first
 * entry that cannot be read safely. A missing folder gives no files.
 */
export function listRawFiles(rawDir: string): RawFile[] {
  const root = rootOf(rawDir);
  if (!root) return [];
  const out: RawFile[] = [];
  const walk = (dir: string, relDir: string, ancestors: Set<string>) => {
    let names: Buffer[];
    try {
      names = readdirSync(dir, { encoding: 'buffer' });
    } catch (e) {
      throw new StructuralError(relDir || rawDir, `the folder cannot be read (${fsCode(e) ?? (e as Error).message})`);
    }
    const decoded = names.map((b) => nameOf(b, relDir)).sort();
    for (const name of decoded) {
      if (ignored(name)) continue;
      const path = join(dir, name);
      const relPath = relDir + name;
      const c = classify(path, relPath, root);
      if (c.type === 'file') {
        out.push({ path, relPath, size: c.st.size, mtimeMs: c.st.mtimeMs });
      } else {
        if (ancestors.has(c.real)) throw new StructuralError(relPath, 'a symbolic link loop (the folder contains itself): remove the link');
        walk(path, relPath + '/', new Set([...ancestors, c.real]));
      }
    }
  };
  walk(rawDir, '', new Set([root]));
  return out;
}

/**
 * One named file of the raw folder (e.g. sources.json), checked as the walk checks every file: null when it does
 * not exist, its path when it is a regular file inside the folder, else a StructuralError naming it.
 */
export function rawFile(rawDir: string, relPath: string): string | null {
  const root = rootOf(rawDir);
  const path = join(rawDir, relPath);
  if (!root) return null;
  try {
    lstatSync(path);
  } catch (e) {
    if (fsCode(e) === 'ENOENT') return null;
  }
  const c = classify(path, relPath, root);
  if (c.type !== 'file') throw new StructuralError(relPath, 'a folder, where a file was expected');
  return path;
}
