// The site's search index, written into the built site's pagefind/ folder as the last step of every Astro build
// (`npm run build`, the sub-path build, a second cluster's build): a static index that the header's search box
// fetches only when a reader uses it, so search needs no server and works offline. Pagefind's extended binary
// is required because only it segments Chinese into words (without it "培育钻石" is indexed as one long token
// and a search for "钻石" finds nothing); the build stops with a clear error rather than ship a weaker index.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
// Imported up front: Astro's config loader can no longer import modules by the time its build:done hook runs.
// Importing starts nothing; Pagefind's binary is spawned by createIndex.
import * as pagefind from 'pagefind';

/** The folder below the site root that holds the index (the search box imports `${base}pagefind/pagefind.js`). */
export const SEARCH_DIR = 'pagefind';

/**
 * Parts of a page's <main> (marked data-pagefind-body in Base.astro) that are not worth finding: each indicator's
 * provenance (SQL text), citation, download links and embed code repeat on every indicator; the chart SVG and its
 * legend repeat the summary and the data table, which are indexed; the sample-data badge would end every title.
 */
export const SEARCH_EXCLUDE = [
  'details.provenance',
  'details.cite',
  'details.embed',
  '.downloads',
  'svg',
  '[aria-hidden="true"]',
  '.badge-synthetic',
  '[data-pagefind-ignore]',
];

/**
 * Whether the built page at `path` (relative to the site root, "trade/index.html") belongs in the index: indicator
 * pages, methods and sources in both languages; not the 404 page, the embed copies of indicators, the brief (a
 * printout of indicators indexed on their own pages) or the SQL workbench.
 */
export function isSearchedPage(path: string): boolean {
  const p = path.split(sep).join('/');
  if (!p.endsWith('index.html')) return false;
  return !/^(en\/)?(embed|brief|sql|charts)(\/|$)/.test(p);
}

/** Pagefind's files for its own ready-made interfaces: the site draws its own results list, so they are removed. */
export function isUnusedUiFile(name: string): boolean {
  return /^pagefind-(ui|modular-ui|component-ui|highlight)\b/.test(name);
}

/** The extended Pagefind binary for this platform, or an error saying why Chinese search cannot be built. */
export function extendedBinary(resolve: (id: string) => string = createRequire(import.meta.url).resolve): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const id = `@pagefind/${platform}-${process.arch}/bin/pagefind_extended${platform === 'windows' ? '.exe' : ''}`;
  try {
    return resolve(id);
  } catch {
    throw new Error(`Search index: ${id} is not installed. Its extended build is what segments Chinese; reinstall with \`npm ci\` (pagefind's optional dependency for this platform).`);
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

export interface SearchIndexSummary {
  pages: number;
  languages: string[];
  files: number;
}

/**
 * Indexes the built site in `siteDir` and writes `siteDir/pagefind/`. Throws on any indexing error; the index is
 * written beside it first and moved into place only when complete, so a failure leaves no half-written index.
 */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexSummary> {
  process.env.PAGEFIND_EXTENDED_BINARY_PATH ??= extendedBinary();
  const out = join(siteDir, SEARCH_DIR);
  const partial = join(siteDir, `.${SEARCH_DIR}-partial`);
  rmSync(out, { recursive: true, force: true });
  rmSync(partial, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDE });
    if (!index) throw new Error(`Search index: ${errors.join('; ')}`);
    const languages = new Set<string>();
    let pages = 0;
    for (const file of htmlFiles(siteDir)) {
      const rel = relative(siteDir, file);
      if (!isSearchedPage(rel)) continue;
      // A relative sourcePath gives the page's URL below the site root ("/trade/"); the browser adds the base.
      const content = readFileSync(file, 'utf8');
      const r = await index.addHTMLFile({ sourcePath: rel.split(sep).join('/'), content });
      if (r.errors.length) throw new Error(`Search index: ${rel}: ${r.errors.join('; ')}`);
      pages++;
      // Pagefind keeps one index per <html lang>, and the box searches the index of the page's own language.
      const lang = /<html[^>]*\blang="([^"]+)"/.exec(content)?.[1];
      if (lang) languages.add(lang);
    }
    if (!pages) throw new Error(`Search index: no page to index in ${siteDir}`);
    const w = await index.writeFiles({ outputPath: partial });
    if (w.errors.length) throw new Error(`Search index: ${w.errors.join('; ')}`);
    for (const name of readdirSync(partial)) if (isUnusedUiFile(name)) rmSync(join(partial, name), { recursive: true, force: true });
    renameSync(partial, out);
    return { pages, languages: [...languages].sort(), files: countFiles(out) };
  } finally {
    rmSync(partial, { recursive: true, force: true });
    await pagefind.close();
  }
}

function countFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1), 0);
}

/** The Astro integration that runs writeSearchIndex over the build's output folder. */
export function searchIndexIntegration(): AstroIntegration {
  return {
    name: 'cluster-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        if (!existsSync(siteDir)) throw new Error(`Search index: no build output at ${siteDir}`);
        const t0 = performance.now();
        const s = await writeSearchIndex(siteDir);
        logger.info(`search index: ${s.pages} pages (${s.languages.join(', ')}), ${s.files} files in ${SEARCH_DIR}/, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      },
    },
  };
}
