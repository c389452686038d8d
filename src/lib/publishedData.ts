// Reads the pipeline's published folder at build time (Astro frontmatter and endpoints run in Node).
// PUBLISHED_DATA_DIR overrides the folder, for developing against a hand-made fixture; the default is
// public/data, which Astro also copies into dist/ so the download links work.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EMPTY_CATALOG, EMPTY_QUALITY, type Catalog, type PublishedTable, type Quality } from './catalog.ts';

export function dataDir(): string {
  return resolve(process.env.PUBLISHED_DATA_DIR || join(process.cwd(), 'public', 'data'));
}

const cache = new Map<string, unknown>();

function readJson<T>(rel: string, fallback: T): T {
  const p = join(dataDir(), rel);
  if (cache.has(p)) return cache.get(p) as T;
  const value = existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as T) : fallback;
  cache.set(p, value);
  return value;
}

export function loadCatalog(): Catalog {
  return readJson<Catalog>('catalog.json', EMPTY_CATALOG);
}

export function loadQuality(): Quality {
  return readJson<Quality>('quality.json', EMPTY_QUALITY);
}

/** A published table's JSON copy, or null when the table is missing or too large to have one. */
export function loadTable(name: string): PublishedTable | null {
  const entry = loadCatalog().tables.find((t) => t.name === name);
  const rel = entry?.files.json ?? `tables/${name}.json`;
  return readJson<PublishedTable | null>(rel, null);
}

/** The SQL text of a mart, from pipelines/models/marts/, with its file name (e.g. 20_mart_trade_share.sql). */
export function loadMartSql(mart: string): { file: string; sql: string } | null {
  const dir = join(process.cwd(), 'pipelines', 'models', 'marts');
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((f) => f.replace(/^\d+_/, '') === `${mart}.sql`);
  return file ? { file: `pipelines/models/marts/${file}`, sql: readFileSync(join(dir, file), 'utf8') } : null;
}

/** Every mart's SQL, for lineage. */
export function loadAllMartSql(): Record<string, string> {
  const dir = join(process.cwd(), 'pipelines', 'models', 'marts');
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (f.endsWith('.sql')) out[f.replace(/^\d+_/, '').replace(/\.sql$/, '')] = readFileSync(join(dir, f), 'utf8');
  return out;
}
