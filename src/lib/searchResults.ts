// What the header's search box shows for a Pagefind result: one line per matching indicator (or page section),
// linked to the indicator's own anchor, with the excerpt split into plain and highlighted runs so the list is
// built from text nodes (an excerpt is never inserted as HTML). Pure: the DOM wiring is src/scripts/search.ts.

/** The part of Pagefind's browser API the box uses (pagefind.js, loaded from the site on first use). */
export interface PagefindModule {
  options(o: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { id: string; data(): Promise<PagefindFragment> }[] } | null>;
}

/** An element with an id that Pagefind met while indexing a page, at word `location` of its content. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

/** A region of a page after a heading with an id. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  anchor?: PagefindAnchor;
}

/** One page's data in a Pagefind result. */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
  anchors: PagefindAnchor[];
}

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptRun {
  text: string;
  mark: boolean;
}

/** One line of the results list. */
export interface SearchHit {
  /** The indicator's (or section's) title, or the page title when the match is above any titled section. */
  title: string;
  /** The title of the page it is on. */
  page: string;
  url: string;
  excerpt: ExcerptRun[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: '\u00a0' };

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, e: string) => ENTITIES[e]);
}

/** Splits Pagefind's excerpt ("… <mark>培育钻石</mark> …", otherwise HTML-escaped text) into runs. */
export function excerptRuns(html: string): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  let mark = false;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else if (part) {
      const text = decode(part.replace(/<[^>]*>/g, ''));
      const last = runs.at(-1);
      if (last && last.mark === mark) last.text += text;
      else if (text) runs.push({ text, mark });
    }
  }
  return runs;
}

/**
 * The address a sub-result links to: an indicator's title heading has the id `<indicator>-title` inside its
 * `<section id="<indicator>">`, so the link goes to the section, the indicator's own anchor (the one its
 * citation and the brief use); any other heading keeps its own anchor.
 */
export function anchorUrl(sub: PagefindSubResult, anchors: PagefindAnchor[]): string {
  const id = sub.anchor?.id;
  if (!id || !id.endsWith('-title')) return sub.url;
  const section = id.slice(0, -'-title'.length);
  if (!anchors.some((a) => a.element === 'section' && a.id === section)) return sub.url;
  return sub.url.replace(/#[^#]*$/, `#${encodeURIComponent(section)}`);
}

/**
 * The lines for one page: each titled section that matched (at most `perPage`, in page order), or the page itself
 * when only its untitled top matched.
 */
export function hitsOfPage(f: PagefindFragment, perPage = 3): SearchHit[] {
  const page = f.meta.title ?? f.url;
  const titled = f.sub_results.filter((s) => s.anchor);
  const chosen = titled.length ? titled.slice(0, perPage) : f.sub_results.slice(0, 1);
  if (!chosen.length) return [{ title: page, page, url: f.url, excerpt: excerptRuns(f.excerpt) }];
  return chosen.map((s) => ({ title: s.title, page, url: anchorUrl(s, f.anchors), excerpt: excerptRuns(s.excerpt) }));
}
