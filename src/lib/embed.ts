// Embedding a chart in another page (an intranet article, a portal): the iframe code offered in each indicator's
// panel. The page's own address is only known in the reader's browser, so the build writes the path (with the
// base) and enhance.ts makes it absolute; escaping lives here so both produce the same code.
import type { Lang } from './i18n.ts';
import { pageHref } from './paths.ts';

/** Kept here rather than imported from chart.ts, which would pull Observable Plot into the browser bundle. */
function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The embed page of an indicator: /embed/<id>/ (Chinese) or /en/embed/<id>/, under the base. */
export function embedHref(base: string, lang: Lang, id: string): string {
  return pageHref(base, lang, `embed/${id}/`);
}

/** Estimated lines of text at the embed's width (14 px CJK characters, about 7 px Latin ones, 720 px lines). */
function linesOf(text: string): number {
  const px = [...text].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 14 : 7.2), 0);
  return Math.max(1, Math.ceil(px / 700));
}

/**
 * A frame height that shows the whole embed at its drawn width without a scroll bar: the chart (`chartPx`, from
 * chart.ts chartHeight) plus the title and link, and the wrapped legend, summary, source line and sample-data
 * note (`texts`).
 */
export function embedHeight(chartPx: number, texts: string[] = []): number {
  const chart = chartPx;
  const lines = texts.reduce((a, s) => a + linesOf(s), 0);
  return Math.ceil((chart + 140 + 24 * lines) / 10) * 10;
}

/**
 * The HTML to paste: an iframe with a title (screen readers announce it) and no referrer sent. The border goes with
 * the obsolete frameborder attribute, not a style attribute, which a host page with a strict CSP would refuse.
 */
export function embedSnippet(url: string, title: string, height: number): string {
  return `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="760" height="${height}" loading="lazy" referrerpolicy="no-referrer" frameborder="0"></iframe>`;
}
