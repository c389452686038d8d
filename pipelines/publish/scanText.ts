// How the personal-data gate reads text: one normal form for every spelling, the digit runs in it, and the SQL
// prefilter that picks the values worth reading. The prefilter is derived from the same normal form (by asking
// Node's Unicode tables about every code point), so it can only ever pass more values than the exact checks
// flag, never fewer: a value it rejects cannot hold a finding.

/** Format characters (zero-width space, soft hyphen, BOM) and combining marks: invisible inside a number. */
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}]/gu;
const INVISIBLE_CHAR = /[\p{Cf}\p{Mn}\p{Me}]/u;

/**
 * The text as the gate reads it: NFKC (full-width digits, letters and ＠ become ASCII; ideographic space becomes a
 * space; ｡ and ︒ become the ideographic full stop 。) and invisible characters removed. 。 stays itself: it
 * separates digit groups, and stands in for a dot in e-mail domains (personalData.ts), but it never makes a
 * decimal point (电话13812345678。2024年… is a phone number and a year).
 */
export function normaliseForScan(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

/**
 * Separators that may sit inside a number after normalisation: spaces, hyphens and dashes, dots (also 。) and
 * middle dots, brackets, slashes, underscore and plus. Not commas: 13,812,345,678 is an amount.
 */
const SEP = String.raw`\s\-\u2010-\u2015\u2212\u2043.\u3002\u00B7\u30FB\u2027\u2022()\[\]\u3010\u3011\u3014\u3015\u3016\u3017/\\\u2044\u2215_+`;
const SEP_ONLY = new RegExp(`^[${SEP}]*$`, 'u');
const RUN = new RegExp(`[0-9](?:[${SEP}]*[0-9])*(?:[Xx](?![A-Za-z0-9]))?`, 'gu');
const SPLIT = new RegExp(`[${SEP}]+`, 'u');
const SEPARATORS = new RegExp(`[${SEP}]+`, 'gu');

export interface DigitRun {
  /** The digit groups, in order (the last may end in X, an ID's check character). */
  groups: string[];
  /** The separator text between group k and k + 1. */
  separators: string[];
  /** Whether an ASCII letter touches the run on the left / right. */
  letterBefore: boolean;
  letterAfter: boolean;
  /** Per group: part of a hexadecimal token of 32 or more characters (a hash, a UUID without hyphens). */
  hexBound: boolean[];
}

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Whether line[start, end) lies in a hexadecimal token of 32+ characters (looked for at most 64 either side). */
function hexToken(line: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a > 0 && start - a < 64 && isHex(line.charCodeAt(a - 1))) a--;
  while (b < line.length && b - end < 64 && isHex(line.charCodeAt(b))) b++;
  return b - a >= 32 && /[A-Fa-f]/.test(line.slice(a, b));
}

/** Maximal runs of digits joined by separators in a normalised line. */
export function digitRuns(line: string): DigitRun[] {
  const out: DigitRun[] = [];
  for (const m of line.matchAll(RUN)) {
    const text = m[0];
    const start = m.index!;
    const end = start + text.length;
    const groups = text.split(SPLIT);
    const separators = groups.length > 1 ? [...text.matchAll(SEPARATORS)].map((s) => s[0]) : [];
    // Only the outer groups can touch letters; inner ones are bounded by separators.
    const hexBound = groups.map((_, k) => {
      if (k !== 0 && k !== groups.length - 1) return false;
      const gStart = k === 0 ? start : end - groups[k].length;
      return hexToken(line, gStart, gStart + groups[k].length);
    });
    out.push({
      groups,
      separators,
      letterBefore: start > 0 && /[A-Za-z]/.test(line[start - 1]),
      letterAfter: end < line.length && /[A-Za-z]/.test(line[end]),
      hexBound,
    });
  }
  return out;
}

export interface CharClasses {
  /** Code points whose normal form holds a digit. */
  digit: number[];
  /** Code points whose normal form holds two or more digits (⑩, ⒛): a value with one is always read. */
  multiDigit: number[];
  /** Code points whose normal form is separators only, or nothing (invisible characters). */
  separator: number[];
  /** Code points whose normal form holds an @. */
  at: number[];
}

let classes: CharClasses | null = null;

/**
 * Code points that can be assigned: planes 0-3 and plane 14 (tags, variation selectors). Planes 4-13 are
 * unassigned and 15-16 are private use: their code points are their own normal form and neither digits, @,
 * separators nor invisible, so they can never take part in a finding.
 */
const ASSIGNABLE: [number, number][] = [
  [0, 0x3ffff],
  [0xe0000, 0xeffff],
];

/** Every code point that can matter sorted into the classes the prefilter needs (about 0.1 s, once per process). */
export function charClasses(): CharClasses {
  if (classes) return classes;
  const c: CharClasses = { digit: [], multiDigit: [], separator: [], at: [] };
  for (const [from, to] of ASSIGNABLE)
    for (let cp = from; cp <= to; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      // Most code points are their own normal form and visible: only ASCII digits, @ and the separators matter.
      if (cp > 0x7f && ch.normalize('NFKC') === ch && !INVISIBLE_CHAR.test(ch)) {
        if (SEP_ONLY.test(ch)) c.separator.push(cp);
        continue;
      }
      const s = normaliseForScan(ch);
      const digits = s.replace(/[^0-9]/g, '').length;
      if (digits > 0) c.digit.push(cp);
      if (digits > 1) c.multiDigit.push(cp);
      if (s.includes('@')) c.at.push(cp);
      if (SEP_ONLY.test(s)) c.separator.push(cp);
    }
  classes = c;
  return c;
}

/** An RE2 character class of the given code points, as ranges. */
function re2Class(cps: number[]): string {
  const parts: string[] = [];
  const hex = (n: number) => `\\x{${n.toString(16)}}`;
  for (let i = 0; i < cps.length; ) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1) j++;
    parts.push(j === i ? hex(cps[i]) : `${hex(cps[i])}-${hex(cps[j])}`);
    i = j + 1;
  }
  return `[${parts.join('')}]`;
}

/**
 * The DuckDB (RE2) pattern a text value must match to be read by the exact checks: an @ in any form, a character
 * worth several digits, or 11 digits in any form joined only by separators in any form. Every finding needs one:
 * an e-mail needs its @, and the shortest personal number (a mobile) has 11 digits.
 */
export function sqlPrefilter(): string {
  const c = charClasses();
  const d = re2Class(c.digit);
  const s = re2Class(c.separator);
  return `${re2Class(c.at)}|${re2Class(c.multiDigit)}|${d}(?:${s}*${d}){10}`;
}
