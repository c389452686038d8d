// A small, independent reader for the generated sample, used only by the generator's tests: it parses the
// files the way a consumer would (bytes → text → cells), so the tests check the files, not the generator's
// in-memory model.
import ExcelJS from 'exceljs';

export function decodeCsv(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gb18030'; bom: boolean } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8', bom };
  } catch {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030', bom };
  }
}

/** RFC 4180 fields of one line (no embedded newlines occur in the sample). Cells are returned raw (tabs kept). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

export interface Table {
  header: string[];
  /** Data rows with their 1-based line (CSV) or row number (sheet). */
  rows: { line: number; cells: string[] }[];
}

export function csvTable(bytes: Buffer): Table {
  const lines = decodeCsv(bytes).text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const clean = (cells: string[]) => cells.map((c) => c.replace(/^\t/, ''));
  return {
    header: clean(splitCsvLine(lines[0])),
    rows: lines.slice(1).map((l, i) => ({ line: i + 2, cells: clean(splitCsvLine(l)) })),
  };
}

/** All sheets of a workbook as text cells. */
export async function workbookRows(bytes: Buffer): Promise<{ name: string; rows: { line: number; cells: string[] }[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: { line: number; cells: string[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = c.value == null ? '' : String(c.value)));
      rows.push({ line: n, cells: Array.from(cells, (c) => c ?? '') });
    });
    return { name: ws.name, rows };
  });
}

export async function anyTable(path: string, bytes: Buffer): Promise<Table> {
  if (path.endsWith('.csv')) return csvTable(bytes);
  const [sheet] = await workbookRows(bytes);
  return { header: sheet.rows[0].cells, rows: sheet.rows.slice(1) };
}

/** "1,234.5" → 1234.5; null when not a number (N/A, blanks). */
export function parseAmount(s: string | undefined): number | null {
  if (s == null) return null;
  const t = s.replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}
