// Small progressive enhancements; every page works without them.
import { citeGbt7714, citePlain, type CitationInput } from '../lib/citation.ts';
import type { Lang } from '../lib/i18n.ts';
import { embedSnippet } from '../lib/embed.ts';

// The language switch keeps the query string and the anchor, which are unknown at build time.
for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch]')) {
  const url = new URL(a.href, location.href);
  url.search = location.search;
  url.hash = location.hash;
  a.href = url.toString();
}

// Citations: the absolute address and today's date are known only in the reader's browser.
const today = new Date();
const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
for (const el of document.querySelectorAll<HTMLElement>('[data-cite]')) {
  const input = JSON.parse(el.dataset.cite ?? '{}') as CitationInput;
  const lang = (el.dataset.lang ?? 'zh') as Lang;
  const full = { ...input, url: new URL(input.url, location.href).toString(), accessed: iso };
  el.textContent = el.dataset.citeForm === 'gbt' ? citeGbt7714(full, lang) : citePlain(full, lang);
}

// Embed code: an iframe needs the absolute address, which only the reader's browser knows (intranet host, base).
for (const el of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-embed-code]')) {
  const url = new URL(el.dataset.embedPath ?? '', location.href).toString();
  el.value = embedSnippet(url, el.dataset.embedTitle ?? '', Number(el.dataset.embedHeight) || 530);
  el.addEventListener('focus', () => el.select());
}
