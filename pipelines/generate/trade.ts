// The trade model: nation → province → city → district, per month × 8-digit code × flow × trade mode.
// Each level is cut from its parent (rounded down), so district ≤ city ≤ province ≤ nation holds per cell,
// and therefore per month × code × flow in every file built from these cells.
import { FLOWS, MODE_KEYS, productsIn, type Family, type Flow, type ModeKey, type Product } from './catalog.ts';
import { MONTHLY_NOISE, SEASON, YEARS, interpolate } from './calibration.ts';
import type { SampleProfile } from './profile.ts';
import { shareOf, splitInteger } from './allocate.ts';
import type { Rng } from './prng.ts';

/** An amount of trade: value in whole USD, quantity in hundredths of the unit (0.01 carat, 10 g). */
export interface Amount {
  value: number;
  qty: number;
}

export interface TradeCell extends Amount {
  year: number;
  month: number;
  product: Product;
  flow: Flow;
  mode: ModeKey;
}

export type Level = 'nation' | 'province' | 'city' | 'district';

export interface TradeModel {
  /** Cells per level, all keyed by cellKey; a level has no entry where its amount is zero. */
  levels: Record<Level, Map<string, TradeCell>>;
}

export const cellKey = (year: number, month: number, hs8: string, flow: Flow, mode: ModeKey) =>
  `${year}${String(month).padStart(2, '0')}|${hs8}|${flow}|${mode}`;

/** Minor codes are reported in a single trade mode, which keeps their rows few. */
function modeWeights(profile: SampleProfile, p: Product, flow: Flow): Record<ModeKey, number> {
  if (!p.main) return { general: 1, feedProcessing: 0, importedProcessing: 0 };
  return profile.families[p.family].nationalModeSplit[flow];
}

const capped = (share: number, noise: number) => Math.min(0.92, Math.max(0, share * (1 + noise)));

/**
 * Builds the model. districtCanTrade says whether the district has active firms for a family in a year:
 * without any, the district's amount stays zero rather than being attributed to nobody.
 */
export function buildTradeModel(profile: SampleProfile, rng: Rng, districtCanTrade: (family: Family, year: number) => boolean): TradeModel {
  const levels: TradeModel['levels'] = { nation: new Map(), province: new Map(), city: new Map(), district: new Map() };
  const districtModes = new Map(profile.districtTrades.map((t) => [`${t.hs8}|${t.flow}`, new Set(t.modes)]));
  for (const year of YEARS) {
    for (let month = 1; month <= 12; month++) {
      for (const p of productsIn(profile, year)) {
        for (const flow of FLOWS) {
          const annual = interpolate(profile.nationalUsdMillion[p.hs8][flow], year) * 1e6;
          const value = Math.round(((annual * SEASON[month - 1]) / 12) * Math.max(0.5, 1 + MONTHLY_NOISE * rng.gauss()));
          const price = interpolate(profile.unitPriceUsd[p.hs8], year) * (1 + 0.05 * rng.gauss());
          const qty = Math.max(1, Math.round((value / price) * 100));
          const w = modeWeights(profile, p, flow);
          const weights = MODE_KEYS.map((m) => w[m] * (w[m] > 0 ? 1 + 0.08 * rng.gauss() : 0));
          const values = splitInteger(value, weights);
          const qtys = splitInteger(qty, weights);
          const s = profile.families[p.family].shares;
          const dModes = districtModes.get(`${p.hs8}|${flow}`);
          MODE_KEYS.forEach((mode, i) => {
            if (values[i] === 0) return;
            const base = { year, month, product: p, flow, mode };
            const key = cellKey(year, month, p.hs8, flow, mode);
            const nation = { value: values[i], qty: Math.max(1, qtys[i]) };
            levels.nation.set(key, { ...base, ...nation });
            const provinceShare = capped(interpolate(s.province, year) * (mode === 'general' ? profile.generalTradeFactor : 1), 0.04 * rng.gauss());
            const province = cut(nation, provinceShare);
            if (province.value === 0) return;
            levels.province.set(key, { ...base, ...province });
            const city = cut(province, capped(interpolate(s.city, year), 0.04 * rng.gauss()));
            if (city.value === 0) return;
            levels.city.set(key, { ...base, ...city });
            if (!dModes?.has(mode) || !districtCanTrade(p.family, year)) return;
            const district = cut(city, capped(interpolate(s.district, year), 0.04 * rng.gauss()));
            if (district.value > 0 && district.qty > 0) levels.district.set(key, { ...base, ...district });
          });
        }
      }
    }
  }
  return { levels };
}

function cut(parent: Amount, share: number): Amount {
  return { value: shareOf(parent.value, share), qty: shareOf(parent.qty, share) };
}

/** Sums amounts of cells per month × code × flow: the grain at which levels are compared. */
export function totalsByMonthCodeFlow(cells: Iterable<TradeCell>): Map<string, Amount> {
  const out = new Map<string, Amount>();
  for (const c of cells) {
    const k = `${c.year}${String(c.month).padStart(2, '0')}|${c.product.hs8}|${c.flow}`;
    const t = out.get(k) ?? { value: 0, qty: 0 };
    t.value += c.value;
    t.qty += c.qty;
    out.set(k, t);
  }
  return out;
}
