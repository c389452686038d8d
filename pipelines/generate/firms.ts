// The district's firms: the one population every other extract refers to (registry, enterprise customs,
// headcounts), so that joins by USCC work in the pipeline.
import { makeUscc, USCC_CHARSET } from '../lib/uscc.ts';
import { FIRST_YEAR, LAST_YEAR, interpolate } from './calibration.ts';
import { firmName, legalRepresentative, tradeName, fakeLandline, fakeEmail } from './names.ts';
import type { Anchors, IndustryRule, Role, SampleContext, SampleProfile } from './profile.ts';
import type { Rng } from './prng.ts';

export type { Role };

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export type Closure = 'revoked' | 'deregistered' | 'moved_out';

export interface Firm {
  /** Stable index: the order firms were drawn in. */
  id: number;
  uscc: string;
  name: string;
  formerName: string | null;
  role: Role;
  /** GB/T 4754-2017 class. */
  industry: string;
  address: string;
  entityType: string;
  capital: { amountWan: number; currency: 'CNY' | 'USD' | 'HKD' };
  established: Ymd;
  /** Null for 长期 (no end of term). */
  termTo: Ymd | null;
  closed: { date: Ymd; kind: Closure } | null;
  /** Last date the registry changed something; equals the closure date for closed firms. */
  approved: Ymd;
  /** 10-character customs registration code for firms that trade; null otherwise. */
  customsCode: string | null;
  /** Business scope (经营范围), set by scopes.ts; the industry's usual scope when unset. */
  scope?: string;
  /** Persons employed per year while active (only years within the sample range). */
  staff: Record<number, number>;
  /** PERSONAL-LOOKING columns, fake by construction; planted so the pipeline's job of dropping them is exercised. */
  legalRep: string;
  phone: string;
  email: string;
  /** Which registry file lists the firm: some firms are in both, so the pipeline must deduplicate by USCC. */
  layout: 'licence' | 'aggregator' | 'both';
}

const ENTITY_TYPES = {
  domestic: '有限责任公司（自然人投资或控股）',
  hkSole: '有限责任公司（台港澳法人独资）',
  foreignSole: '有限责任公司（外国法人独资）',
  hkJoint: '有限责任公司（台港澳与境内合资）',
  joinStock: '股份有限公司（非上市、自然人投资或控股）',
  sole: '个人独资企业',
};

/** GB 11714 organisation-code check character for an 8-character body. */
function orgCodeCheck(body8: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body8].reduce((s, ch, i) => s + alphabet.indexOf(ch) * w[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Firms registered before the 2015 reform kept their old numeric organisation code inside the USCC; later
 * ones got an "MA…" code. Both shapes appear in real extracts.
 */
function drawUscc(rng: Rng, established: Ymd, used: Set<string>, area: string): string {
  for (;;) {
    let body8: string;
    if (established.y < 2015) body8 = String(rng.int(10000000, 99999999));
    else body8 = 'MA5' + Array.from({ length: 5 }, () => rng.pick([...USCC_CHARSET.slice(0, 10), ...'ABCDEFGHJKLMNPQRTUWXY'])).join('');
    const uscc = makeUscc('9', '1', area, body8 + orgCodeCheck(body8));
    if (!used.has(uscc)) {
      used.add(uscc);
      return uscc;
    }
  }
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
export function randomDate(rng: Rng, fromYear: number, toYear: number): Ymd {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  return { y, m, d: rng.int(1, daysIn(y, m)) };
}
export const ymdKey = (d: Ymd) => d.y * 10000 + d.m * 100 + d.d;

function address(p: SampleProfile, rng: Rng): string {
  const street = p.streets[rng.weighted(p.streets.map((s) => s.weight))];
  // A few firms write a town's older spelling; the park keywords must still catch it.
  const name = street.variant && rng.chance(street.variant.chance) ? street.variant.name : street.name;
  const unit = rng.chance(0.5) ? `${rng.int(1, 12)}栋${rng.int(1, 8)}0${rng.int(1, 9)}房` : `${rng.int(1, 6)}楼`;
  return `${p.addressPrefix}${name}${rng.pick(street.roads)}${rng.int(1, 188)}号${unit}`;
}

function industryOf(rule: IndustryRule, word: string, rng: Rng): string {
  if (typeof rule === 'string') return rule;
  if ('byWord' in rule) return rule.byWord[word];
  return rng.chance(rule.chance) ? rule.yes : rule.no;
}

/**
 * The lead firms' lives follow the calibration: rank r (0 = largest) is active in year y while r < active(y).
 * Ranks beyond the 2013 peak closed before the sample starts, so the registry also shows long-gone lead firms.
 */
function leadLife(active: Anchors, rank: number, rng: Rng): { founded: number; lastYear: number | null } {
  const peak = Math.round(interpolate(active, 2013));
  const at2010 = Math.round(interpolate(active, 2010));
  if (rank >= peak) return { founded: rng.int(1994, 2003), lastYear: rng.int(2005, 2008) };
  const founded = rank < at2010 ? rng.int(1992, 2008) : 2010 + (rank - at2010) + 1;
  let lastYear: number | null = null;
  for (let y = 2013; y <= LAST_YEAR; y++) if (rank < Math.round(interpolate(active, y))) lastYear = y;
  return { founded, lastYear: lastYear === LAST_YEAR ? null : lastYear };
}

function staffSeries(largest: Anchors, role: Role, rank: number, base: number, from: number, to: number, rng: Rng): Record<number, number> {
  const out: Record<number, number> = {};
  for (let y = Math.max(from, FIRST_YEAR); y <= Math.min(to, LAST_YEAR); y++) {
    let n: number;
    if (role === 'lead') {
      const industry = interpolate(largest, y) / interpolate(largest, 2013);
      n = rank === 0 ? interpolate(largest, y) : base * Math.pow(industry, 0.8) * (1 + 0.06 * rng.gauss());
    } else if (role === 'newcomer') {
      n = base * (1 + 0.25 * (y - from)) * (1 + 0.05 * rng.gauss());
    } else {
      n = base * (1 + 0.08 * rng.gauss());
    }
    out[y] = Math.max(1, Math.round(n));
  }
  return out;
}

export function drawFirms(ctx: SampleContext, rng: Rng, scale = 1): Firm[] {
  const p = ctx.profile;
  const area = ctx.cluster.regions.find((r) => r.level === 'district')!.code;
  const leadCount = p.roles.find((r) => r.role === 'lead')?.count ?? 1;
  const firms: Firm[] = [];
  const usedNames = new Set<string>();
  const usedUscc = new Set<string>();
  let customsSerial = 100;
  for (const plan of p.roles) {
    const count = Math.round(plan.count * scale);
    for (let rank = 0; rank < count; rank++) {
      const id = firms.length;
      const word = rng.pick(plan.words);
      let founded: Ymd;
      let lastYear: number | null = null;
      if (plan.role === 'lead') {
        const life = leadLife(p.activeLeadFirms, rank % leadCount, rng);
        founded = randomDate(rng, life.founded, life.founded);
        lastYear = life.lastYear;
      } else {
        founded = randomDate(rng, plan.founded[0], plan.founded[1]);
        if (rng.chance(plan.closeRate) && founded.y < LAST_YEAR) lastYear = rng.int(Math.max(founded.y, 2009), LAST_YEAR - 1);
      }
      const closed = lastYear === null ? null : { date: randomDate(rng, lastYear + 1, lastYear + 1), kind: closureKind(rng, plan.role) };
      const base =
        plan.role === 'lead'
          ? Math.max(30, 1500 * Math.pow(0.8, rank % leadCount))
          : plan.staffMedian * Math.exp(0.9 * rng.gauss()) * (plan.role === 'maker' && rank < 5 ? 25 : 1);
      const staff = staffSeries(p.largestLeadFirmStaff, plan.role, rank % leadCount, base, founded.y, lastYear ?? LAST_YEAR, rng);
      const foreign = plan.role === 'lead' ? rng.weighted([3, 4, 2, 1]) : rng.weighted([85, 5, 1, 4]);
      const entityType = [ENTITY_TYPES.domestic, ENTITY_TYPES.hkSole, ENTITY_TYPES.foreignSole, ENTITY_TYPES.hkJoint][foreign];
      const currency: Firm['capital']['currency'] = foreign === 1 || foreign === 3 ? 'HKD' : foreign === 2 ? 'USD' : 'CNY';
      const trades = plan.tradeRate > 0 && (plan.role === 'lead' || rng.chance(plan.tradeRate) || (plan.role === 'maker' && rank < 5));
      const uscc = drawUscc(rng, founded, usedUscc, area);
      const trade = tradeName(rng, usedNames);
      const approved = closed ? closed.date : randomDate(rng, Math.max(founded.y, 2016), LAST_YEAR);
      firms.push({
        id,
        uscc,
        name: firmName(p.firmNamePrefixes, rng, trade, word, '有限公司'),
        formerName: rng.chance(0.06) ? firmName(p.firmNamePrefixes, rng, tradeName(rng, usedNames), word, '有限公司') : null,
        role: plan.role,
        industry: industryOf(plan.industry, word, rng),
        address: address(p, rng),
        entityType: plan.role === 'retail' && rng.chance(0.2) ? ENTITY_TYPES.sole : rank % 37 === 5 ? ENTITY_TYPES.joinStock : entityType,
        capital: { amountWan: capitalWan(rng, plan.capitalMedianWan, currency), currency },
        established: founded,
        termTo: termTo(rng, founded, closed !== null),
        closed,
        approved: ymdKey(approved) < ymdKey(founded) ? founded : approved,
        customsCode: trades ? `${p.customsCodePrefix}${rng.pick(['2', '3', '4', '9'])}${String(customsSerial++).padStart(4, '0')}` : null,
        staff,
        legalRep: legalRepresentative(rng),
        phone: fakeLandline(p.phoneArea, 1000 + id),
        email: fakeEmail(1000 + id),
        layout: (['licence', 'licence', 'licence', 'licence', 'licence', 'aggregator', 'aggregator', 'aggregator', 'aggregator', 'both'] as const)[rng.int(0, 9)],
      });
    }
  }
  return firms;
}

/** Null for 长期. A firm still registered cannot have a term that already ran out, so only later ends qualify. */
function termTo(rng: Rng, founded: Ymd, closed: boolean): Ymd | null {
  const lengths = [20, 30, 50].filter((n) => closed || founded.y + n > LAST_YEAR);
  if (rng.chance(0.55) || lengths.length === 0) return null;
  return { y: founded.y + rng.pick(lengths), m: founded.m, d: founded.d };
}

function closureKind(rng: Rng, role: Role): Closure {
  const i = rng.weighted(role === 'lead' ? [2, 6, 1] : [3, 6, 1]);
  return (['revoked', 'deregistered', 'moved_out'] as const)[i];
}

function capitalWan(rng: Rng, median: number, currency: string): number {
  const v = median * Math.exp(0.8 * rng.gauss()) * (currency === 'CNY' ? 1 : 0.2);
  return v >= 100 ? Math.round(v / 10) * 10 : Math.max(1, Math.round(v));
}

/** Whether a firm was trading / employing in a year (registered, not yet closed). */
export function activeIn(f: Firm, year: number): boolean {
  return f.staff[year] !== undefined;
}
