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
  /** The page's indexed text. */
  content: string;
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

/** Text compared with a query: lower case, runs of white space as one space. */
function comparable(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

/** Whether `text` holds the query as typed (not only its words apart). */
export function holdsQuery(text: string, query: string): boolean {
  const q = comparable(query.trim());
  return q !== '' && comparable(text).includes(q);
}

/**
 * Pagefind's pages with those holding the query as typed first, otherwise in Pagefind's order. Pagefind matches
 * words anywhere on a page, and its extended build cuts "加工贸易" into 加工 + 贸易, so a page full of 已加工 and 贸易
 * can outrank the one about 加工贸易 itself. (Pagefind's quoted phrase search finds the phrase but drops the
 * ranking, which put a firm list above the 沙湾 park page.)
 */
export function rankPages<T extends { content: string }>(pages: T[], query: string): T[] {
  return [...pages.filter((p) => holdsQuery(p.content, query)), ...pages.filter((p) => !holdsQuery(p.content, query))];
}

/** Letters and digits of a word, lower case: "W." → "w". */
function bare(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Whether a page really matched: its text holds one of the query's words, or a highlighted word of two or more
 * letters lies inside the query (Pagefind's extended build cuts 培育钻石 into 培育 + 钻石). Pagefind answers a word
 * it does not know with the nearest it has, so "wombat" came back as the initial in "Isard, W." and a nonsense
 * word as a registration number; such pages are not results.
 */
export function isRelevant(f: Pick<PagefindFragment, 'content' | 'excerpt' | 'sub_results'>, query: string): boolean {
  const text = comparable(f.content);
  const terms = comparable(query.trim()).split(' ').filter(Boolean);
  if (terms.some((t) => text.includes(t))) return true;
  const q = bare(query);
  const marked = [f.excerpt, ...f.sub_results.map((s) => s.excerpt)].flatMap((e) => excerptRuns(e).filter((r) => r.mark).map((r) => bare(r.text)));
  return marked.some((m) => [...m].length >= 2 && q.includes(m));
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

const plain = (runs: ExcerptRun[]) => runs.map((r) => r.text).join('');

/**
 * The lines for one page: each titled section that matched (at most `perPage`; those whose excerpt holds the query
 * as typed first, otherwise in page order), or the page itself when only its untitled top matched.
 */
export function hitsOfPage(f: PagefindFragment, query: string, perPage = 3): SearchHit[] {
  const page = f.meta.title ?? f.url;
  const anchored = f.sub_results.filter((s) => s.anchor);
  const whole = anchored.filter((s) => holdsQuery(plain(excerptRuns(s.excerpt)), query));
  const titled = [...whole, ...anchored.filter((s) => !whole.includes(s))];
  const chosen = titled.length ? titled.slice(0, perPage) : f.sub_results.slice(0, 1);
  if (!chosen.length) return [{ title: page, page, url: f.url, excerpt: excerptRuns(f.excerpt) }];
  return chosen.map((s) => ({ title: s.title, page, url: anchorUrl(s, f.anchors), excerpt: excerptRuns(s.excerpt) }));
}
