// Finds the extracts under the raw folder, pairs each with its declaration in sources.json and reads its
// header(s) so the adapters can recognise the format.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, extname, sep } from 'node:path';
import { sniffCsv, readWorkbook } from './sources/landing.ts';
import { StructuralError, type InputTable, type SourceDeclaration } from './sources/types.ts';

export interface DiscoveredFile {
  path: string;
  relPath: string;
  declaration: SourceDeclaration;
}

export function readDeclarations(rawDir: string): SourceDeclaration[] {
  const p = join(rawDir, 'sources.json');
  if (!existsSync(p)) throw new StructuralError('sources.json', `missing in ${rawDir}: every extract must be declared (id, publisher, licence, synthetic)`);
  let parsed: { sources?: SourceDeclaration[] };
  try {
    parsed = JSON.parse(readFileSync(p, 'utf8'));
  } catch (e) {
    throw new StructuralError('sources.json', `not valid JSON: ${(e as Error).message}`);
  }
  const list = parsed.sources;
  if (!Array.isArray(list)) throw new StructuralError('sources.json', 'expected {"sources": [...]}');
  for (const [i, d] of list.entries()) {
    for (const k of ['path', 'id', 'publisher', 'licence'] as const) {
      if (typeof d[k] !== 'string' || !d[k]) throw new StructuralError('sources.json', `sources[${i}] lacks "${k}"`);
    }
    if (typeof d.synthetic !== 'boolean') throw new StructuralError('sources.json', `sources[${i}] (${d.id}) must say "synthetic": true or false`);
  }
  return list;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name.startsWith('~$')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (['.csv', '.xlsx'].includes(extname(name).toLowerCase())) out.push(p);
  }
  return out;
}

/** The declaration covering a file: an exact path, else the longest folder prefix. */
export function declarationFor(decls: SourceDeclaration[], relPath: string): SourceDeclaration | undefined {
  const exact = decls.find((d) => d.path === relPath);
  if (exact) return exact;
  return decls
    .filter((d) => d.path.endsWith('/') && relPath.startsWith(d.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

export function discoverFiles(rawDir: string): DiscoveredFile[] {
  const decls = readDeclarations(rawDir);
  return walk(rawDir).map((path) => {
    const relPath = relative(rawDir, path).split(sep).join('/');
    const declaration = declarationFor(decls, relPath);
    if (!declaration) throw new StructuralError(relPath, 'not declared in sources.json: add an entry with its publisher, licence and "synthetic" flag');
    return { path, relPath, declaration };
  });
}

/** The tables in a file: one for a CSV, one per non-empty sheet for a workbook. */
export async function tablesOf(path: string, relPath: string): Promise<InputTable[]> {
  if (extname(path).toLowerCase() === '.csv') return [await sniffCsv(path, relPath)];
  const sheets = await readWorkbook(path, relPath);
  return sheets
    .filter((s) => s.rows.length > 0)
    .map((s) => ({
      path,
      relPath: `${relPath}#${s.name}`,
      format: 'xlsx' as const,
      sheet: s.name,
      headerLine: s.rows[0].line,
      header: s.rows[0].cells,
      sheetRows: s.rows,
    }));
}
