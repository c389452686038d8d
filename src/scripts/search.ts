// The header's search box. Nothing of the index is fetched until a reader focuses the box or types in it: then
// the site's own pagefind/pagefind.js is imported (it loads the index of the page's language, <html lang>, in
// small pieces), and each query lists the matching indicators linked to their anchors. Without JavaScript the
// box stays hidden, since it could not search.
import { hitsOfPage, isRelevant, rankPages, type PagefindModule, type SearchHit } from '../lib/searchResults.ts';

/** Pages whose matches are listed; each contributes up to three indicators. */
const MAX_PAGES = 8;
const RANKED_PAGES = 16;
const DEBOUNCE_MS = 150;

function wire(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[data-search-input]')!;
  const panel = form.querySelector<HTMLElement>('[data-search-results]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const list = form.querySelector<HTMLOListElement>('[data-search-list]')!;
  const base = form.dataset.base ?? '/';
  const msg = (name: string, params: Record<string, string | number> = {}) =>
    (form.dataset[name] ?? '').replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

  let loading: Promise<PagefindModule> | null = null;
  const load = () =>
    (loading ??= (async () => {
      form.dataset.searchState = 'loading';
      const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
      // Pagefind's URLs are below the site root; the base puts them under an intranet sub-path (BASE=/sub/).
      await pagefind.options({ baseUrl: base, excerptLength: 24 });
      await pagefind.init();
      form.dataset.searchState = 'ready';
      return pagefind;
    })());

  let seq = 0;
  const render = (hits: SearchHit[]) =>
    list.replaceChildren(
      ...hits.map((h) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = h.url;
        const title = document.createElement('strong');
        title.textContent = h.title;
        a.append(title);
        if (h.page !== h.title) {
          const page = document.createElement('span');
          page.className = 'search-page';
          page.textContent = h.page;
          a.append(' ', page);
        }
        const excerpt = document.createElement('p');
        excerpt.className = 'search-excerpt';
        for (const r of h.excerpt) {
          if (r.mark) {
            const m = document.createElement('mark');
            m.textContent = r.text;
            excerpt.append(m);
          } else excerpt.append(r.text);
        }
        li.append(a, excerpt);
        return li;
      }),
    );

  async function run(): Promise<void> {
    const query = input.value.trim();
    const mine = ++seq;
    if (!query) {
      panel.hidden = true;
      list.replaceChildren();
      return;
    }
    panel.hidden = false;
    status.textContent = msg('msgLoading');
    try {
      const pagefind = await load();
      const found = await pagefind.search(query);
      if (mine !== seq || !found) return;
      // A few more pages than are shown, so a page holding the query as typed can move up (rankPages).
      const pages = await Promise.all(found.results.slice(0, RANKED_PAGES).map((r) => r.data()));
      if (mine !== seq) return;
      const hits = rankPages(pages.filter((p) => isRelevant(p, query)), query)
        .slice(0, MAX_PAGES)
        .flatMap((p) => hitsOfPage(p, query));
      render(hits);
      status.textContent = hits.length ? msg('msgCount', { n: hits.length }) : msg('msgNone', { q: query });
      form.dataset.searchState = 'done';
      if (hits.length && !performance.getEntriesByName('search:first-result').length) performance.mark('search:first-result');
    } catch (e) {
      console.error(e);
      if (mine === seq) status.textContent = msg('msgFailed');
      form.dataset.searchState = 'failed';
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('focus', () => void load().catch(() => {}));
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run().then(() => list.querySelector('a')?.focus());
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      panel.hidden = true;
      input.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target as Node)) panel.hidden = true;
  });
  form.hidden = false;
}

const form = document.querySelector<HTMLFormElement>('form[data-site-search]');
if (form) wire(form);
