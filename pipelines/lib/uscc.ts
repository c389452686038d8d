// Unified Social Credit Code (统一社会信用代码, GB 32100-2015): check digit, structure, validation.
// A failed check digit is a warning, not a rejection: some legally valid pilot-era codes fail it.

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a USCC. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`USCC body must be 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) throw new Error(`"${first17[i]}" is not a USCC character`);
    sum += v * WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c];
}

export type UsccStatus =
  /** 18 characters of the right alphabet and the check character matches. */
  | 'valid'
  /** Right shape, wrong check character: keep the row, flag it. */
  | 'check_failed'
  /** Not a USCC at all (length, characters): the row is quarantined where a USCC is required. */
  | 'invalid_format';

export function normaliseUscc(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\t\u3000]/g, '').toUpperCase();
}

export function checkUscc(s: string | null | undefined): UsccStatus {
  const u = normaliseUscc(s);
  if (!FORMAT.test(u)) return 'invalid_format';
  return usccCheckChar(u.slice(0, 17)) === u[17] ? 'valid' : 'check_failed';
}

/** The registering authority's GB/T 2260 division code (positions 3–8). */
export function usccDivision(s: string): string {
  return normaliseUscc(s).slice(2, 8);
}

/** Builds a USCC with a correct check character; used by the sample generator. */
export function makeUscc(dept: string, orgType: string, division: string, body9: string): string {
  const first17 = `${dept}${orgType}${division}${body9}`;
  return first17 + usccCheckChar(first17);
}
