// Writing workbooks byte-for-byte reproducibly. ExcelJS stamps the current time twice: in docProps/core.xml
// (workbook created/modified) and in every zip entry's DOS timestamp. Both are pinned here, so the committed
// .xlsx files do not change when the sample is regenerated.
import ExcelJS from 'exceljs';

/** 1980-01-01 00:00, the earliest DOS date: an obviously "no real timestamp" value. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

/** Overwrites the modification time of every entry (local headers and central directory) in a zip buffer. */
export function pinZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('zip central directory is corrupt');
    out.writeUInt16LE(DOS_TIME, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('zip local header is corrupt');
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

export type CellValue = string | number | null;

/** One sheet: rows of cells, plus merged ranges such as "A3:A4" for yearbook-style headers. */
export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  merges?: string[];
  columnWidths?: number[];
}

export async function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cluster-dashboard sample generator';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r.map((v) => (v === null ? undefined : v)));
    for (const m of s.merges ?? []) ws.mergeCells(m);
    s.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return pinZipTimestamps(buf);
}
