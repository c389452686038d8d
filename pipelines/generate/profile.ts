// The sample profile: everything that makes the synthetic sample one cluster's story rather than another's
// (its products and their names, partners, customs places, streets, firms' trades and the calibration numbers),
// read from the cluster's sample-profile.json beside its cluster.json. The generator's modules hold only the
// mechanics: formats, the nesting of levels, firms' lives, dirty rows.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { locateCluster, type ClusterLocation } from '../activeCluster.ts';
import { loadClusterConfig, type ClusterConfig } from '../config.ts';
import type { Flow, ModeKey } from './catalog.ts';
import type { ComtradeSampleProfile } from './comtrade.ts';

/** Anchor years → value; years between anchors are interpolated linearly, outside them held flat. */
export type Anchors = Record<number, number>;

export interface ProfileProduct {
  hs8: string;
  /** Name as the customs query platform prints it. */
  name: string;
  unit: '克拉' | '千克' | '克';
  /** The calibration family whose story this code follows (a key of `families`). */
  family: string;
  /** First and last year the code exists (HS revisions move codes). */
  from: number;
  to: number;
  /** Main codes get a partner × trade-mode breakdown; minor ones a single row per month. */
  main: boolean;
}

/**
 * The firm roles of every sample, in the order they are drawn. `lead` firms follow activeLeadFirms and
 * largestLeadFirmStaff (the cluster's declining core business), `newcomer` firms grow every year (its new
 * business), `maker` firms are the many manufacturers; the rest never trade.
 */
export type Role = 'lead' | 'newcomer' | 'maker' | 'wholesale' | 'retail' | 'service';

/** A role's GB/T 4754 class: one code, one of two by chance, or by the firm's name word. */
export type IndustryRule = string | { chance: number; yes: string; no: string } | { byWord: Record<string, string> };

export interface RoleProfile {
  role: Role;
  count: number;
  founded: [number, number];
  /** Probability that the firm has closed by the last year (lead firms follow activeLeadFirms instead). */
  closeRate: number;
  staffMedian: number;
  tradeRate: number;
  /** Median registered capital, 万元. */
  capitalMedianWan: number;
  /** Words of the firm name that say what it does. */
  words: string[];
  industry: IndustryRule;
}

export interface CustomsPlace {
  code: string;
  name: string;
}

export interface FamilyProfile {
  /** Roles whose trading firms carry the family's district trade; `fallback` when none of them is active yet. */
  traders: Role[];
  fallback?: Role[];
  /** Firms per district trade cell: the biggest always, the rest drawn by headcount. */
  firmsPerCell: number;
  /** The 注册地 outside the city that reports the rest of the province's trade in this family. */
  restPlace: CustomsPlace;
  partnerMix: Record<Flow, [string, number][]>;
  nationalModeSplit: Record<Flow, Record<ModeKey, number>>;
  /** Nested shares: province of nation (processing trade), city of province, district of city. */
  shares: { province: Anchors; city: Anchors; district: Anchors };
}

export interface SampleProfile {
  /** Words in the generated file names: customs_stats/<province>_import…, registry/<district>_registry…. */
  files: { province: string; district: string };
  /** What the customs extracts cover, in their titles ("钻石及首饰" / "diamonds and jewelry"). */
  productWords: { zh: string; en: string };
  products: ProfileProduct[];
  families: Record<string, FamilyProfile>;
  /** SYNTHETIC 5-digit 注册地 codes: the district's own place and the rest of its city. */
  places: { district: CustomsPlace; cityOther: CustomsPlace };
  /** Registered addresses: the prefix, then a street or town with its roads. */
  addressPrefix: string;
  streets: { name: string; roads: string[]; weight: number; variant?: { name: string; chance: number } }[];
  /** Firm-name prefixes: the full one (city and district) for `longShare` of firms, else the city's. */
  firmNamePrefixes: { long: string; short: string; longShare: number };
  /** The registering authority before and from 2015 (the market-regulation reform). */
  authority: { before2015: string; from2015: string };
  /** 所属地区 as aggregators print it. */
  regionText: string;
  /** The division code in 15-digit registration numbers before 2015 (can differ from today's code). */
  oldRegistrationArea: string;
  /** The first five characters of the district's 10-character customs registration codes (海关编码). */
  customsCodePrefix: string;
  /** Telephone area code of the fake landlines ("020"). */
  phoneArea: string;
  /** A code under the cluster's chapter that does not exist, planted as a dirty row. */
  unknownHsCode: string;
  /** GB/T 4754 classes: name as aggregators print it and a business scope. */
  industries: Record<string, { name: string; scope: string }>;
  /** Phrases added to a firm's business scope by role (and a word of its name), each with its chance (scopes.ts). */
  scopeAdditions?: { role: Role; nameWord?: string; text: string; chance: number }[];
  /** Industries the per-firm headcount file covers (manufacturing). */
  headcountIndustries: string[];
  nationalUsdMillion: Record<string, Record<Flow, Anchors>>;
  /** USD per unit of the product's quantity. */
  unitPriceUsd: Record<string, Anchors>;
  /** General trade clears elsewhere (e.g. an exchange in another province): the province's share is scaled by this. */
  generalTradeFactor: number;
  /** Share of the city's non-district trade still declared under the district's 注册地. */
  districtPlaceExtraShare: number;
  /** Which (code, flow, modes) the district's firms trade in; everything else is zero at district level. */
  districtTrades: { hs8: string; flow: Flow; modes: ModeKey[] }[];
  roles: RoleProfile[];
  activeLeadFirms: Anchors;
  largestLeadFirmStaff: Anchors;
  /** District persons employed per industry (yearbook table). */
  yearbookPersons: Record<string, Anchors>;
  /** The district's persons employed in all industries (its yearbook's 合计 row); absent: no 合计 row. */
  yearbookTotal?: Anchors;
  /** The reference regions' yearbook tables (city, province, nation) for location quotients and shift-share. */
  referenceEmployment?: ReferenceEmployment[];
  /** Whether data/raw holds the real Kimberley Process files (declared in sources.json, never generated). */
  kimberley: boolean;
  /** The UN Comtrade export's story (comtrade.ts); written only for a cluster listing the comtrade source kind. */
  comtrade?: ComtradeSampleProfile;
}

export interface ReferenceEmployment {
  level: 'city' | 'province' | 'nation';
  /** File name stem: employment/<file>_employment_by_industry_yearbook.xlsx. */
  file: string;
  /** The table's title after the region's name, as that yearbook words it. */
  title?: string;
  unit: '人' | '万人';
  /** Persons employed in all industries (the 合计 row). */
  total: Anchors;
  /** Persons per GB/T 4754 class: the district table's classes. */
  industries: Record<string, Anchors>;
}

/** The profile and the cluster facts the sample needs (district code and names). */
export interface SampleContext {
  profile: SampleProfile;
  cluster: ClusterConfig;
}

export function loadSampleContext(where: ClusterLocation): SampleContext {
  let profile: SampleProfile;
  try {
    profile = JSON.parse(readFileSync(where.sampleProfilePath, 'utf8')) as SampleProfile;
  } catch (e) {
    throw new Error(`${where.sampleProfilePath}: ${(e as Error).message}`);
  }
  for (const p of profile.products) {
    if (!profile.families[p.family]) throw new Error(`${where.sampleProfilePath}: product ${p.hs8} names unknown family "${p.family}"`);
    if (!profile.nationalUsdMillion[p.hs8] || !profile.unitPriceUsd[p.hs8]) throw new Error(`${where.sampleProfilePath}: product ${p.hs8} needs nationalUsdMillion and unitPriceUsd`);
  }
  return { profile, cluster: loadClusterConfig(where.configPath) };
}

/** The default cluster's sample (data/sample-profile.json), wherever the process runs from. */
export function defaultSampleContext(): SampleContext {
  return loadSampleContext(locateCluster('default', fileURLToPath(new URL('../..', import.meta.url))));
}
