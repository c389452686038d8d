// The brief's island: show only the indicators named in ?ids=, renumber the figures, keep the checkboxes and the
// address in step (one comma-separated ids parameter), and offer the print dialog.
import { briefQuery, presetOf, selectedIds } from '../lib/briefSelection.ts';
// The brief's figures answer hover and the keyboard like the panels' (one shared module).
import './chartHover.ts';

const items = [...document.querySelectorAll<HTMLElement>('[data-brief-item]')];
const choices = [...document.querySelectorAll<HTMLInputElement>('input[data-brief-choice]')];
const known = items.map((el) => el.dataset.briefItem ?? '');

function show(ids: string[] | null): void {
  let n = 0;
  for (const el of items) {
    const on = ids === null || ids.includes(el.dataset.briefItem ?? '');
    el.hidden = !on;
    if (!on) continue;
    n++;
    const label = el.querySelector<HTMLElement>('[data-figure-label]');
    if (label) label.textContent = (label.dataset.template ?? '{n}').replace('{n}', String(n));
  }
  for (const c of choices) c.checked = ids !== null && ids.includes(c.value);
  const count = document.querySelector<HTMLElement>('[data-brief-count]');
  if (count) count.textContent = (count.dataset.template ?? '{n}').replace('{n}', String(n));
}

// The policy preset's tracker tables: written into the page after the figures (so a brief without script shows
// them, and hiding them shifts nothing on screen), shown with script only when the address asks for the preset,
// and then moved before the figures, as the preset prints them.
const tracker = document.querySelector<HTMLElement>('[data-brief-tracker]');
const figures = document.querySelector<HTMLElement>('[data-brief]');
function showTracker(): void {
  if (!tracker) return;
  const on = presetOf(location.search) === 'policy';
  tracker.hidden = !on;
  if (on && figures && tracker.nextElementSibling !== figures) figures.before(tracker);
}

show(selectedIds(location.search, known));
showTracker();

document.querySelector<HTMLFormElement>('form[data-brief-form]')?.addEventListener('submit', (e) => {
  e.preventDefault();
  const ids = choices.filter((c) => c.checked).map((c) => c.value);
  const preset = presetOf(location.search);
  const query = briefQuery(ids);
  history.pushState(null, '', location.pathname + query + (preset ? `${query ? '&' : '?'}preset=${preset}` : '') + location.hash);
  show(selectedIds(location.search, known));
  showTracker();
});
window.addEventListener('popstate', () => {
  show(selectedIds(location.search, known));
  showTracker();
});

const print = document.querySelector<HTMLButtonElement>('button[data-brief-print]');
if (print) {
  print.hidden = false;
  print.addEventListener('click', () => window.print());
}
