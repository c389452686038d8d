// Every number that shapes the synthetic story lives here, so the story can be read (and retuned) in one place.
// The story (docs/DOMAIN.md): around 2013 Panyu handled about a third of China's diamond (7102) imports and
// exports, through processing trade; since then its share fell to a few per cent, the 20+ cutting firms shrank
// to a handful, the largest from ~2,000 staff to ~200, while lab-grown diamonds (7104) rose.
// Values are rough orders of magnitude, not estimates of the real figures.
import type { Family, Flow, ModeKey } from './catalog.ts';

export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2025;
export const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

/** Anchor years → value; years between anchors are interpolated linearly, outside them held flat. */
export type Anchors = Record<number, number>;

export function interpolate(anchors: Anchors, year: number): number {
  const ys = Object.keys(anchors).map(Number).sort((a, b) => a - b);
  if (year <= ys[0]) return anchors[ys[0]];
  if (year >= ys[ys.length - 1]) return anchors[ys[ys.length - 1]];
  const hi = ys.findIndex((y) => y >= year);
  const [y0, y1] = [ys[hi - 1], ys[hi]];
  return anchors[y0] + ((anchors[y1] - anchors[y0]) * (year - y0)) / (y1 - y0);
}

/** China's annual trade per 8-digit code, USD million. */
export const NATIONAL_USD_MILLION: Record<string, Record<Flow, Anchors>> = {
  '71021000': { import: { 2010: 20, 2013: 30, 2025: 8 }, export: { 2010: 6, 2013: 9, 2025: 3 } },
  '71022100': { import: { 2010: 60, 2013: 70, 2025: 30 }, export: { 2010: 80, 2013: 95, 2025: 60 } },
  '71022900': { import: { 2010: 40, 2013: 50, 2025: 30 }, export: { 2010: 120, 2013: 140, 2025: 110 } },
  '71023100': { import: { 2010: 1300, 2013: 1900, 2016: 1300, 2019: 900, 2022: 550, 2025: 300 }, export: { 2010: 120, 2013: 180, 2019: 90, 2025: 40 } },
  '71023900': { import: { 2010: 1800, 2013: 2600, 2016: 2300, 2019: 2400, 2022: 2000, 2025: 1200 }, export: { 2010: 1300, 2013: 2100, 2016: 1500, 2019: 1100, 2022: 800, 2025: 420 } },
  '71042000': { import: { 2010: 40, 2013: 60, 2017: 110, 2021: 220 }, export: { 2010: 80, 2013: 150, 2017: 420, 2021: 900 } },
  '71049000': { import: { 2010: 30, 2013: 40, 2017: 70, 2021: 140 }, export: { 2010: 60, 2013: 100, 2017: 300, 2021: 650 } },
  '71042100': { import: { 2022: 110, 2025: 180 }, export: { 2022: 1200, 2025: 1550 } },
  '71049100': { import: { 2022: 140, 2025: 290 }, export: { 2022: 620, 2025: 950 } },
  '71131911': { import: { 2010: 300, 2013: 480, 2025: 260 }, export: { 2010: 800, 2013: 1200, 2019: 950, 2025: 700 } },
  '71131919': { import: { 2010: 700, 2013: 1100, 2025: 500 }, export: { 2010: 3000, 2013: 4400, 2019: 3200, 2025: 2600 } },
  '71132000': { import: { 2010: 30, 2013: 40, 2025: 20 }, export: { 2010: 200, 2013: 260, 2025: 180 } },
};

/** Unit prices, USD per carat (7102, 7104) or per kilogram (7113), to turn values into quantities. */
export const UNIT_PRICE_USD: Record<string, Anchors> = {
  '71021000': { 2010: 40, 2025: 55 },
  '71022100': { 2010: 0.8, 2025: 0.6 },
  '71022900': { 2010: 1.5, 2025: 1.1 },
  '71023100': { 2010: 140, 2013: 165, 2025: 150 },
  '71023900': { 2010: 1100, 2013: 1300, 2025: 1150 },
  '71042000': { 2010: 2, 2021: 15 },
  '71049000': { 2010: 6, 2021: 60 },
  '71042100': { 2022: 45, 2025: 22 },
  '71049100': { 2022: 260, 2025: 95 },
  '71131911': { 2010: 42000, 2025: 68000 },
  '71131919': { 2010: 38000, 2025: 64000 },
  '71132000': { 2010: 2500, 2025: 3200 },
};

/** How China's trade in a family splits across trade modes. General-trade diamonds enter through Shanghai. */
export const NATIONAL_MODE_SPLIT: Record<Family, Record<Flow, Record<ModeKey, number>>> = {
  natural: {
    import: { general: 0.45, feedProcessing: 0.15, importedProcessing: 0.4 },
    export: { general: 0.2, feedProcessing: 0.25, importedProcessing: 0.55 },
  },
  industrial: {
    import: { general: 0.7, feedProcessing: 0, importedProcessing: 0.3 },
    export: { general: 0.75, feedProcessing: 0, importedProcessing: 0.25 },
  },
  // Only natural diamonds keep a 来料加工 share large enough to report separately; elsewhere it is folded in.
  labGrown: {
    import: { general: 0.55, feedProcessing: 0, importedProcessing: 0.45 },
    export: { general: 0.7, feedProcessing: 0, importedProcessing: 0.3 },
  },
  jewelry: {
    import: { general: 0.4, feedProcessing: 0, importedProcessing: 0.6 },
    export: { general: 0.4, feedProcessing: 0, importedProcessing: 0.6 },
  },
};

/**
 * Nested shares per family and year: Guangdong of China (for processing trade; general trade is scaled down
 * by GENERAL_TRADE_FACTOR), Guangzhou of Guangdong, Panyu of Guangzhou. Each below 0.92 so every level stays
 * strictly below its parent even after monthly noise and a CNY round trip.
 */
export const SHARES: Record<Family, { guangdong: Anchors; guangzhou: Anchors; district: Anchors }> = {
  natural: {
    guangdong: { 2010: 0.78, 2013: 0.8, 2016: 0.62, 2019: 0.45, 2022: 0.34, 2025: 0.28 },
    guangzhou: { 2010: 0.85, 2013: 0.86, 2016: 0.75, 2019: 0.62, 2022: 0.52, 2025: 0.45 },
    district: { 2010: 0.88, 2013: 0.9, 2016: 0.8, 2019: 0.68, 2022: 0.58, 2025: 0.5 },
  },
  industrial: {
    guangdong: { 2010: 0.2, 2025: 0.18 },
    guangzhou: { 2010: 0.3, 2025: 0.25 },
    district: { 2010: 0.0, 2025: 0.0 },
  },
  labGrown: {
    guangdong: { 2010: 0.25, 2016: 0.3, 2025: 0.4 },
    guangzhou: { 2010: 0.4, 2016: 0.5, 2025: 0.6 },
    district: { 2010: 0.1, 2016: 0.25, 2019: 0.45, 2022: 0.6, 2025: 0.7 },
  },
  jewelry: {
    guangdong: { 2010: 0.7, 2025: 0.62 },
    guangzhou: { 2010: 0.55, 2025: 0.5 },
    district: { 2010: 0.75, 2013: 0.8, 2025: 0.7 },
  },
};

/** General-trade diamonds clear through Shanghai, so Guangdong's share of them is much smaller. */
export const GENERAL_TRADE_FACTOR = 0.2;

/** Share of Guangzhou's non-district trade that is still declared under the Panyu 注册地 (other firms there). */
export const PANYU_PLACE_EXTRA_SHARE = 0.3;

/** Which (code, flow, mode) the district's firms trade in; everything else is zero at district level. */
export const DISTRICT_TRADES: { hs8: string; flow: Flow; modes: ModeKey[] }[] = [
  { hs8: '71023100', flow: 'import', modes: ['importedProcessing', 'feedProcessing'] },
  { hs8: '71023900', flow: 'import', modes: ['importedProcessing'] },
  { hs8: '71023900', flow: 'export', modes: ['importedProcessing', 'feedProcessing'] },
  { hs8: '71042000', flow: 'export', modes: ['importedProcessing'] },
  { hs8: '71049000', flow: 'export', modes: ['importedProcessing', 'general'] },
  { hs8: '71042100', flow: 'import', modes: ['importedProcessing'] },
  { hs8: '71049100', flow: 'export', modes: ['importedProcessing', 'general'] },
  { hs8: '71131911', flow: 'export', modes: ['importedProcessing', 'general'] },
  { hs8: '71131919', flow: 'export', modes: ['importedProcessing', 'general'] },
  { hs8: '71131919', flow: 'import', modes: ['importedProcessing'] },
];

/** Month weights (sum 12): Chinese New Year dips, pre-Christmas orders peak. */
export const SEASON = [0.85, 0.7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.1, 1.1, 1.1, 1.1];
/** Relative month-to-month noise. */
export const MONTHLY_NOISE = 0.12;

/** Firms in the registry by role (scaled by --scale). Cutters are the diamond-processing firms of the story. */
export const FIRM_COUNTS = { cutter: 26, labGrown: 14, jeweler: 560, wholesale: 180, retail: 140, service: 80 };

/** Active cutting firms per year: 20+ around 2013, a handful by 2025. */
export const ACTIVE_CUTTERS: Anchors = { 2010: 21, 2013: 23, 2016: 17, 2019: 11, 2022: 7, 2025: 5 };

/** Headcount of the largest cutting firm. */
export const LARGEST_CUTTER_STAFF: Anchors = { 2010: 1700, 2013: 2000, 2016: 1300, 2019: 700, 2022: 350, 2025: 200 };

/** District persons employed per industry (yearbook table). Jewelry ~100k around 2014 (press figures). */
export const YEARBOOK_PERSONS: Record<string, Anchors> = {
  '2438': { 2010: 88000, 2014: 100000, 2019: 82000, 2025: 64000 },
  '3099': { 2010: 2600, 2016: 3400, 2025: 8200 },
  '5146': { 2010: 5200, 2025: 8800 },
  '5245': { 2010: 7400, 2025: 11600 },
};

/** CNY per USD, annual averages (rounded official central-parity averages); used for the 人民币 files. */
export const CNY_PER_USD: Record<number, number> = {
  2010: 6.7695, 2011: 6.4588, 2012: 6.3125, 2013: 6.1932, 2014: 6.1428, 2015: 6.2284, 2016: 6.6423, 2017: 6.7518,
  2018: 6.6174, 2019: 6.8985, 2020: 6.8976, 2021: 6.4515, 2022: 6.7261, 2023: 7.0467, 2024: 7.1217, 2025: 7.1429,
};
