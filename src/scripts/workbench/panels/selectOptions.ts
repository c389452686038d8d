// Fills a <select> with a first empty choice ("—") and the given options, written with textContent.
export function fillSelect(sel: HTMLSelectElement, items: { value: string; label: string }[]): void {
  const doc = sel.ownerDocument;
  const option = (value: string, label: string) => {
    const o = doc.createElement('option');
    o.value = value;
    o.textContent = label;
    return o;
  };
  sel.replaceChildren(option('', '—'), ...items.map((i) => option(i.value, i.label)));
}
