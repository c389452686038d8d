// Which indicators a printable brief shows, from its address: /brief/?ids=a,b,c (also ?ids=a&ids=b, as a plain
// HTML form submits it). Unknown ids are dropped, the order is the registry's, so figure numbers are stable.

/** The selected ids in registry order, or null when the address selects nothing (the brief shows everything). */
export function selectedIds(search: string, known: string[]): string[] | null {
  const params = new URLSearchParams(search);
  const wanted = new Set(params.getAll('ids').flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean));
  if (!wanted.size) return null;
  const ids = known.filter((id) => wanted.has(id));
  return ids.length ? ids : null;
}

/** The query string for a selection: one comma-separated parameter, short enough to paste into a memo. */
export function briefQuery(ids: string[]): string {
  return ids.length ? `?ids=${ids.map(encodeURIComponent).join(',')}` : '';
}

/** A named preset in the address (?preset=policy prints the policy tracker's tables before the figures). */
export function presetOf(search: string): 'policy' | null {
  return new URLSearchParams(search).get('preset') === 'policy' ? 'policy' : null;
}
