// The build-time data context for pages and endpoints: the published folder plus the mart SQL, read once.
import { loadAllMartSql, loadCatalog, loadQuality, loadTable } from './publishedData.ts';
import { cluster } from './cluster.ts';
import type { IndicatorData } from './indicatorModel.ts';

let data: IndicatorData | null = null;

export function siteData(): IndicatorData {
  data ??= {
    catalog: loadCatalog(),
    quality: loadQuality(),
    martSql: loadAllMartSql(),
    loadTable,
    refYear: cluster.referenceYear,
  };
  return data;
}
