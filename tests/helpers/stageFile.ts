// Test harness: runs real files through detection, landing, DuckDB loading and the staging SQL in an in-memory
// database, as the pipeline does, and returns what was loaded and what was quarantined.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { loadClusterConfig, type ClusterConfig } from '../../pipelines/config.ts';
import { createConfigTables } from '../../pipelines/configTables.ts';
import { loadReferenceTables } from '../../pipelines/reference.ts';
import { tablesOf } from '../../pipelines/discover.ts';
import { detectAdapter } from '../../pipelines/sources/index.ts';
import { createLandingTable, createQuarantineTable, landTable, loadMacros, runStaging } from '../../pipelines/stage.ts';
import { all, openDuck, type Conn } from '../../pipelines/lib/duck.ts';
import type { Adapter, SourceDeclaration } from '../../pipelines/sources/types.ts';

export interface StagedFile {
  conn: Conn;
  adapter: Adapter;
  rowsIn: number;
  /** Tables DuckDB parsed directly (the rest were landed line by line). */
  directTables: number;
  rows: Record<string, unknown>[];
  quarantine: { file: string; line: number; column: string | null; rule: string; message: string; raw: string }[];
  close(): void;
}

export function declaration(over: Partial<SourceDeclaration> = {}): SourceDeclaration {
  return { path: '', id: 'test', title: { zh: '测试', en: 'test' }, publisher: 'test', licence: 'test', synthetic: true, ...over };
}

/** Stages one file (every table in it). Throws what the pipeline would throw (e.g. StructuralError). */
export async function stageFile(
  path: string,
  decl: Partial<SourceDeclaration> = {},
  config: ClusterConfig = loadClusterConfig(),
  /** direct: false forces line-by-line landing, to compare it with DuckDB's direct parsing. */
  options: { direct?: boolean } = {},
): Promise<StagedFile> {
  const work = mkdtempSync(join(tmpdir(), 'stage-'));
  const { instance, conn } = await openDuck();
  try {
    await createConfigTables(conn, config);
    await loadReferenceTables(conn, 'data/reference');
    await loadMacros(conn);
    await createQuarantineTable(conn);
    const d = declaration(decl);
    const tables = await tablesOf(path, basename(path));
    let adapter: Adapter | null = null;
    let rowsIn = 0;
    let directTables = 0;
    for (const [i, t] of tables.entries()) {
      const a = detectAdapter(t);
      if (!a) continue;
      if (adapter && adapter.kind !== a.kind) throw new Error(`mixed kinds in ${path}`);
      if (!adapter) {
        adapter = a;
        await createLandingTable(conn, a);
      }
      const { landed, direct } = await landTable(conn, a, t, { config, workDir: work, declaration: d, landingPath: join(work, `landing_${i}.csv`), direct: options.direct });
      rowsIn += landed.rowsIn;
      if (direct) directTables++;
    }
    if (!adapter) throw new Error(`no adapter recognises ${path}`);
    await runStaging(conn, adapter);
    const rows = await all(conn, `SELECT * FROM stg_${adapter.kind} ORDER BY _file, _line`);
    const quarantine = await all<StagedFile['quarantine'][number]>(conn, `SELECT file, line, "column", rule, message, raw FROM quarantine ORDER BY file, line`);
    return {
      conn,
      adapter,
      rowsIn,
      directTables,
      rows,
      quarantine,
      close: () => {
        conn.closeSync();
        instance.closeSync();
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (e) {
    conn.closeSync();
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
}
