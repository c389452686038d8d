// The cluster configuration (data/cluster.json): its types, loading and validation.
// Nothing else in the code names an HS code, industry code, region or park: it reads them from here.
import { readFileSync } from 'node:fs';

export interface Bilingual {
  zh: string;
  en: string;
}

export type RegionLevel = 'nation' | 'province' | 'city' | 'district';

export interface Region {
  level: RegionLevel;
  /** GB/T 2260 code (000000 for the nation). */
  code: string;
  name: Bilingual;
  /** Prefixes of the customs 注册地编码 that make up this region in public customs statistics. */
  customsPlacePrefixes?: string[];
}

export interface HsGroup {
  id: string;
  name: Bilingual;
  /** HS 6-digit codes; customs 8/10-digit codes belong to the group of their first six digits. */
  hs6: string[];
  note?: Bilingual;
}

export interface Park {
  id: string;
  name: Bilingual;
  /** NBS 9-digit street/town codes the park lies in. */
  streets: string[];
  /** Substrings of a registered address (住所) that place a firm in this park; first park to match wins. */
  addressKeywords: string[];
}

export interface Band {
  id: string;
  min: number;
  max: number | null;
  name: Bilingual;
}

/** Firms told apart by industry code (GB/T 4754; empty: any) and business-scope (经营范围) keywords, any one of which matches. */
export interface FirmKind {
  name: Bilingual;
  industryCodes: string[];
  scopeKeywords: string[];
}

export interface FirmKinds {
  /** The cluster's processing firms (the tracker's firm count, largest firm and top five). */
  processing: FirmKind;
  /** Supporting services, counted by kind and park. */
  services: (FirmKind & { id: string })[];
}

export interface TotalGroup {
  /** Group id of the aggregate in mart_trade_share and the other trade marts. */
  id: string;
  name: Bilingual;
  /** The groups it sums. */
  groups: string[];
  /** One word for column and indicator names (mart_park_year.<slug>_trade_value_usd). */
  slug: string;
  /** What the aggregate's trade is called in a column heading ("钻石进出口"). */
  tradeLabel: Bilingual;
  /** Whether its quantities are counted in carats (gemstones); mart quantity_carats stays NULL otherwise. */
  carats?: boolean;
}

export interface ClusterConfig {
  id: string;
  name: Bilingual;
  shortName: Bilingual;
  industryName: Bilingual;
  /** The year "change since" figures compare against. */
  referenceYear: number;
  firstYear: number;
  regions: Region[];
  hsGroups: HsGroup[];
  /** The headline aggregate of several groups (its own group id in the trade marts). */
  totalGroup: TotalGroup;
  /** Source kinds this cluster has extracts for; marts reading only other kinds are not built (default: all). */
  sourceKinds?: string[];
  /** The division-code table under data/reference/ that covers the district (loaded as ref_division). */
  divisionsFile?: string;
  hsNames: Record<string, Bilingual>;
  industries: { core: string[]; related: string[]; names: Record<string, Bilingual> };
  /** Processing and supporting-service firms by industry code and business-scope keywords (absent: none counted). */
  firmKinds?: FirmKinds;
  parks: Park[];
  otherParkId: string;
  otherParkName: Bilingual;
  tradeModes: { processing: string[]; general: string[] };
  partnersOfInterest: string[];
  /** Cutting chains measured in processing trade (mart_processing_*); absent: those marts are not built. */
  processingTrade?: ProcessingTrade;
  /** 注册地 of the province's customs statistics named and compared in mart_peer_places; absent: not built. */
  customsPlaces?: { places: CustomsPlace[] };
  firmSizeBands: Band[];
  capitalBandsWan: Band[];
}

/** A rough group cut into a polished group: what processing trade turns imported material into. */
export interface ProcessingChain {
  id: string;
  name: Bilingual;
  rough: string;
  polished: string;
}

export interface ProcessingTrade {
  chains: ProcessingChain[];
  /** The chain the plan grows (its indicators head the tracker). */
  focusChain: string;
  /** The customs partner where the chain's processing orders went, and whose orders the plan wants back. */
  rivalPartner?: { code: string; name: Bilingual };
}

export interface CustomsPlace {
  /** 注册地编码 as the customs statistics print it. */
  code: string;
  name: Bilingual;
  /** The district's own place. */
  district?: boolean;
}

export class ConfigError extends Error {}

export function parseClusterConfig(text: string, file = 'data/cluster.json'): ClusterConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const c = raw as ClusterConfig;
  const need = (cond: unknown, what: string) => {
    if (!cond) throw new ConfigError(`${file}: ${what}`);
  };
  need(typeof c.id === 'string' && c.id, 'missing "id"');
  need(Array.isArray(c.regions) && c.regions.some((r) => r.level === 'district'), '"regions" needs a district entry');
  need(Array.isArray(c.hsGroups) && c.hsGroups.length > 0, '"hsGroups" must list at least one group');
  const seen = new Map<string, string>();
  for (const g of c.hsGroups) {
    for (const h of g.hs6) {
      need(/^\d{6}$/.test(h), `hsGroups.${g.id}: "${h}" is not a 6-digit HS code`);
      need(!seen.has(h), `HS ${h} is in both ${seen.get(h)} and ${g.id}`);
      seen.set(h, g.id);
    }
  }
  need(c.totalGroup && typeof c.totalGroup.id === 'string' && /^[a-z][a-z0-9]*$/.test(c.totalGroup.slug ?? ''), '"totalGroup" needs an id and a slug of lower-case letters and digits');
  need(!c.hsGroups.some((g) => g.id === c.totalGroup.id), `totalGroup.id "${c.totalGroup.id}" is also an hsGroups id`);
  for (const d of c.totalGroup.groups ?? []) need(c.hsGroups.some((g) => g.id === d), `totalGroup.groups: unknown group "${d}"`);
  // Read by the site only (src/lib/cluster.ts), checked here so a bad file fails the build's first step, by name.
  const site = raw as { site?: { title?: Bilingual; tradeLead?: Bilingual }; headlineGroups?: string[]; indicators?: { coreIndustry?: Bilingual }; totalGroup: { noun?: Bilingual } };
  need(site.site?.title?.zh && site.site.title.en && site.site.tradeLead?.zh && site.site.tradeLead.en, '"site" needs "title" and "tradeLead" in zh and en');
  need(site.totalGroup.noun?.zh && site.totalGroup.noun.en && c.totalGroup.tradeLabel?.zh, '"totalGroup" needs "noun" and "tradeLabel" in zh and en');
  need(site.indicators?.coreIndustry?.zh, '"indicators" needs "coreIndustry"');
  for (const g of site.headlineGroups ?? []) need(g === c.totalGroup.id || c.hsGroups.some((h) => h.id === g), `headlineGroups: unknown group "${g}"`);
  need(Array.isArray(c.parks), '"parks" must be a list');
  for (const p of c.parks) need(/^[a-z0-9_]+$/.test(p.id), `parks: id "${p.id}" must be lower-case letters, digits, _`);
  need(Array.isArray(c.industries?.core) && c.industries.core.length > 0, '"industries.core" must list at least one code');
  const pt = c.processingTrade;
  if (pt) {
    need(Array.isArray(pt.chains) && pt.chains.length > 0, '"processingTrade.chains" must list at least one chain');
    for (const ch of pt.chains) {
      need(/^[a-z0-9_]+$/.test(ch.id ?? '') && ch.name?.zh && ch.name?.en, `processingTrade.chains: "${ch.id}" needs an id of lower-case letters, digits, _ and a name in zh and en`);
      for (const g of [ch.rough, ch.polished]) need(c.hsGroups.some((h) => h.id === g), `processingTrade.chains.${ch.id}: unknown group "${g}"`);
    }
    need(pt.chains.some((ch) => ch.id === pt.focusChain), `processingTrade.focusChain "${pt.focusChain}" is not one of its chains`);
    need(!pt.rivalPartner || /^\d{3}$/.test(pt.rivalPartner.code ?? ''), 'processingTrade.rivalPartner.code must be a 3-digit customs partner code');
  }
  for (const pl of c.customsPlaces?.places ?? []) need(pl.code && pl.name?.zh && pl.name?.en, `customsPlaces: "${pl.code}" needs a code and a name in zh and en`);
  if (c.firmKinds) {
    const kinds = [{ id: 'processing', ...c.firmKinds.processing }, ...(c.firmKinds.services ?? [])];
    for (const k of kinds) {
      need(/^[a-z0-9_]+$/.test(k.id ?? ''), `firmKinds: id "${k.id}" must be lower-case letters, digits, _`);
      need(k.name?.zh && k.name.en, `firmKinds.${k.id}: needs "name" in zh and en`);
      need(Array.isArray(k.industryCodes) && k.industryCodes.every((x) => /^\d{4}$/.test(x)), `firmKinds.${k.id}: "industryCodes" must list 4-digit GB/T 4754 classes (or be empty)`);
      need(Array.isArray(k.scopeKeywords) && k.scopeKeywords.length > 0 && k.scopeKeywords.every((x) => typeof x === 'string' && x.trim() !== ''), `firmKinds.${k.id}: "scopeKeywords" must list at least one keyword`);
    }
    need(new Set(kinds.map((k) => k.id)).size === kinds.length, 'firmKinds: ids must be unique (and no service may be called "processing")');
  }
  return c;
}

export function loadClusterConfig(path = 'data/cluster.json'): ClusterConfig {
  return parseClusterConfig(readFileSync(path, 'utf8'), path);
}

export function district(c: ClusterConfig): Region {
  return c.regions.find((r) => r.level === 'district')!;
}

/** The park a registered address lies in, by keyword; the config's "other" park when none matches. */
export function parkForAddress(c: ClusterConfig, address: string | null | undefined): string {
  if (!address) return c.otherParkId;
  return c.parks.find((p) => p.addressKeywords.some((k) => address.includes(k)))?.id ?? c.otherParkId;
}
