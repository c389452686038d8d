// A period (from–to year) in the address, e.g. /trade/?from=2015&to=2024#trade-explorer. Pure, so the island and
// the tests read it the same way. A year that is not offered falls back to that end of the full range, and a
// reversed range is put the right way round, so an edited or stale link still shows a sensible period.

export interface Period {
  from: number;
  to: number;
}

/** The full range of the offered years (ascending or not). */
export function fullPeriod(years: readonly number[]): Period {
  return { from: Math.min(...years), to: Math.max(...years) };
}

export function parsePeriod(search: string, years: readonly number[]): Period {
  const p = new URLSearchParams(search);
  const full = fullPeriod(years);
  const year = (name: string, fallback: number) => {
    const v = p.get(name);
    const n = v !== null && /^\d{4}$/.test(v.trim()) ? Number(v) : NaN;
    return years.includes(n) ? n : fallback;
  };
  const from = year('from', full.from);
  const to = year('to', full.to);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The query string with the period, keeping the address's other parameters; the full range adds nothing. */
export function periodSearch(search: string, period: Period, years: readonly number[]): string {
  const p = new URLSearchParams(search);
  p.delete('from');
  p.delete('to');
  const full = fullPeriod(years);
  if (period.from !== full.from || period.to !== full.to) {
    p.set('from', String(period.from));
    p.set('to', String(period.to));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
