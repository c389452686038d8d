// Which sources a mart is computed from. Tables with a source_id column list their sources in the catalog;
// aggregated marts do not, so they are traced through their SQL: every mart_* they read (recursively) and every
// stg_<kind> staging table, whose files the quality report lists with their source ids.
import type { Catalog, Quality } from './catalog.ts';

/** The mart_* and stg_* names a SQL text reads, without itself. */
export function referencedTables(sql: string, self?: string): { marts: string[]; kinds: string[] } {
  const noComments = sql.replace(/--[^\n]*/g, '');
  const marts = new Set<string>();
  const kinds = new Set<string>();
  for (const m of noComments.matchAll(/\b(mart_[a-z0-9_]+|stg_([a-z0-9_]+))\b/g)) {
    if (m[2]) kinds.add(m[2]);
    else if (m[1] !== self) marts.add(m[1]);
  }
  return { marts: [...marts].sort(), kinds: [...kinds].sort() };
}

/** Source ids behind a table, in catalog order. */
export function sourcesOfTable(table: string, martSql: Record<string, string>, catalog: Catalog, quality: Quality): string[] {
  const ids = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const s of catalog.tables.find((t) => t.name === name)?.sources ?? []) ids.add(s);
    const sql = martSql[name];
    if (!sql) return;
    const refs = referencedTables(sql, name);
    for (const kind of refs.kinds) for (const f of quality.files) if (f.kind === kind) ids.add(f.sourceId);
    refs.marts.forEach(visit);
  };
  visit(table);
  return catalog.sources.filter((s) => ids.has(s.id)).map((s) => s.id);
}
