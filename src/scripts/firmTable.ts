// The firm list's island: search and column sorting over the table rendered at build time.
import { filterRows, sortRows } from '../lib/tableFilter.ts';

const table = document.querySelector<HTMLTableElement>('table[data-firm-table]');
const search = document.querySelector<HTMLInputElement>('input[data-firm-search]');
const shown = document.querySelector<HTMLElement>('[data-firm-shown]');
if (table && search) {
  const body = table.tBodies[0];
  const rows = [...body.rows];
  search.hidden = false;
  document.querySelector<HTMLElement>('[data-sort-hint]')?.removeAttribute('hidden');
  const update = () => {
    const visible = filterRows(rows.map((r) => r.textContent ?? ''), search.value);
    rows.forEach((r, i) => (r.hidden = !visible[i]));
    if (shown) {
      shown.hidden = false;
      shown.textContent = ' · ' + (shown.dataset.template ?? '{n}').replace('{n}', String(visible.filter(Boolean).length));
    }
  };
  search.addEventListener('input', update);
  const heads = [...table.tHead!.rows[0].cells];
  heads.forEach((th, col) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      heads.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', dir);
      const numeric = th.dataset.sort === 'number';
      const keys = rows.map((r) => {
        const cell = r.cells[col];
        return numeric ? cell.dataset.value ?? '' : cell.textContent ?? '';
      });
      const order = sortRows(keys, numeric, dir === 'ascending');
      body.append(...order.map((i) => rows[i]));
    });
  });
}
