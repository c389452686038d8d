// The site's Content-Security-Policy and security headers, defined once. The layouts write the policy into every
// page as a meta tag, so a copied dist/ is protected on any server; `npm start`'s server and the deploy package's
// nginx and Caddy configuration send the same policy as HTTP headers, which can also say who may frame a page
// (a meta tag cannot). Without 'unsafe-inline' in script-src a `javascript:` link does not run either.
import { WORKBENCH_CSP } from './workbench/csp.ts';

/**
 * Content pages: scripts, styles and data from this site only; no inline script or style. 'wasm-unsafe-eval'
 * lets the header's search box compile Pagefind's WebAssembly (the site's own pagefind/ files, loaded only when
 * the box is used); it allows WebAssembly only, never eval() of JavaScript.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * What a page is, for its policy: the SQL workbench needs WebAssembly and workers; an embed page is made to be
 * framed by other hosts (an intranet portal), every other page only by the site itself.
 */
export type PageKind = 'page' | 'workbench' | 'embed';

/** The kind of the page at `route`, the path below the site's base ("en/sql/", "embed/x/", "trade/"). */
export function pageKind(route: string): PageKind {
  if (/^(en\/)?sql(\/|$)/.test(route)) return 'workbench';
  if (/^(en\/)?embed(\/|$)/.test(route)) return 'embed';
  return 'page';
}

/** Embed pages: framed by other hosts and without the search box, so no WebAssembly either. */
export const EMBED_CSP = PAGE_CSP.replace(" 'wasm-unsafe-eval'", '');

/** The policy a page carries in its meta tag (frame-ancestors is ignored there, so it is left out). */
export function metaCsp(kind: PageKind): string {
  return kind === 'workbench' ? WORKBENCH_CSP : kind === 'embed' ? EMBED_CSP : PAGE_CSP;
}

/** The HTTP headers every response for `route` carries (the server adds caching and content type itself). */
export function securityHeaders(route: string): Record<string, string> {
  const kind = pageKind(route);
  const framing: Record<string, string> = kind === 'embed' ? {} : { 'X-Frame-Options': 'SAMEORIGIN' };
  return {
    'Content-Security-Policy': kind === 'embed' ? metaCsp(kind) : `${metaCsp(kind)}; frame-ancestors 'self'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...framing,
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}
