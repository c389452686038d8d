// The source adapters, asked in the one detection order (SOURCE_KINDS in types.ts; first match wins).
import { SOURCE_KINDS, type Adapter, type InputTable, type SourceKind } from './types.ts';
import { adapter as customsStats } from './customsStats.ts';
import { adapter as enterpriseCustoms } from './enterpriseCustoms.ts';
import { adapter as tradeMap } from './tradeMap.ts';
import { adapter as kimberley } from './kimberley.ts';
import { adapter as registry } from './registry.ts';
import { adapter as employmentYearbook } from './employmentYearbook.ts';
import { adapter as employmentFirms } from './employmentFirms.ts';
import { adapter as comtrade } from './comtrade.ts';

const BY_KIND: Record<SourceKind, Adapter> = {
  customs_stats: customsStats,
  enterprise_customs: enterpriseCustoms,
  trademap: tradeMap,
  kimberley,
  registry,
  employment_yearbook: employmentYearbook,
  employment_firms: employmentFirms,
  comtrade,
};

export const ADAPTERS: Adapter[] = SOURCE_KINDS.map((k) => BY_KIND[k]);

export function detectAdapter(table: InputTable): Adapter | null {
  return ADAPTERS.find((a) => a.matches(table)) ?? null;
}
