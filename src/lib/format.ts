// Number, percentage, date and unit formatting in the conventions each audience reads: Chinese officials read
// large amounts in 万 and 亿 (1.23亿美元, 4,560万美元), English readers in m and bn (USD 1.23 bn, USD 45.6 m).
import { t, type Lang } from './i18n.ts';

/** The units indicators are published in; each has a label in the translation table (`unit.<id>`). */
export type Unit = 'usd' | 'cny' | 'ratio' | 'carat' | 'persons' | 'firms' | 'usd_per_carat' | 'usd_thousand' | 'index';

/** Catalog unit strings (schema.json) mapped to format units. */
export const CATALOG_UNITS: Record<string, Unit> = {
  USD: 'usd',
  CNY: 'cny',
  ratio: 'ratio',
  carat: 'carat',
  persons: 'persons',
  firms: 'firms',
  'USD/carat': 'usd_per_carat',
  'USD thousand': 'usd_thousand',
  index: 'index',
  'index (0–10,000)': 'index',
};

const MINUS = '-';

/** Digits after the decimal point so that a scaled number shows about three significant digits. */
function decimalsFor(x: number): number {
  const a = Math.abs(x);
  if (a >= 100) return 0;
  if (a >= 10) return 1;
  return 2;
}

/** A plain number with thousands separators and at most `maxDecimals` decimals (trailing zeros kept). */
export function formatNumber(value: number, decimals = 0): string {
  const s = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return (value < 0 && Number(s.replace(/,/g, '')) !== 0 ? MINUS : '') + s;
}

/**
 * A large count in the reader's convention, without the unit: "1.23亿", "4,560万", "8,000" (zh);
 * "1.23 bn", "45.6 m", "8,000" (en). Below 10,000 (zh) or 1,000,000 (en) the number is written out.
 */
export function formatCompact(value: number, lang: Lang): string {
  const a = Math.abs(value);
  if (lang === 'zh') {
    if (a >= 1e8) return formatNumber(value / 1e8, decimalsFor(value / 1e8)) + '亿';
    if (a >= 1e4) return formatNumber(value / 1e4, decimalsFor(value / 1e4)) + '万';
  } else {
    if (a >= 1e9) return formatNumber(value / 1e9, decimalsFor(value / 1e9)) + ' bn';
    if (a >= 1e6) return formatNumber(value / 1e6, decimalsFor(value / 1e6)) + ' m';
  }
  return formatNumber(value, a < 10 && !Number.isInteger(value) ? 2 : 0);
}

/** A share (0.123) as a percentage: "12.3%". */
export function formatPercent(ratio: number, decimals = 1): string {
  return formatNumber(ratio * 100, decimals) + '%';
}

/** A change in percentage points, unsigned: 0.0123 → "1.2". */
export function formatPoints(ratioDelta: number, decimals = 1): string {
  return formatNumber(Math.abs(ratioDelta) * 100, decimals);
}

/**
 * A value with its unit in the reader's convention: "1.23亿美元" / "USD 1.23 bn", "12.3%", "4,560万克拉" /
 * "45.6 m carats", "10.2万人" / "102,000 persons", "1,234美元/克拉" / "USD 1,234 per carat". Missing values → "–".
 */
export function formatValue(value: number | null | undefined, unit: Unit, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'ratio':
      return formatPercent(value);
    case 'usd':
      return lang === 'zh' ? formatCompact(value, lang) + '美元' : 'USD ' + formatCompact(value, lang);
    case 'cny':
      return lang === 'zh' ? formatCompact(value, lang) + '元' : 'CNY ' + formatCompact(value, lang);
    case 'usd_thousand':
      return formatValue(value * 1000, 'usd', lang);
    case 'usd_per_carat':
      return lang === 'zh' ? formatNumber(value, value < 10 ? 2 : 0) + '美元/克拉' : `USD ${formatNumber(value, value < 10 ? 2 : 0)} per carat`;
    case 'carat':
      return lang === 'zh' ? formatCompact(value, lang) + '克拉' : formatCompact(value, lang) + ' carats';
    case 'persons':
      return lang === 'zh' ? formatCompact(value, lang) + '人' : formatCompact(value, lang) + ' persons';
    case 'firms':
      return lang === 'zh' ? formatNumber(value) + '家' : formatNumber(value) + ' firms';
    case 'index':
      // An index (RCA, HHI) has no unit; small ones need their decimals to be read against 1.
      return formatNumber(value, Math.abs(value) < 10 ? 2 : 0);
  }
}

/** The unit's name for an axis or table heading: "美元" / "USD". */
export function unitLabel(unit: Unit, lang: Lang): string {
  return t(lang, `unit.${unit}`);
}

/**
 * Axis tick labels: compact numbers without the currency, so a chart's axis stays short ("1.2亿", "45 m", "12%").
 */
export function formatTick(value: number, unit: Unit, lang: Lang): string {
  if (unit === 'ratio') return formatNumber(value * 100, Math.abs(value) < 0.1 && value !== 0 && !Number.isInteger(value * 100) ? 1 : 0) + '%';
  if (unit === 'index') return formatNumber(value, Math.abs(value) < 10 && !Number.isInteger(value) ? 1 : 0);
  const s = formatCompact(unit === 'usd_thousand' ? value * 1000 : value, lang);
  return s.replace(/\.(\d*?)0+(?=\D|$)/, (_, keep: string) => (keep ? '.' + keep : ''));
}

/** A relative change (0.123 → "12.3%"), unsigned; the sentence says up or down. */
export function formatChangePercent(from: number, to: number): string {
  return formatPercent(Math.abs((to - from) / from));
}

function parseIso(date: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(date);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: m[3] ? Number(m[3]) : 1 } : null;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2013-05" or "2013-05-01" → "2013年5月" / "May 2013". */
export function formatYearMonth(date: string, lang: Lang): string {
  const p = parseIso(date);
  if (!p) return date;
  return lang === 'zh' ? `${p.y}年${p.m}月` : `${MONTHS_EN[p.m - 1]} ${p.y}`;
}

/** "2025-12-31" → "2025年12月31日" / "31 December 2025". */
export function formatDate(date: string | null | undefined, lang: Lang): string {
  if (!date) return '–';
  const p = parseIso(date);
  if (!p) return date;
  return lang === 'zh' ? `${p.y}年${p.m}月${p.d}日` : `${p.d} ${MONTHS_EN[p.m - 1]} ${p.y}`;
}

/** A year: "2013年" / "2013". */
export function formatYear(year: number, lang: Lang): string {
  return lang === 'zh' ? `${year}年` : String(year);
}
