// Registered capital (注册资本 / 注册资金) as registries and aggregators print it: "3105.000000万",
// "305843.0395万元人民币", "50万美元", "人民币500万元", "1000000元". It is parsed once, while landing, so the staging
// SQL only reports what this module could not read (rule capital_unparseable) instead of parsing it a second time.

/** Currencies the pipeline can tell apart; only CNY and USD can be converted (ref_cny_usd). */
export type CapitalCurrency = 'CNY' | 'USD' | 'HKD';

export type CapitalParse =
  /** An amount in 万 (ten thousand) units of the stated currency. */
  | { kind: 'amount'; wan: number; currency: CapitalCurrency }
  /** Empty, or a placeholder an aggregator writes for "not disclosed": not an error. */
  | { kind: 'missing' }
  /** Text is present but is not an amount this module understands; reason says why, for the quarantine message. */
  | { kind: 'unparseable'; reason: string };

/** What a header may say about the unit of bare numbers in its column, e.g. 注册资本(万元). */
export type CapitalHeaderUnit = '万元' | '元' | null;

const PLACEHOLDERS = new Set(['', '-', '--', '—', '——', '/', '无', '暂无', '未公开', '未公示', '不公示', 'null', 'none', 'n/a']);

const CURRENCY_WORDS: [string, CapitalCurrency][] = [
  ['人民币', 'CNY'], ['rmb', 'CNY'], ['cny', 'CNY'], ['¥', 'CNY'], ['￥', 'CNY'],
  ['美元', 'USD'], ['美金', 'USD'], ['usd', 'USD'], ['us$', 'USD'],
  ['港元', 'HKD'], ['港币', 'HKD'], ['hkd', 'HKD'], ['hk$', 'HKD'],
];

/** Words for currencies a registry can state but this pipeline has no rate for: named in the message. */
const OTHER_CURRENCIES = /欧元|日元|英镑|澳门元|澳元|新台币|台币|新加坡元|加拿大元|瑞士法郎|韩元|eur|jpy|gbp/;

const UNIT_FACTOR: Record<string, number> = { 亿元: 10000, 亿: 10000, 万元: 1, 万: 1, 元: 0.0001 };

/** Full-width digits and punctuation to ASCII; spaces and thousands separators removed. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[（）]/g, (p) => (p === '（' ? '(' : ')'))
    .replace(/[\s\u3000,，]/g, '')
    .toLowerCase();
}

function currencyOf(words: string): CapitalCurrency | null | 'unknown' | 'conflict' {
  // Brackets and a stray 元 around a currency word carry no information: "(人民币)", "元人民币".
  let rest = words.replace(/[()]/g, '');
  const found = new Set<CapitalCurrency>();
  for (const [w, c] of CURRENCY_WORDS) {
    if (rest.includes(w)) {
      found.add(c);
      rest = rest.split(w).join('');
    }
  }
  rest = rest.replace(/元/g, '');
  if (rest !== '') return 'unknown';
  if (found.size > 1) return 'conflict';
  return found.size ? [...found][0] : null;
}

/**
 * True when every comma between digits groups three of them after one to three leading digits ("1,234,567"):
 * "1,2,3" is not 123, and a decimal comma "1,5" is not 15 (the same rule as the staging SQL's clean_num).
 */
function separatorsGroupThree(text: string): boolean {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return (ascii.match(/\d[\d,，]*\d/g) ?? []).every((run) => !/[,，]/.test(run) || /^\d{1,3}(?:[,，]\d{3})+$/.test(run));
}

/** Parses one 注册资本 cell. Amounts without a currency word are in CNY, the registry's default. */
export function parseCapital(text: string | null | undefined, headerUnit: CapitalHeaderUnit = null): CapitalParse {
  if (!separatorsGroupThree(text ?? '')) return { kind: 'unparseable', reason: 'has thousands separators that do not group three digits (1,234,567; a decimal comma is not read)' };
  const s = normalise(text ?? '');
  if (PLACEHOLDERS.has(s)) return { kind: 'missing' };
  if (OTHER_CURRENCIES.test(s)) return { kind: 'unparseable', reason: 'is in a currency other than CNY, USD or HKD' };
  const m = /^([^\d.]*)(\d+(?:\.\d+)?)(亿元|亿|万元|万|元)?(.*)$/.exec(s);
  if (!m) return { kind: 'unparseable', reason: 'contains no number in Arabic digits' };
  const [, pre, num, unit, post] = m;
  const currency = currencyOf(pre + post);
  if (currency === 'unknown') return { kind: 'unparseable', reason: 'has text around the amount that is neither a unit nor a currency' };
  if (currency === 'conflict') return { kind: 'unparseable', reason: 'names more than one currency' };
  // Without a unit a bare number could be 元 or 万元 (a factor of 10,000): only the column header can say which.
  const effectiveUnit = unit ?? (post.includes('元') || pre.includes('元') ? '元' : headerUnit);
  if (!effectiveUnit) return { kind: 'unparseable', reason: 'has no unit (元 or 万元) and the column header names none' };
  return { kind: 'amount', wan: Number(num) * UNIT_FACTOR[effectiveUnit], currency: currency ?? 'CNY' };
}

/** The unit a column header states for its numbers, e.g. "注册资本(万元)" → 万元. */
export function capitalHeaderUnit(label: string): CapitalHeaderUnit {
  const s = normalise(label);
  if (/\(万元?\)|\(万元人民币\)|万元$/.test(s)) return '万元';
  if (/\(元\)|\(元人民币\)/.test(s)) return '元';
  return null;
}
