// Internal links. Every link goes through here so that a build under a sub-path (BASE=/dashboard/) works: the
// base comes from Astro's import.meta.env.BASE_URL at the call site and is passed in, which keeps this testable.
import type { Lang } from './i18n.ts';

/** Top-level sections, in navigation order. The route is relative to the language root. */
export const SECTIONS = [
  { id: 'overview', route: '' },
  { id: 'policy', route: 'policy/' },
  { id: 'trade', route: 'trade/' },
  { id: 'workforce', route: 'workforce/' },
  { id: 'enterprises', route: 'enterprises/' },
  { id: 'parks', route: 'parks/' },
  { id: 'methods', route: 'methods/' },
  { id: 'sources', route: 'sources/' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

/** The base with exactly one trailing slash ("/" or "/sub/"). */
export function normalizeBase(base: string): string {
  return base.endsWith('/') ? base : base + '/';
}

/** A file under the site root, e.g. withBase('/sub', 'data/tables/x.csv') → "/sub/data/tables/x.csv". */
export function withBase(base: string, path: string): string {
  return normalizeBase(base) + path.replace(/^\/+/, '');
}

/** A page in a language: Chinese at the root, English under en/. */
export function pageHref(base: string, lang: Lang, route: string): string {
  return withBase(base, (lang === 'en' ? 'en/' : '') + route.replace(/^\/+/, ''));
}

/**
 * The route of the current page relative to its language root, from the URL path: "/sub/en/trade/" with base
 * "/sub/" → "trade/". Used by the language switch, which must land on the same page.
 */
export function routeOf(base: string, pathname: string): string {
  const b = normalizeBase(base);
  let p = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, '');
  if (p === 'en') p = '';
  else if (p.startsWith('en/')) p = p.slice(3);
  if (p && !p.endsWith('/') && !/\.[a-z0-9]+$/i.test(p)) p += '/';
  return p;
}

/** Which section a route belongs to (for the navigation's current-page marker). */
export function sectionOf(route: string): SectionId {
  const first = route.split('/')[0];
  return (SECTIONS.find((s) => s.route === first + '/')?.id ?? 'overview') as SectionId;
}
