// ITC Trade Map Excel exports → one landing row per reporter × year.
//
// A Trade Map sheet is a stack of blocks. Each block starts with a header row (`Importers | Imported value in
// 2005 | …`, `Exporters | Exported value in …`, or `Product code | Product label | imported value in 2005, US Dollar
// thousand | …`) followed by one row per reporter (or per product). Title rows above a block (`Product: 710210
// Diamonds, unsorted`, `IMPORTS`) say which product it is; when there is none, the sheet name does (`710210`,
// `Imports (7102)`, `710491-WORKED`). Values stay text here: staging types them, so a bad cell is quarantined with
// its sheet row instead of stopping the run.
import { landRows } from './landing.ts';
import { StructuralError, type Adapter, type InputTable, type LandContext, type Landed, type QuarantineRow } from './types.ts';
import { readRows, type TableRow } from './shared/project.ts';

export const TRADEMAP_COLUMNS = ['hs6', 'product_label', 'flow', 'reporter', 'year', 'value_usd_thousand'];

type Flow = 'import' | 'export';

/** A block header row, understood. */
export interface BlockHeader {
  /** `reporter`: one row per country (partner World); `product`: one row per product code, for one reporter. */
  layout: 'reporter' | 'product';
  flow: Flow;
  /** Value columns (0-based) and the year their header names; '' when the header names none. */
  years: { col: number; year: string; header: string }[];
}


const VALUE_HEADER = /\b(import|export)ed\s+value\s+in\b/i;

/** Recognises a block header row; null for any other row. */
export function parseBlockHeader(cells: string[]): BlockHeader | null {
  const first = (cells[0] ?? '').toLowerCase();
  const layout = /^(importers|exporters)$/.test(first)
    ? 'reporter'
    : first === 'product code' && (cells[1] ?? '').toLowerCase() === 'product label'
      ? 'product'
      : null;
  if (!layout) return null;
  const valueCells = cells.map((h, col) => ({ col, h })).filter(({ h }) => VALUE_HEADER.test(h));
  if (valueCells.length === 0) return null;
  const flow: Flow = VALUE_HEADER.exec(valueCells[0].h)![1].toLowerCase() === 'import' ? 'import' : 'export';
  const firstValueCol = layout === 'reporter' ? 1 : 2;
  const years = [];
  for (let col = firstValueCol; col < cells.length; col++) {
    const header = cells[col] ?? '';
    years.push({ col, year: /\bin\s+(\d{4})\b/i.exec(header)?.[1] ?? '', header });
  }
  return { layout, flow, years };
}

/**
 * The unit a header or title names, when it names one. Trade Map exports values in thousand US dollars; a file
 * exported in another unit would be off by a factor of 1000, so it stops the run rather than load wrong numbers.
 */
export function checkUnit(text: string, file: string, line: number): void {
  const unit = /value\s+in\s+\d{4}\s*,\s*(.+)$/i.exec(text)?.[1] ?? /^Unit\s*:\s*(.+)$/i.exec(text)?.[1];
  if (unit && !/^US Dollar thousand$/i.test(unit.trim())) {
    throw new StructuralError(file, `values are in "${unit.trim()}": expected Trade Map's "US Dollar thousand" (re-export the table in thousand USD)`, line);
  }
}

/** `Product: 710210 Diamonds, unsorted` → code and label. */
export function parseProductTitle(cell: string): { hs: string; label: string } | null {
  const m = /^Product\s*:\s*'?(\d{4}|\d{6})\b\s*(.*)$/i.exec(cell);
  return m ? { hs: m[1], label: m[2].trim() } : null;
}

/** The HS code a sheet name carries: `710210 `, `Imports (7102)`, `710491-WORKED`. */
export function hsFromSheetName(name: string | undefined): string | null {
  return /(?:^|\D)(\d{6}|\d{4})(?:\D|$)/.exec(name ?? '')?.[1] ?? null;
}

/** The reporter a title names (`List of products imported by India`), for the product layout. */
function reporterFromTitle(cell: string): string | null {
  return /\b(?:imported|exported)\s+by\s+(.+?)(?:\s+in\s+\d{4}.*)?$/i.exec(cell)?.[1] ?? null;
}

const nonEmpty = (cells: string[]) => cells.filter((c) => c !== '');

/** Whether a sheet (or CSV) holds at least one Trade Map block. */
export function isTradeMapTable(table: InputTable): boolean {
  const rows = table.sheetRows ?? table.headRows ?? [{ line: table.headerLine, cells: table.header }];
  return rows.some((r) => parseBlockHeader(r.cells) !== null);
}

/**
 * Unpivots the blocks of one sheet into landing rows [hs6, product_label, flow, reporter, year, value].
 * Title, marker and footnote rows are not data and produce nothing. A reporter row whose quoting is broken (CSV)
 * or whose cell holds no readable value (a formula without a saved result, an error value) is quarantined whole.
 */
export function unpivotBlocks(
  rows: TableRow[],
  file: string,
  sheet: string | undefined,
  sourceId = '',
): { rows: { line: number; cells: string[] }[]; quarantined: QuarantineRow[] } {
  const out: { line: number; cells: string[] }[] = [];
  const quarantined: QuarantineRow[] = [];
  const quarantine = (r: TableRow, column: string | null, rule: string, message: string) =>
    quarantined.push({ sourceId, file, line: r.line, column, rule, message, raw: r.text });
  let product: { hs: string; label: string } | null = null;
  let titleReporter: string | null = null;
  let block: BlockHeader | null = null;
  let blockLine = 0;
  for (const r of rows) {
    if (!r.cells) {
      quarantine(r, null, 'csv_malformed', r.broken ?? "the row's quotes do not parse");
      continue;
    }
    const cells = r.cells;
    const filled = nonEmpty(cells);
    if (filled.length === 0) continue;
    const header = parseBlockHeader(cells);
    if (header) {
      for (const y of header.years) checkUnit(y.header, file, r.line);
      block = header;
      blockLine = r.line;
      continue;
    }
    const title = filled.map(parseProductTitle).find((t) => t !== null);
    if (title) {
      product = title;
      block = null;
      continue;
    }
    if (filled.every((c) => /^(imports|exports)$/i.test(c))) {
      block = null;
      continue;
    }
    // Only the first cell filled and it reads like "Unit: …" or "Sources: …": a title or footnote, not a reporter.
    if (filled.length === 1 && cells[0] !== '' && cells[0].includes(':')) {
      if (/^Unit\s*:/i.test(cells[0])) checkUnit(cells[0], file, r.line);
      titleReporter = reporterFromTitle(cells[0]) ?? titleReporter;
      continue;
    }
    if (!block) {
      titleReporter = reporterFromTitle(filled[0]) ?? titleReporter;
      continue;
    }
    const span = block.years.length ? block.years[block.years.length - 1].col + 1 : cells.length;
    // Nothing inside the block's columns: a note typed beside the table, not a reporter.
    if (nonEmpty(cells.slice(0, span)).length === 0 && !r.problems?.some((p) => p.col < span)) continue;
    const problem = r.problems?.find((p) => p.col < span);
    if (problem) {
      quarantine(r, problem.col === 0 ? 'reporter' : 'value_usd_thousand', 'cell_unreadable', problem.reason);
      continue;
    }
    let hs: string;
    let label: string;
    let reporter: string;
    if (block.layout === 'product') {
      hs = (cells[0] ?? '').replace(/^'/, '');
      label = cells[1] ?? '';
      // Trade Map's product list has no reporter column; without a title naming one, the list is the world's.
      reporter = titleReporter ?? 'World';
    } else {
      const code = product?.hs ?? hsFromSheetName(sheet);
      if (!code) {
        throw new StructuralError(
          file,
          `cannot tell which product the block starting at row ${blockLine} is for: expected a "Product: <HS code> …" title row above it or an HS code in the sheet name`,
        );
      }
      hs = code;
      label = product?.label ?? '';
      reporter = cells[0] ?? '';
    }
    for (const y of block.years) {
      const value = cells[y.col] ?? '';
      // A value under a header without a year is still a figure someone typed: land it so staging reports it.
      if (y.year === '' && value === '') continue;
      out.push({ line: r.line, cells: [hs, label, block.flow, reporter, y.year || y.header, value] });
    }
    // Figures running on right after the header's last column belong to a year whose header is missing: land them
    // so staging reports them. Anything after a gap is a side note some authors keep beside the table.
    for (let col = span; col < cells.length && cells[col] !== ''; col++) {
      out.push({ line: r.line, cells: [hs, label, block.flow, reporter, '', cells[col]] });
    }
  }
  return { rows: out, quarantined };
}

export const adapter: Adapter = {
  kind: 'trademap',
  label: { zh: 'ITC Trade Map 贸易数据（按报告国）', en: 'ITC Trade Map (reporter totals)' },
  matches: isTradeMapTable,
  landingColumns: TRADEMAP_COLUMNS,
  requiredColumns: ['hs6', 'flow', 'reporter', 'year', 'value_usd_thousand'],
  async land(table: InputTable, ctx: LandContext): Promise<Landed> {
    const rows = await readRows(table, { afterLine: 0, clean: true });
    const { rows: cells, quarantined } = unpivotBlocks(rows, table.relPath, table.sheet, ctx.declaration.id);
    const landed = await landRows(cells, TRADEMAP_COLUMNS, ctx.landingPath);
    return { ...landed, rowsIn: cells.length + quarantined.length, quarantined };
  },
};
