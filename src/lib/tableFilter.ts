// Search and sort for tables in the browser, kept pure so they are unit-tested.

/** Which rows contain every whitespace-separated term of the query (case-insensitive). */
export function filterRows(texts: string[], query: string): boolean[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return texts.map((text) => {
    const t = text.toLowerCase();
    return terms.every((term) => t.includes(term));
  });
}

/** Row indices in sorted order. Empty values go last in both directions; Chinese text sorts by pinyin. */
export function sortRows(keys: string[], numeric: boolean, ascending: boolean): number[] {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const idx = keys.map((_, i) => i);
  return idx.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    if (ka === '' && kb === '') return a - b;
    if (ka === '') return 1;
    if (kb === '') return -1;
    const c = numeric ? Number(ka) - Number(kb) : collator.compare(ka, kb);
    return (ascending ? c : -c) || a - b;
  });
}
