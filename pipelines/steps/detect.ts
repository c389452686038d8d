// The detect step: finds every extract and the kind of each of its tables. What a file was recognised as is
// remembered by content hash (with the file hashes) under the step's key, so an unchanged workbook is not parsed
// again just to be recognised, and a change to any adapter's code recognises every file again.
import { discoverFiles, tablesOf } from '../discover.ts';
import { ADAPTERS, detectAdapter } from '../sources/index.ts';
import { StructuralError, type Adapter, type InputTable, type SourceDeclaration, type SourceKind } from '../sources/types.ts';
import type { FileHasher } from '../incremental.ts';

export interface FileTables {
  path: string;
  relPath: string;
  declaration: SourceDeclaration;
  hash: string;
  /** The kind of each of its recognised tables, in file order. */
  tableKinds: SourceKind[];
  /** The kinds its tables were recognised as. */
  kinds: SourceKind[];
  /** The tables themselves, read only when a kind of this file is rebuilt (reading a workbook is slow). */
  tables: { table: InputTable; adapter: Adapter }[] | null;
}

export type ReadTables = (path: string, relPath: string) => Promise<{ table: InputTable; adapter: Adapter }[]>;

export const readTables: ReadTables = async (path, relPath) => {
  const tables = await tablesOf(path, relPath);
  const matched = tables.map((table) => ({ table, adapter: detectAdapter(table) })).filter((x): x is { table: InputTable; adapter: Adapter } => x.adapter !== null);
  if (matched.length === 0) {
    const t = tables[0];
    throw new StructuralError(
      relPath,
      `no known extract format recognises this header: [${(t?.header ?? []).slice(0, 12).join(', ')}]. Expected one of: ${ADAPTERS.map((a) => a.label.en).join('; ')}`,
    );
  }
  return matched;
};

/**
 * Every extract under the raw folder with the kinds of its tables. `detectKey` (the step's key) names what is
 * remembered per file, so recognition is redone whenever the code that recognises changes. `unknown` counts the
 * files that had to be parsed.
 */
export async function detectFiles(
  rawDir: string,
  hasher: FileHasher,
  detectKey: string,
  progress?: (detail: string, count: { done: number; total: number }) => void,
): Promise<{ files: FileTables[]; parsed: number }> {
  const out: FileTables[] = [];
  const note = `tableKinds:${detectKey.slice(0, 16)}`;
  const found = discoverFiles(rawDir);
  let parsed = 0;
  for (const [i, f] of found.entries()) {
    const hash = await hasher.hash(f.path);
    let tableKinds = hasher.note(hash, note) as SourceKind[] | undefined;
    let tables: FileTables['tables'] = null;
    if (!tableKinds) {
      tables = await readTables(f.path, f.relPath);
      tableKinds = tables.map((m) => m.adapter.kind);
      hasher.setNote(hash, note, tableKinds);
      parsed++;
    }
    const kinds = [...new Set(tableKinds)];
    out.push({ path: f.path, relPath: f.relPath, declaration: f.declaration, hash, tableKinds, kinds, tables });
    progress?.(`${f.relPath} → ${kinds.join(', ')}`, { done: i + 1, total: found.length });
  }
  return { files: out, parsed };
}
