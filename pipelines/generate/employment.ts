// Employment: a statistical-yearbook table (merged two-row header, title and footnote rows) and a per-firm
// headcount file. The yearbook counts every workshop, so it is kept above the sum of the firms' headcounts.
import { YEARS, interpolate, type Anchors } from './calibration.ts';
import type { Firm } from './firms.ts';
import type { ReferenceEmployment, SampleContext, SampleProfile } from './profile.ts';
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

/** Persons of all industries (the 合计 row) per year, from anchors, with the same noise as the industry rows. */
export function totalPersons(anchors: Anchors, rng: Rng, step = 10): Record<number, number> {
  const out: Record<number, number> = {};
  for (const y of YEARS) out[y] = Math.round((interpolate(anchors, y) * (1 + 0.01 * rng.gauss())) / step) * step;
  return out;
}

/**
 * A reference region's table (city, province or nation yearbook): its 合计 and the same industry classes as the
 * district's, so location quotients and shift-share have their denominators. A 万人 table gives two decimals.
 */
export function referenceTable(ctx: SampleContext, ref: ReferenceEmployment, relPath: string, rng: Rng): WorkbookTable {
  const region = ctx.cluster.regions.find((r) => r.level === ref.level);
  if (!region) throw new Error(`sample profile: referenceEmployment names level "${ref.level}", which cluster.json's regions lack`);
  const wan = ref.unit === '万人';
  const round = (v: number) => (wan ? Math.round(v / 100) / 100 : Math.round(v / 10) * 10);
  const rows: Record<string, Record<number, number>> = { 合计: {} };
  const total = totalPersons(ref.total, rng);
  for (const y of YEARS) rows['合计'][y] = round(total[y]);
  for (const [code, anchors] of Object.entries(ref.industries)) {
    rows[code] = {};
    for (const y of YEARS) rows[code][y] = round(interpolate(anchors, y) * (1 + 0.02 * rng.gauss()));
  }
  return yearbookWorkbook(ctx, relPath, rows, { regionName: region.name.zh, unit: ref.unit, title: ref.title });
}

export function yearbookWorkbook(
  ctx: SampleContext,
  relPath: string,
  persons: Record<string, Record<number, number>>,
  opts: { regionName?: string; unit?: '人' | '万人'; title?: string } = {},
): WorkbookTable {
  const district = opts.regionName ?? ctx.cluster.regions.find((r) => r.level === 'district')!.name.zh;
  const width = YEARS.length + 1;
  const pad = (cells: CellValue[]) => [...cells, ...Array(width - cells.length).fill(null)];
  const rows: CellValue[][] = [
    pad([`${district}${opts.title ?? '分行业从业人员'}（示例数据）`]),
    pad([...Array(width - 1).fill(null), `单位：${opts.unit ?? '人'}`]),
    pad(['行业', '年份']),
    pad([null, ...YEARS.map(String)]),
    ...Object.entries(persons).map(([code, byYear]) => [code === '合计' ? '合计' : `${code} ${ctx.profile.industries[code].name}`, ...YEARS.map((y) => byYear[y])]),
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
