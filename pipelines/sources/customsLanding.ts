// Landing for the customs adapters when columns must be dropped on the way: a workbook sheet (always), and an
// enterprise CSV whose unused columns may hold personal data that must never reach a landing file.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvCell, forEachLine, landRows } from './landing.ts';
import type { InputTable, Landed, QuarantineRow } from './types.ts';
import { alignsWithHeader, usedColumns, type HeaderMap } from './customsColumns.ts';
import { countLines, transcodeToUtf8 } from './directCsv.ts';

export interface ProjectOptions {
  sourceId: string;
  constants: Record<string, string>;
  /** True when the file has columns that are not landed: a misaligned row's raw text is then withheld. */
  withholdRaw: boolean;
}

const WITHHELD = '(raw text withheld: the file has columns that are not landed)';

function misaligned(table: InputTable, line: number, cells: string[] | null, names: string[], o: ProjectOptions, rawText?: string): QuarantineRow {
  return {
    sourceId: o.sourceId,
    file: table.relPath,
    line,
    column: null,
    rule: 'csv_malformed',
    message: cells
      ? `row has ${cells.length} cells but the header has ${names.length}: its cells cannot be matched to columns`
      : 'a quoted cell is not closed on its line',
    raw: o.withholdRaw ? WITHHELD : (rawText ?? cells?.join(',') ?? ''),
  };
}

/**
 * The cells of one CSV line (RFC 4180 quoting), or null when a quote does not close or text follows a closing
 * quote. Parsing line by line keeps an unterminated quote from swallowing the rest of the file, which would lose
 * rows instead of quarantining one. Blanks before an opening quote are allowed: exports put a tab there to force
 * text in Excel.
 */
export function splitCsvLine(text: string): string[] | null {
  if (!text.includes('"')) return text.split(',');
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    const open = /^[ \t]*"/.exec(text.slice(i, i + 64));
    if (open) {
      let value = '';
      let j = i + open[0].length;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return null;
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      if (j < text.length && text[j] !== ',') return null;
      cells.push(value);
      if (j >= text.length) return cells;
      i = j + 1;
    } else {
      const comma = text.indexOf(',', i);
      const cell = comma < 0 ? text.slice(i) : text.slice(i, comma);
      if (cell.includes('"')) return null;
      cells.push(cell);
      if (comma < 0) return cells;
      i = comma + 1;
    }
  }
}

/** Lands the rows under a sheet's header, keeping only canonical columns; misaligned rows are quarantined here. */
export async function landSheetProjected(table: InputTable, map: HeaderMap, outPath: string, o: ProjectOptions): Promise<Landed> {
  const used = usedColumns(map);
  const rows: { line: number; cells: string[] }[] = [];
  const quarantined: QuarantineRow[] = [];
  for (const r of (table.sheetRows ?? []).filter((x) => x.line > table.headerLine)) {
    if (alignsWithHeader(r.cells, map.names)) rows.push({ line: r.line, cells: used.map((u) => r.cells[u.index] ?? '') });
    else quarantined.push(misaligned(table, r.line, r.cells, map.names, o));
  }
  const landed = await landRows(rows, used.map((u) => u.name), outPath, o.constants);
  return { ...landed, rowsIn: rows.length + quarantined.length, quarantined };
}

/**
 * Lands a CSV cell by cell, keeping only canonical columns, so that nothing the pipeline does not use is
 * written anywhere. Parsing happens here, not in DuckDB, so rows whose cells do not line up are quarantined here.
 */
export async function landCsvProjected(table: InputTable, map: HeaderMap, outPath: string, o: ProjectOptions): Promise<Landed> {
  const used = usedColumns(map);
  const quarantined: QuarantineRow[] = [];
  let rowsIn = 0;
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  out.write(`${['_line', ...used.map((u) => u.name)].map(csvCell).join(',')}\n`);
  // Lines are gathered per input block and written after it, so memory stays flat on multi-GB extracts.
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length && !out.write(batch.join(''))) await once(out, 'drain');
    batch = [];
  };
  await forEachLine(
    table.path,
    table.relPath,
    table.encoding ?? 'utf-8',
    (text, n) => {
      if (n <= table.headerLine || text.trim() === '') return;
      rowsIn++;
      const cells = splitCsvLine(text);
      if (!cells || !alignsWithHeader(cells, map.names)) {
        quarantined.push(misaligned(table, n, cells, map.names, o, text));
      } else {
        batch.push(`${n},${used.map((u) => csvCell(cells[u.index] ?? '')).join(',')}\n`);
      }
    },
    flush,
  );
  out.end();
  await once(out, 'finish');
  return { csvPath: outPath, columns: ['_line', ...used.map((u) => u.name)], headerLines: 1, rowsIn, constants: o.constants, quarantined };
}

/**
 * Hands a CSV to DuckDB to parse directly (see directCsv.ts), or returns null when the file cannot be read that
 * way: a header below line 1, or GBK bytes that do not decode (the line-by-line path then names the line).
 */
export async function landCsvDirect(table: InputTable, map: HeaderMap, workPath: string, o: ProjectOptions): Promise<Landed | null> {
  if (table.headerLine !== 1) return null;
  let csvPath = table.path;
  if (table.encoding === 'gb18030') {
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
    direct: { fileColumns: map.names, countLines: () => countLines(csvPath, table.headerLine) },
  };
}
