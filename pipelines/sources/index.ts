// The source adapters, in the order detection asks them (first match wins).
import type { Adapter, InputTable, SourceKind } from './types.ts';
import { adapter as customsStats } from './customsStats.ts';
import { adapter as enterpriseCustoms } from './enterpriseCustoms.ts';
import { adapter as tradeMap } from './tradeMap.ts';
import { adapter as kimberley } from './kimberley.ts';
import { adapter as registry } from './registry.ts';
import { adapter as employmentYearbook } from './employmentYearbook.ts';
import { adapter as employmentFirms } from './employmentFirms.ts';

export const ADAPTERS: Adapter[] = [customsStats, enterpriseCustoms, tradeMap, kimberley, registry, employmentYearbook, employmentFirms];

export function adapterFor(kind: SourceKind): Adapter {
  const a = ADAPTERS.find((x) => x.kind === kind);
  if (!a) throw new Error(`No adapter for ${kind}`);
  return a;
}

export function detectAdapter(table: InputTable): Adapter | null {
  return ADAPTERS.find((a) => a.matches(table)) ?? null;
}
