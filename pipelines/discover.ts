// Finds the extracts under the raw folder, pairs each with its declaration in sources.json and reads its
// header(s) so the adapters can recognise the format.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { listRawFiles, rawFile } from './rawFolder.ts';
import { declarationsText, localToday, parseDeclarations } from './sourceDeclarations.ts';
import { sniffCsv, readWorkbook } from './sources/landing.ts';
import { StructuralError, type InputTable, type SourceDeclaration } from './sources/types.ts';

export interface DiscoveredFile {
  path: string;
  relPath: string;
  declaration: SourceDeclaration;
}

/** The declarations in the raw folder's sources.json, checked against their schema (see sourceDeclarations.ts). */
export function readDeclarations(rawDir: string, today = localToday()): SourceDeclaration[] {
  const p = rawFile(rawDir, 'sources.json');
  if (!p) throw new StructuralError('sources.json', `missing in ${rawDir}: every extract must be declared (id, publisher, licence, synthetic)`);
  return parseDeclarations(declarationsText(readFileSync(p)), today);
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
  const extracts = listRawFiles(rawDir).filter((f) => ['.csv', '.xlsx'].includes(extname(f.relPath).toLowerCase()));
  return extracts.map(({ path, relPath }) => {
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
