// What a table step hands to publishing: its catalog documentation and conversions (kept with its files when the
// table is fresh, so the code that makes them is part of the table's key), and the non-mart tables made ready.
import { REFERENCE_TABLES } from '../reference.ts';
import { REFERENCE_DOCS, QUARANTINE_DOC } from '../publish/extraDocs.ts';
import { usdConversionOf } from '../usdConversion.ts';
import { exec, type Conn } from '../lib/duck.ts';
import type { PublishTable, FileReconciliation } from '../publish/publish.ts';
import type { TableSchema } from '../checks.ts';

export function martTable(name: string, doc: TableSchema, key: string, reuse: boolean, models: { name: string; sql: string }[], files: FileReconciliation[]): PublishTable {
  return { name, doc, layer: 'mart', key, sorted: true, reuse, usdConversion: usdConversionOf(name, doc, models, files) };
}

export function referenceTable(name: string, key: string, reuse: boolean): PublishTable {
  return { name, doc: REFERENCE_DOCS[name] as TableSchema, layer: 'reference', key, sorted: false, reuse };
}

export function quarantineTable(key: string, reuse: boolean): PublishTable {
  return { name: 'quality_quarantine', doc: QUARANTINE_DOC, layer: 'quality', key, sorted: false, reuse };
}

/** The quarantine and reference tables as plain tables, as they are published. */
export async function prepareNonMartTables(conn: Conn): Promise<void> {
  await exec(conn, `CREATE OR REPLACE TABLE quality_quarantine AS SELECT * FROM quarantine`);
  for (const r of REFERENCE_TABLES) await exec(conn, `ALTER TABLE ${r.table} RENAME TO ${r.table}__tmp; CREATE TABLE ${r.table} AS SELECT * FROM ${r.table}__tmp; DROP TABLE ${r.table}__tmp`);
}
