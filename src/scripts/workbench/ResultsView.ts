// ResultsView: the paged result table. A page of rows is rendered at a time (100 by default), so a result of a
// million rows costs the same to show as one of a hundred; values are written with textContent only, never as
// HTML, because they are whatever the data (or a dropped CSV) contains.
import { displayCell } from '../../lib/workbench/cellFormat.ts';
import { pageBounds, type ResultGrid } from '../../lib/workbench/resultGrid.ts';
import { t, type Lang } from '../../lib/i18n.ts';

export const PAGE_SIZE = 100;

export class ResultsView {
  private grid: ResultGrid | null = null;
  private page = 1;
  private readonly locale: string;

  constructor(
    private readonly root: HTMLElement,
    private readonly lang: Lang,
  ) {
    this.locale = lang === 'zh' ? 'zh-CN' : 'en-US';
    for (const b of root.querySelectorAll<HTMLButtonElement>('[data-wb-page]')) {
      b.addEventListener('click', () => {
        const to = b.dataset.wbPage;
        const pages = this.pages();
        this.show(to === 'first' ? 1 : to === 'prev' ? this.page - 1 : to === 'next' ? this.page + 1 : pages);
      });
    }
    const input = root.querySelector<HTMLInputElement>('[data-wb-page-input]')!;
    input.addEventListener('change', () => this.show(Number(input.value)));
  }

  private pages(): number {
    return this.grid ? pageBounds(this.grid.rowCount, PAGE_SIZE, 1).pages : 1;
  }

  setResult(grid: ResultGrid): void {
    this.grid = grid;
    const thead = this.root.querySelector('[data-wb-grid] thead')!;
    const tr = this.root.ownerDocument.createElement('tr');
    const num = this.root.ownerDocument.createElement('th');
    num.className = 'rownum';
    num.textContent = '#';
    tr.append(num);
    grid.columns.forEach((c) => {
      const th = this.root.ownerDocument.createElement('th');
      th.scope = 'col';
      th.textContent = c.name;
      th.title = c.type;
      tr.append(th);
    });
    thead.replaceChildren(tr);
    this.show(1);
  }

  show(page: number): void {
    if (!this.grid) return;
    const b = pageBounds(this.grid.rowCount, PAGE_SIZE, page);
    this.page = b.page;
    const tbody = this.root.querySelector('[data-wb-grid] tbody')!;
    const frag = this.root.ownerDocument.createDocumentFragment();
    let i = b.from;
    for (const row of this.grid.rows(b.from, b.to)) {
      const tr = this.root.ownerDocument.createElement('tr');
      const n = this.root.ownerDocument.createElement('td');
      n.className = 'rownum';
      n.textContent = String(i + 1);
      tr.append(n);
      row.forEach((v, j) => {
        const td = this.root.ownerDocument.createElement('td');
        td.textContent = displayCell(v, this.locale);
        if (v === null) td.className = 'null';
        else if (typeof v === 'number' || this.grid!.kinds[j] === 'number') td.className = 'num';
        // The exact value, for copying and for tests that compare numbers with Node DuckDB.
        td.dataset.raw = v === null ? '' : String(v);
        tr.append(td);
      });
      frag.append(tr);
      i++;
    }
    tbody.replaceChildren(frag);
    this.root.querySelector('[data-wb-grid-wrap]')!.scrollTop = 0;
    this.root.querySelector('[data-wb-page-label]')!.textContent = t(this.lang, 'sql.page', { page: b.page, pages: b.pages });
    const input = this.root.querySelector<HTMLInputElement>('[data-wb-page-input]')!;
    input.max = String(b.pages);
    input.value = String(b.page);
    for (const btn of this.root.querySelectorAll<HTMLButtonElement>('[data-wb-page]')) {
      const to = btn.dataset.wbPage;
      btn.disabled = to === 'first' || to === 'prev' ? b.page <= 1 : b.page >= b.pages;
    }
  }
}
