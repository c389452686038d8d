// A UN Comtrade data export (comtradeplus "Get data" → Download CSV) in its real layout: 47 columns, UTF-8 with a
// byte-order mark, values in US dollars, annual rows (refMonth 52), totals over customs procedures (C00), modes of
// transport (0) and second partners (0, W00 World). Each bilateral flow of the sample profile's story is written
// from both sides when both economies report: the exporter's FOB figure and the importer's CIF figure, which is
// the exporter's times the story's mirror ratio (freight and insurance, and the goods the importer attributes to
// the origin while the exporter counted them to a hub). Years a reporter has not published and confidential lines
// are left out, as Comtrade leaves them out.
import type { Rng } from './prng.ts';
import { interpolate } from './calibration.ts';
import type { Anchors } from './profile.ts';
import type { CsvTable } from './tables.ts';

/** An economy as Comtrade codes it (its own M49-based number, ISO alpha-3, its name). */
export interface ComtradeEconomy {
  code: string;
  iso: string;
  desc: string;
}

export interface ComtradeProduct {
  cmd: string;
  desc: string;
  from: number;
  to: number;
  /** Unit value, USD per carat (quantities are carats: Comtrade unit 13). */
  usdPerCarat: Anchors;
}

export interface ComtradeFlow {
  exporter: string;
  importer: string;
  /** Comtrade commodity codes the flow runs in (the code in force in a year is used). */
  cmds: string[];
  /** The exporter's FOB value, USD million. */
  usdMillion: Anchors;
  /** The importer's CIF figure over the exporter's FOB figure. */
  mirrorRatio: Anchors;
}

/** The story of the sample Comtrade export (sample-profile.json "comtrade"). */
export interface ComtradeSampleProfile {
  path: string;
  years: [number, number];
  /** ISO codes of the economies whose reports the file holds. */
  reporters: string[];
  economies: ComtradeEconomy[];
  /** The HS edition (classificationCode) a year's figures are in: first year → code. */
  classifications: Record<string, string>;
  products: ComtradeProduct[];
  flows: ComtradeFlow[];
  /** Trade with partners not listed, as a share added to each reporter's World row. */
  restOfWorldShare: number;
  /** A reporter's years not yet published (from this year on). */
  unpublishedFrom: Record<string, number>;
  /** Lines a reporter withholds (confidential): reporter ISO, flow code, partner ISO, commodity, year. */
  confidential: { reporter: string; flow: 'M' | 'X'; partner: string; cmd: string; year: number }[];
}

export const COMTRADE_HEADER = [
  'typeCode', 'freqCode', 'refPeriodId', 'refYear', 'refMonth', 'period', 'reporterCode', 'reporterISO', 'reporterDesc',
  'flowCode', 'flowDesc', 'partnerCode', 'partnerISO', 'partnerDesc', 'partner2Code', 'partner2ISO', 'partner2Desc',
  'classificationCode', 'classificationSearchCode', 'isOriginalClassification', 'cmdCode', 'cmdDesc', 'aggrLevel', 'isLeaf',
  'customsCode', 'customsDesc', 'mosCode', 'motCode', 'motDesc', 'qtyUnitCode', 'qtyUnitAbbr', 'qty', 'isQtyEstimated',
  'altQtyUnitCode', 'altQtyUnitAbbr', 'altQty', 'isAltQtyEstimated', 'netWgt', 'isNetWgtEstimated', 'grossWgt',
  'isGrossWgtEstimated', 'cifvalue', 'fobvalue', 'primaryValue', 'legacyEstimationFlag', 'isReported', 'isAggregate',
];

const WORLD: ComtradeEconomy = { code: '0', iso: 'W00', desc: 'World' };
const FLOW_DESC = { M: 'Import', X: 'Export' } as const;

interface Line {
  reporter: ComtradeEconomy;
  flow: 'M' | 'X';
  partner: ComtradeEconomy;
  product: ComtradeProduct;
  year: number;
  value: number;
  carats: number;
}

function classificationOf(p: ComtradeSampleProfile, year: number): string {
  const starts = Object.keys(p.classifications).map(Number).sort((a, b) => a - b);
  const from = starts.filter((s) => s <= year).at(-1) ?? starts[0];
  return p.classifications[String(from)];
}

/** Comtrade writes values with up to three decimals and no separators. */
const num = (n: number) => String(Math.round(n * 1000) / 1000);

function cells(p: ComtradeSampleProfile, l: Line): string[] {
  const kg = l.carats * 0.0002;
  return [
    'C', 'A', `${l.year}0101`, String(l.year), '52', String(l.year), l.reporter.code, l.reporter.iso, l.reporter.desc,
    l.flow, FLOW_DESC[l.flow], l.partner.code, l.partner.iso, l.partner.desc, '0', 'W00', 'World',
    classificationOf(p, l.year), 'HS', 'True', l.product.cmd, l.product.desc, '6', 'True',
    'C00', 'TOTAL CPC', '0', '0', 'TOTAL MOT', '13', 'carat', num(l.carats), 'False',
    '8', 'kg', num(kg), 'False', num(kg), 'False', '0', 'False',
    l.flow === 'M' ? num(l.value) : '', l.flow === 'X' ? num(l.value) : '', num(l.value), '0', 'True', 'False',
  ];
}

export function comtradeCsv(p: ComtradeSampleProfile, rng: Rng): CsvTable {
  const economy = new Map(p.economies.map((e) => [e.iso, e]));
  const eco = (iso: string) => {
    const e = economy.get(iso);
    if (!e) throw new Error(`sample-profile.json comtrade: economy ${iso} is not listed in "economies"`);
    return e;
  };
  const published = (iso: string, year: number) => p.reporters.includes(iso) && year < (p.unpublishedFrom[iso] ?? Infinity);
  const withheld = (l: Line) => p.confidential.some((c) => c.reporter === l.reporter.iso && c.flow === l.flow && c.partner === l.partner.iso && c.cmd === l.product.cmd && c.year === l.year);
  const lines: Line[] = [];
  for (let year = p.years[0]; year <= p.years[1]; year++) {
    for (const f of p.flows) {
      const product = p.products.find((x) => f.cmds.includes(x.cmd) && x.from <= year && year <= x.to);
      if (!product) continue;
      const fob = interpolate(f.usdMillion, year) * 1e6 * (1 + 0.04 * rng.gauss());
      const cif = fob * interpolate(f.mirrorRatio, year) * (1 + 0.005 * rng.gauss());
      const perCarat = interpolate(product.usdPerCarat, year);
      if (published(f.exporter, year)) lines.push({ reporter: eco(f.exporter), flow: 'X', partner: eco(f.importer), product, year, value: Math.round(fob), carats: Math.round(fob / perCarat) });
      if (published(f.importer, year)) lines.push({ reporter: eco(f.importer), flow: 'M', partner: eco(f.exporter), product, year, value: Math.round(cif), carats: Math.round(cif / perCarat) });
    }
  }
  const kept = lines.filter((l) => !withheld(l));
  // The World row is the reporter's total with every partner, withheld lines included (Comtrade's totals keep
  // confidential trade that its partner rows leave out), plus the partners the story does not list.
  const world = new Map<string, Line>();
  for (const l of lines) {
    const key = [l.reporter.iso, l.flow, l.product.cmd, l.year].join('|');
    const w = world.get(key) ?? { ...l, partner: WORLD, value: 0, carats: 0 };
    w.value += l.value;
    w.carats += l.carats;
    world.set(key, w);
  }
  const totals = [...world.values()].map((w) => ({ ...w, value: Math.round(w.value * (1 + p.restOfWorldShare)), carats: Math.round(w.carats * (1 + p.restOfWorldShare)) }));
  const order = (l: Line) => [l.year, l.reporter.code.padStart(3, '0'), l.flow, l.partner.code.padStart(3, '0'), l.product.cmd].join('|');
  const rows = [...kept, ...totals].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)).map((l) => cells(p, l));
  return { format: 'csv', relPath: p.path, header: COMTRADE_HEADER, rows, encoding: 'utf-8', bom: true };
}
