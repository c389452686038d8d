// The cluster's configuration (data/cluster.json): names, reference year, parks, industries. One place, so the
// site describes another cluster when that file changes.
import config from '../../data/cluster.json';
import type { Text } from './i18n.ts';

export interface Park {
  id: string;
  name: Text;
}

export interface ClusterConfig {
  id: string;
  name: Text;
  shortName: Text;
  industryName: Text;
  /** The year changes are measured against ("ten-plus years ago"). */
  referenceYear: number;
  firstYear: number;
  regions: { level: string; code: string; name: Text }[];
  hsGroups: { id: string; name: Text; hs6: string[]; note?: Text }[];
  diamondGroups: string[];
  parks: Park[];
  otherParkId: string;
  otherParkName: Text;
  industries: { core: string[]; related: string[]; names: Record<string, Text> };
}

export const cluster = config as unknown as ClusterConfig;

export function districtCode(): string {
  return cluster.regions.find((r) => r.level === 'district')?.code ?? '';
}

/** The parks plus the "elsewhere in the district" bucket, with their names. */
export function parkNames(): Record<string, Text> {
  return Object.fromEntries([...cluster.parks.map((p) => [p.id, p.name]), [cluster.otherParkId, cluster.otherParkName]]);
}
