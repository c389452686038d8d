// The benchmark customs file: the same national import totals per month × code, spread over many partners
// and trade modes until the file has about the requested number of rows. Totals are unchanged, so the
// consistency between levels still holds when a benchmark runs the whole pipeline on it.
import { BENCH_EXTRA_MODES, TRADE_MODES, productByCode, type Flow } from './catalog.ts';
import { BENCH_PARTNERS } from './benchPartners.ts';
import { splitInteger } from './allocate.ts';
import { thousands, type CsvTable } from './tables.ts';
import { totalsByMonthCodeFlow, type TradeModel } from './trade.ts';
import { CUSTOMS_COLUMNS as C } from './customsStats.ts';
import type { Rng } from './prng.ts';
import type { SampleProfile } from './profile.ts';

const MODES = [...Object.values(TRADE_MODES), ...BENCH_EXTRA_MODES];

/** The most rows the benchmark file can have: every partner × mode combination in every month × code. */
export function benchCapacity(model: TradeModel, flow: Flow): number {
  return [...totalsByMonthCodeFlow(model.levels.nation.values()).keys()].filter((k) => k.endsWith(`|${flow}`)).length * MODES.length * BENCH_PARTNERS.length;
}

export function benchCustomsTable(profile: SampleProfile, model: TradeModel, flow: Flow, rows: number, relPath: string, encoding: 'gbk' | 'utf-8', rng: Rng): CsvTable {
  const totals = [...totalsByMonthCodeFlow(model.levels.nation.values())].filter(([k]) => k.endsWith(`|${flow}`)).sort(([a], [b]) => a.localeCompare(b));
  const perCell = Math.max(1, Math.min(MODES.length * BENCH_PARTNERS.length, Math.round(rows / totals.length)));
  const out: string[][] = [];
  for (const [key, amount] of totals) {
    const [ym, hs8] = key.split('|');
    const p = productByCode(profile, hs8);
    const start = rng.int(0, BENCH_PARTNERS.length * MODES.length - 1);
    const combos = Array.from({ length: perCell }, (_, i) => (start + i * 7919) % (BENCH_PARTNERS.length * MODES.length));
    const weights = combos.map(() => 0.1 + rng.next());
    const values = splitInteger(amount.value, weights);
    const qtys = splitInteger(amount.qty, weights);
    combos.forEach((c, i) => {
      if (values[i] === 0) return;
      const partner = BENCH_PARTNERS[c % BENCH_PARTNERS.length];
      const mode = MODES[Math.floor(c / BENCH_PARTNERS.length)];
      out.push([ym, `\t${hs8}`, p.name, partner.code, partner.name, mode.code, mode.name, thousands(qtys[i] / 100), p.unit, '', '', thousands(values[i])]);
    });
  }
  return {
    format: 'csv',
    relPath,
    header: [C.period, C.hs, C.hsName, C.partnerCode, C.partnerName, C.modeCode, C.modeName, C.qty1, C.unit1, C.qty2, C.unit2, '美元'],
    rows: out,
    encoding,
    trailingComma: true,
  };
}


