// The numbers every sample shares: its years, seasonality and noise, and the exchange rates of the 人民币 files.
// A cluster's own story (trade by code, shares, firms, employment) is in its sample profile (profile.ts).
import type { Anchors } from './profile.ts';

export type { Anchors };

export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2025;
export const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

export function interpolate(anchors: Anchors, year: number): number {
  const ys = Object.keys(anchors).map(Number).sort((a, b) => a - b);
  if (year <= ys[0]) return anchors[ys[0]];
  if (year >= ys[ys.length - 1]) return anchors[ys[ys.length - 1]];
  const hi = ys.findIndex((y) => y >= year);
  const [y0, y1] = [ys[hi - 1], ys[hi]];
  return anchors[y0] + ((anchors[y1] - anchors[y0]) * (year - y0)) / (y1 - y0);
}

/** Month weights (sum 12): Chinese New Year dips, pre-Christmas orders peak. */
export const SEASON = [0.85, 0.7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.1, 1.1, 1.1, 1.1];
/** Relative month-to-month noise. */
export const MONTHLY_NOISE = 0.12;

/** CNY per USD, annual averages (rounded official central-parity averages); used for the 人民币 files. */
export const CNY_PER_USD: Record<number, number> = {
  2010: 6.7695, 2011: 6.4588, 2012: 6.3125, 2013: 6.1932, 2014: 6.1428, 2015: 6.2284, 2016: 6.6423, 2017: 6.7518,
  2018: 6.6174, 2019: 6.8985, 2020: 6.8976, 2021: 6.4515, 2022: 6.7261, 2023: 7.0467, 2024: 7.1217, 2025: 7.1429,
};
