// The parks comparison page's island: choosing a park brings its row and its lines forward (the other parks fade)
// and offers a link to its own page; ?park= in the address follows the choice (replaceState, as in the trade
// explorer). Without script every park is shown alike and the list above links to each.
import { parkChoiceSearch, parseParkChoice } from '../lib/parkChoice.ts';

const form = document.querySelector<HTMLFormElement>('[data-park-form]');
const select = form?.querySelector<HTMLSelectElement>('[data-park-choice]');
if (form && select) {
  const parks = [...select.options].map((o) => o.value).filter(Boolean);
  const open = document.querySelector<HTMLAnchorElement>('[data-park-open]');

  const show = (park: string | null) => {
    select.value = park ?? '';
    for (const row of document.querySelectorAll<HTMLElement>('[data-park-row]')) row.classList.toggle('is-chosen', row.dataset.parkRow === park);
    for (const svg of document.querySelectorAll<SVGSVGElement>('[data-indicator] svg[data-chart]')) {
      const chosen = park === null ? -1 : (JSON.parse(svg.dataset.keys ?? '[]') as string[]).indexOf(park);
      for (const el of svg.querySelectorAll<SVGElement>('[data-s]')) el.classList.toggle('is-faded', chosen >= 0 && Number(el.dataset.s) !== chosen);
    }
    const option = select.selectedOptions[0];
    if (open) {
      open.hidden = !park;
      open.href = option?.dataset.href ?? '';
      open.textContent = option?.dataset.openText ?? '';
    }
  };

  form.hidden = false;
  show(parseParkChoice(location.search, parks));
  select.addEventListener('change', () => {
    const park = parseParkChoice(`?park=${encodeURIComponent(select.value)}`, parks);
    history.replaceState(null, '', location.pathname + parkChoiceSearch(location.search, park) + location.hash);
    show(park);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
}
