// Test-only: reads the generated customs files back into totals per level and month × code × flow (USD),
// skipping the rows a pipeline would quarantine, so the levels can be compared the way the dashboard will.
import { CNY_PER_USD } from '../../../pipelines/generate/calibration.ts';
import { defaultSampleContext } from '../../../pipelines/generate/profile.ts';
import { PATHS } from '../../../pipelines/generate/sources.ts';
import { anyTable, parseAmount } from './sampleReader.ts';

export type Totals = Map<string, number>;
export interface Levels {
  nation: Totals;
  province: Totals;
  city: Totals;
  district: Totals;
}

const KNOWN_HS = new Set(defaultSampleContext().profile.products.map((p) => p.hs8));
const FLOW_OF: Record<string, 'import' | 'export'> = { 进口: 'import', 出口: 'export' };

interface FileSpec {
  path: string;
  level: keyof Levels | 'place';
  flow?: 'import' | 'export';
}

const SPECS: FileSpec[] = [
  { path: PATHS.nationalImport, level: 'nation', flow: 'import' },
  { path: PATHS.nationalExport, level: 'nation', flow: 'export' },
  { path: PATHS.provinceImport, level: 'place', flow: 'import' },
  { path: PATHS.provinceImportXlsx, level: 'place', flow: 'import' },
  { path: PATHS.provinceExportCny, level: 'place', flow: 'export' },
  { path: PATHS.provinceExportXlsx, level: 'place', flow: 'export' },
  { path: PATHS.enterpriseCsv, level: 'district' },
  { path: PATHS.enterpriseXlsx, level: 'district' },
];

export async function readLevels(files: Map<string, Buffer>): Promise<Levels> {
  const levels: Levels = { nation: new Map(), province: new Map(), city: new Map(), district: new Map() };
  const add = (t: Totals, k: string, v: number) => t.set(k, (t.get(k) ?? 0) + v);
  for (const spec of SPECS) {
    const table = await anyTable(spec.path, files.get(spec.path)!);
    const col = (name: string) => table.header.indexOf(name);
    const [iPeriod, iHs, iPlace, iFlow, iUscc] = [col('数据年月'), col('商品编码'), col('注册地编码'), col('进出口'), col('统一社会信用代码')];
    const [iQty] = [col('第一数量') >= 0 ? col('第一数量') : col('数量')];
    const iUsd = col('美元');
    const iCny = col('人民币');
    const width = table.header.length;
    const seen = new Set<string>();
    for (const { cells } of table.rows) {
      const raw = cells.join('\u0001');
      if (seen.has(raw)) continue;
      seen.add(raw);
      // Customs CSVs have a trailing empty column; sheets drop trailing empties.
      if (spec.path.endsWith('.csv') && cells.length !== width) continue;
      const period = cells[iPeriod];
      if (!/^\d{6}$/.test(period) || +period.slice(4) < 1 || +period.slice(4) > 12) continue;
      if (!KNOWN_HS.has(cells[iHs])) continue;
      const qty = parseAmount(cells[iQty]);
      if (qty === null || qty < 0) continue;
      if (iUscc >= 0 && !/^[0-9A-Z]{18}$/.test(cells[iUscc])) continue;
      const year = Number(period.slice(0, 4));
      const amount = iUsd >= 0 ? parseAmount(cells[iUsd]) : parseAmount(cells[iCny]);
      if (amount === null || amount < 0) continue;
      const usd = iUsd >= 0 ? amount : amount / CNY_PER_USD[year];
      const flow = spec.flow ?? FLOW_OF[cells[iFlow]];
      const key = `${period}|${cells[iHs]}|${flow}`;
      if (spec.level === 'place') {
        add(levels.province, key, usd);
        if (cells[iPlace].startsWith('4401')) add(levels.city, key, usd);
      } else add(levels[spec.level], key, usd);
    }
  }
  return levels;
}
