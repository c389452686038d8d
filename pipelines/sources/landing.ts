// Landing CSVs: what adapters hand DuckDB. Landing files keep the source's physical line numbers in a "_line"
// column, so every quarantine row and every DuckDB reject points at the line a person can open in the original file.
// Reading extracts (CSV records, workbook cells, headers) lives in shared/.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Landed } from './types.ts';

// Discovery reads headers with the same readers the adapters use for rows.
export { sniffCsv } from './shared/records.ts';
export { readWorkbook, type Sheet } from './shared/workbook.ts';

/** Quotes a value for the landing CSV. */
export function csvCell(v: string | number | null | undefined): string {
  if (v == null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows already in memory (from a sheet or a reshaped table) as a landing CSV with "_line". */
export async function landRows(
  rows: { line: number; cells: (string | null)[] }[],
  columns: string[],
  outPath: string,
  constants: Record<string, string> = {},
): Promise<Landed> {
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  out.write(['_line', ...columns].map(csvCell).join(',') + '\n');
  for (const r of rows) {
    const cells = columns.map((_, i) => csvCell(r.cells[i] ?? null));
    if (!out.write(`${r.line},${cells.join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { csvPath: outPath, columns: ['_line', ...columns], headerLines: 1, rowsIn: rows.length, constants };
}
