// Employment: a statistical-yearbook table (merged two-row header, title and footnote rows) and a per-firm
// headcount file. The yearbook counts every workshop, so it is kept above the sum of the firms' headcounts.
import { YEARS, interpolate } from './calibration.ts';
import type { Firm } from './firms.ts';
import type { SampleContext, SampleProfile } from './profile.ts';
import type { Rng } from './prng.ts';
import type { CsvTable, WorkbookTable } from './tables.ts';
import type { CellValue } from './xlsx.ts';

export const HEADCOUNT_HEADER = ['统一社会信用代码', '年份', '从业人员'];

/** Only the profile's headcount industries (manufacturing), as social-insurance extracts usually are. */
export function headcountCsv(p: SampleProfile, relPath: string, firms: Firm[]): CsvTable {
  const rows: string[][] = [];
  for (const f of firms) {
    if (!p.headcountIndustries.includes(f.industry)) continue;
    for (const y of YEARS) if (f.staff[y] !== undefined) rows.push([f.uscc, String(y), String(f.staff[y])]);
  }
  return { format: 'csv', relPath, header: HEADCOUNT_HEADER, rows, encoding: 'utf-8' };
}

export function yearbookPersons(p: SampleProfile, firms: Firm[], rng: Rng): Record<string, Record<number, number>> {
  const out: Record<string, Record<number, number>> = {};
  for (const [code, anchors] of Object.entries(p.yearbookPersons)) {
    out[code] = {};
    for (const y of YEARS) {
      const firmSum = firms.filter((f) => f.industry === code).reduce((s, f) => s + (f.staff[y] ?? 0), 0);
      const v = interpolate(anchors, y) * (1 + 0.02 * rng.gauss());
      out[code][y] = Math.round(Math.max(v, firmSum * 1.3) / 10) * 10;
    }
  }
  return out;
}

export function yearbookWorkbook(ctx: SampleContext, relPath: string, persons: Record<string, Record<number, number>>): WorkbookTable {
  const district = ctx.cluster.regions.find((r) => r.level === 'district')!.name.zh;
  const width = YEARS.length + 1;
  const pad = (cells: CellValue[]) => [...cells, ...Array(width - cells.length).fill(null)];
  const rows: CellValue[][] = [
    pad([`${district}分行业从业人员（示例数据）`]),
    pad([...Array(width - 1).fill(null), '单位：人']),
    pad(['行业', '年份']),
    pad([null, ...YEARS.map(String)]),
    ...Object.entries(persons).map(([code, byYear]) => [`${code} ${ctx.profile.industries[code].name}`, ...YEARS.map((y) => byYear[y])]),
    pad(['注：本表为合成示例数据，用于演示数据管线，不代表官方统计。行业按《国民经济行业分类》（GB/T 4754-2017）小类。']),
  ];
  const last = String.fromCharCode(64 + width);
  const foot = rows.length;
  return {
    format: 'xlsx',
    relPath,
    sheets: [{
      name: '从业人员',
      rows,
      merges: [`A1:${last}1`, 'A3:A4', `B3:${last}3`, `A${foot}:${last}${foot}`],
      columnWidths: [34, ...YEARS.map(() => 9)],
    }],
  };
}
