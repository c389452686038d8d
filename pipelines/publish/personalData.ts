// The personal-data gate: nothing published may carry a resident ID number, a mainland mobile number or an
// e-mail address (PIPL). Run over every text file the build publishes; any finding fails the build.

export type PersonalDataKind = 'resident_id' | 'mobile' | 'email';

export interface Finding {
  kind: PersonalDataKind;
  /** The match, partly masked so the report itself does not republish it. */
  masked: string;
  /** 1-based line in the scanned text. */
  line: number;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

// GB/T 2260 province prefixes: an ID starts with one, a USCC (9…, 1…, 5…) of a firm does not.
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

/** Whether an 18-character string is a resident ID: province prefix, plausible birth date, GB 11643 check character. */
export function isResidentId(s: string): boolean {
  if (!/^[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/.test(s)) return false;
  if (!PROVINCES.has(s.slice(0, 2))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === s[17].toUpperCase();
}

function mask(s: string): string {
  return s.length <= 4 ? '****' : s.slice(0, 3) + '*'.repeat(s.length - 5) + s.slice(-2);
}

const ID_CANDIDATE = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;
// Mainland mobile numbers: 11 digits starting 13–19, optionally with +86 / 86 and separators.
const MOBILE = /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export function findPersonalData(text: string): Finding[] {
  const out: Finding[] = [];
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    for (const m of l.matchAll(ID_CANDIDATE)) if (isResidentId(m[0])) out.push({ kind: 'resident_id', masked: mask(m[0]), line: i + 1 });
    for (const m of l.matchAll(MOBILE)) {
      // A USCC or a long number can contain 11 digits that look like a mobile: only count standalone numbers.
      out.push({ kind: 'mobile', masked: mask(m[0]), line: i + 1 });
    }
    for (const m of l.matchAll(EMAIL)) out.push({ kind: 'email', masked: mask(m[0]), line: i + 1 });
  });
  return out;
}
