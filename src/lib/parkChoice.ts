// The park brought forward on the parks comparison page, in the address (/parks/?park=shawan). Pure, so the island
// and the tests read it the same way; a park not in the configuration means no choice, so a stale link still
// shows every park.

export function parseParkChoice(search: string, parks: readonly string[]): string | null {
  const park = new URLSearchParams(search).get('park');
  return park !== null && parks.includes(park) ? park : null;
}

/** The query string with the choice, keeping the address's other parameters; no choice adds nothing. */
export function parkChoiceSearch(search: string, park: string | null): string {
  const p = new URLSearchParams(search);
  p.delete('park');
  if (park) p.set('park', park);
  const s = p.toString();
  return s ? `?${s}` : '';
}
