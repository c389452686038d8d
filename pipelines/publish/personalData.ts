// The personal-data gate: nothing published may carry a resident ID number, a mainland mobile number or an
// e-mail address (PIPL), in any spelling. Run over every text value the build publishes; any finding fails the
// build. Text is normalised before matching (scanText.ts), so full-width digits, digits grouped with spaces,
// hyphens, dots, parentheses or slashes, and e-mails written with ＠ or 。 are the same as their plain form.
import { digitRuns, normaliseForScan, type DigitRun } from './scanText.ts';

export type PersonalDataKind = 'resident_id' | 'mobile' | 'email';

export interface Finding {
  kind: PersonalDataKind;
  /** The match (separators removed), partly masked so the report itself does not republish it. */
  masked: string;
  /** 1-based line in the scanned text. */
  line: number;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

// GB/T 2260 province prefixes: an ID starts with one, a USCC (9…, 1…, 5…) of a firm mostly does not.
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

function isDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Whether an 18-character string is a resident ID: province prefix, a real birth date, GB 11643 check character. */
export function isResidentId(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s) || !PROVINCES.has(s.slice(0, 2))) return false;
  const y = Number(s.slice(6, 10));
  if (y < 1900 || y > new Date().getUTCFullYear() || !isDate(y, Number(s.slice(10, 12)), Number(s.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === s[17].toUpperCase();
}

/**
 * Whether a 15-digit string is a first-generation resident ID (issued until 2004, still printed on old records):
 * province prefix, 4 more region digits, a real birth date YYMMDD in the 1900s, 3 sequence digits. It has no check
 * digit, so it is only looked for as a number standing alone (see findNumbers).
 */
export function isOldResidentId(s: string): boolean {
  if (!/^\d{15}$/.test(s) || !PROVINCES.has(s.slice(0, 2))) return false;
  return isDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

/** Mainland mobile numbers: 1[3-9] and 9 digits, with or without the country code (86, 0086). */
export function isMobile(s: string): boolean {
  return /^(?:0086|86)?1[3-9]\d{9}$/.test(s);
}

function mask(s: string): string {
  return s.length <= 4 ? '****' : s.slice(0, 3) + '*'.repeat(s.length - 5) + s.slice(-2);
}

/** The longest personal number that a run of digit groups starting at group `i` spells, if any. */
function numberAt(run: DigitRun, i: number): { kind: PersonalDataKind; value: string; end: number } | null {
  let best: { kind: PersonalDataKind; value: string; end: number } | null = null;
  let s = '';
  for (let j = i; j < run.groups.length; j++) {
    s += run.groups[j];
    if (s.length > 18) break;
    // A group is never cut: "PO 2024 13812345678901" holds no phone number. A number bounded by a '.' on either
    // side without other separators is a decimal (13812345678.50, an amount), not a phone number or an ID.
    const single = j === i;
    const decimal = single && ((i > 0 && run.separators[i - 1] === '.') || (j + 1 < run.groups.length && run.separators[j] === '.'));
    if (decimal) continue;
    let kind: PersonalDataKind | null = null;
    if (s.length === 18 && isResidentId(s)) kind = 'resident_id';
    // The old form has no check digit: it counts standing alone (no letters glued on) and in at most four groups
    // (6-6-3, 6-3-3-3), not when strung together from a list of small numbers ("1 1 1 1 …").
    else if (s.length === 15 && j - i < 4 && isOldResidentId(s) && (i > 0 || !run.letterBefore) && (j < run.groups.length - 1 || !run.letterAfter)) kind = 'resident_id';
    // Hashes (hex) hold 11-digit stretches by chance; an ID's check digit, date and region make that negligible.
    // A phone number does not run on into letters ("13514401134H51…" is a firm's code), and groups joined across
    // a separator do not start glued to letters either; a label glued before one number is common (Tel138…).
    else if (isMobile(s) && !run.hexBound[i] && !run.hexBound[j] && (j < run.groups.length - 1 || !run.letterAfter) && (single || i > 0 || !run.letterBefore)) kind = 'mobile';
    if (kind) best = { kind, value: s.toUpperCase(), end: j };
  }
  return best;
}

function findNumbers(line: string): { kind: PersonalDataKind; value: string }[] {
  const out: { kind: PersonalDataKind; value: string }[] = [];
  for (const run of digitRuns(line)) {
    for (let i = 0; i < run.groups.length; i++) {
      const hit = numberAt(run, i);
      if (hit) {
        out.push(hit);
        i = hit.end;
      }
    }
  }
  return out;
}

// Local part and domain labels may be non-ASCII (张三@例子.中国); spaces around the @ are tolerated. The top-level
// label is letters (com, 中国) or a punycode label (xn--fiqs8s). Lengths are bounded (64 for the local part, 63 per
// label, as in RFC 5321) so that a huge cell with an @ in it costs linear time, not quadratic.
const EMAIL = /[\p{L}\p{N}._%+\-'!#$&*=?^`{|}~]{1,64} ?@ ?(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,10}(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})/iu;

/**
 * E-mail addresses, looked for around each @ only: an address has no @ but its own, its local part is at most 66
 * characters before it (64 and a space) and its domain ends before the next @. So each character is read at most
 * twice, whatever the line.
 */
function findEmails(line: string): string[] {
  const out: string[] = [];
  let prev = -1;
  for (let at = line.indexOf('@'); at >= 0; ) {
    const next = line.indexOf('@', at + 1);
    const m = line.slice(Math.max(prev + 1, at - 66), Math.min(next < 0 ? line.length : next, at + 700)).match(EMAIL);
    if (m) out.push(m[0]);
    prev = at;
    at = next;
  }
  return out;
}

export function findPersonalData(text: string): Finding[] {
  const out: Finding[] = [];
  text.split('\n').forEach((raw, i) => {
    const l = normaliseForScan(raw);
    for (const n of findNumbers(l)) out.push({ kind: n.kind, masked: mask(n.value), line: i + 1 });
    for (const e of findEmails(l.replace(/。/g, '.'))) out.push({ kind: 'email', masked: mask(e.replace(/ /g, '')), line: i + 1 });
  });
  return out;
}
