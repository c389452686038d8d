// The cluster's configuration (data/cluster.json, or data/clusters/<id>/cluster.json when the build runs with
// CLUSTER=<id>: astro.config.mjs points '#cluster-config' at it): names, reference year, parks, industries, and the
// texts of the indicators that name the cluster's products. One place, so the site describes another cluster when
// that file changes.
import config from '#cluster-config';
import type { Text } from './i18n.ts';

export interface Park {
  id: string;
  name: Text;
}

/** Two or more sets of HS groups drawn against each other (natural against lab-grown stones, say). */
export interface GroupComparison {
  id: string;
  title: Text;
  subtitle?: Text;
  subject: Text;
  notes?: Text;
  series: { id: string; name: Text; groups: string[] }[];
}

/** An export or import unit value (USD per carat) of one group, district against China. */
export interface UnitValueIndicator {
  id: string;
  group: string;
  flow: 'import' | 'export';
  title: Text;
  subtitle?: Text;
  subject: Text;
}

/** Main exporters or importers of one HS heading in ITC Trade Map exports (an optional input). */
export interface TradeMapIndicator {
  id: string;
  hs: string;
  flow: 'import' | 'export';
  title: Text;
  subtitle?: Text;
  subject: Text;
}

/**
 * One pair's mirror trade (mart_mirror_trade, from UN Comtrade exports): the importer's reported imports beside the
 * exporter's reported exports of one group (with `group`), or the mirror ratio of every group (without).
 */
export interface MirrorIndicator {
  id: string;
  group?: string;
  /** ISO 3166 alpha-3 codes of the pair. */
  importer: string;
  exporter: string;
  title: Text;
  subtitle?: Text;
  subject: Text;
  notes?: Text;
}

/** A rough group cut into a polished group (cluster.json processingTrade.chains). */
export interface ProcessingChain {
  id: string;
  name: Text;
  rough: string;
  polished: string;
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
  /** The aggregate of the headline groups, with the word the indicator texts use for it ("钻石" / "diamond"). */
  totalGroup: {
    id: string;
    name: Text;
    groups: string[];
    slug: string;
    tradeLabel: Text;
    noun: Text;
    /** Whether the goods are counted in carats (gemstones): the methods page then explains unit values per carat. */
    carats?: boolean;
  };
  /** The groups of the by-product share chart and the trade explorer, in menu order. */
  headlineGroups: string[];
  parks: Park[];
  otherParkId: string;
  otherParkName: Text;
  industries: { core: string[]; related: string[]; names: Record<string, Text> };
  /** Cutting chains measured in processing trade; absent for a cluster without them (no such indicators). */
  processingTrade?: { chains: ProcessingChain[]; focusChain: string; rivalPartner?: { code: string; name: Text } };
  /** Named 注册地 of the province's customs statistics (mart_peer_places); absent: no peer-place indicators. */
  customsPlaces?: { places: { code: string; name: Text; district?: boolean }[] };
  /** Processing and supporting-service firms by industry code and scope keywords (pipelines/config.ts FirmKinds). */
  firmKinds?: { processing: { name: Text }; services: { id: string; name: Text }[] };
  /** Site texts that describe this cluster (translation keys of src/lib/i18n.ts). */
  site: { title: Text; tradeLead: Text };
  indicators: {
    /** The core industry as indicator subtitles name it ("珠宝首饰及有关物品制造（2438）"). */
    coreIndustry: Text;
    /** What the total group holds, under the district-share indicator. */
    totalNote?: Text;
    /** Why trade modes matter for this industry, under the trade-modes indicator. */
    tradeModeNote?: Text;
    comparisons?: GroupComparison[];
    unitValues?: UnitValueIndicator[];
    tradeMap?: TradeMapIndicator[];
    mirror?: MirrorIndicator[];
    mirrorRatio?: MirrorIndicator;
  };
  /** The source kinds the cluster's extracts come in (pipelines/sources/types.ts); absent: all of them. */
  sourceKinds?: string[];
}

export const cluster = config as unknown as ClusterConfig;

export function districtCode(): string {
  return cluster.regions.find((r) => r.level === 'district')?.code ?? '';
}

/** The parks plus the "elsewhere in the district" bucket, with their names. */
export function parkNames(): Record<string, Text> {
  return Object.fromEntries([...cluster.parks.map((p) => [p.id, p.name]), [cluster.otherParkId, cluster.otherParkName]]);
}

/** The published column of the total group's trade per park (mart_park_year), named by the pipeline from the slug. */
export function totalGroupTradeColumn(): string {
  return `${cluster.totalGroup.slug}_trade_value_usd`;
}
