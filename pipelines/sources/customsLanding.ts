// Landing for the customs adapters: rows projected onto the canonical columns as they stream past (so an enterprise
// extract's unused columns, which may hold personal data, never reach a landing file, and memory stays flat on
// multi-GB extracts), or, for a clean CSV, the file itself handed to DuckDB (see directCsv.ts).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvCell } from './landing.ts';
import type { InputTable, Landed, QuarantineRow } from './types.ts';
import { usedColumns, type HeaderMap } from './shared/header.ts';
import { forEachRow, projector } from './shared/project.ts';
import { countLines, transcodeToUtf8 } from './directCsv.ts';

export interface CustomsLandOptions {
  sourceId: string;
  constants: Record<string, string>;
}

/**
 * Lands a CSV or sheet row by row, keeping only canonical columns. CSV records are one per line: an unclosed quote
 * then costs one quarantined row instead of swallowing the rest of the file. A row of empty cells is landed, and
 * staging reports what it lacks.
 */
export async function landProjected(table: InputTable, map: HeaderMap, outPath: string, o: CustomsLandOptions): Promise<Landed> {
  const used = usedColumns(map);
  const project = projector(table, map, { sourceId: o.sourceId, skipBlank: 'none', aligned: true });
  const quarantined: QuarantineRow[] = [];
  let rowsIn = 0;
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  out.write(`${['_line', ...used.map((u) => u.name)].map(csvCell).join(',')}\n`);
  // Lines are gathered per input block and written after it.
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length && !out.write(batch.join(''))) await once(out, 'drain');
    batch = [];
  };
  await forEachRow(
    table,
    (r) => {
      const p = project(r);
      if (p === null) return;
      rowsIn++;
      if ('quarantined' in p) quarantined.push(p.quarantined);
      else batch.push(`${p.line},${p.cells.map(csvCell).join(',')}\n`);
    },
    { onChunk: flush },
  );
  await flush();
  out.end();
  await once(out, 'finish');
  return { csvPath: outPath, columns: ['_line', ...used.map((u) => u.name)], headerLines: 1, rowsIn, constants: o.constants, quarantined };
}

/**
 * Hands a CSV to DuckDB to parse directly (see directCsv.ts), or returns null when DuckDB could not read it as the
 * line reader does: a header below line 1, a TAB delimiter, CR-only line breaks or UTF-16 (DuckDB would split or
 * decode differently), or GBK bytes that do not decode (the line-by-line path then names the line).
 */
export async function landCsvDirect(table: InputTable, map: HeaderMap, workPath: string, o: CustomsLandOptions): Promise<Landed | null> {
  if (table.headerLine !== 1 || (table.lineBreak ?? 'lf') !== 'lf' || (table.delimiter ?? ',') !== ',') return null;
  const encoding = table.encoding ?? 'utf-8';
  if (encoding !== 'utf-8' && encoding !== 'gb18030') return null;
  let csvPath = table.path;
  if (encoding === 'gb18030') {
    if (!(await transcodeToUtf8(table.path, workPath))) return null;
    csvPath = workPath;
  }
  return {
    csvPath,
    columns: usedColumns(map).map((u) => u.name),
    headerLines: table.headerLine,
    // Set once the lines are counted, which the loader does while DuckDB parses the file.
    rowsIn: 0,
    constants: o.constants,
    direct: { fileColumns: map.names, labels: table.header, countLines: () => countLines(csvPath, table.headerLine) },
  };
}
