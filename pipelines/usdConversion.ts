// Which conversion gave a published table its US-dollar values: the extract's own USD column, a monthly rate or an
// annual one (staging's usd_basis, counted per file with the reconciliation). A table's share is that of the
// staged kinds it reads, directly or through other marts.
import type { TableSchema } from './checks.ts';
import { modelDependencies } from './plan.ts';
import type { FileReconciliation, UsdConversion } from './publish/publish.ts';

const RATE_TABLE: Record<string, string | null> = { source: null, monthly: 'exchange-rates/cny_usd_monthly.csv', annual: 'exchange-rates/cny_usd_annual.csv', none: null };
const ORDER = ['source', 'monthly', 'annual', 'none'];

/** The staged kinds a model reads, following the marts it reads. */
export function kindsRead(name: string, models: { name: string; sql: string }[], seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  const m = models.find((x) => x.name === name);
  if (!m || seen.has(name)) return out;
  seen.add(name);
  for (const d of modelDependencies(m.sql)) {
    if (d.startsWith('stg_')) out.add(d.slice(4));
    else if (d.startsWith('mart_')) for (const k of kindsRead(d, models, seen)) out.add(k);
  }
  return out;
}

/** The conversions behind a table's USD columns; undefined when it has none or reads no converting kind. */
export function usdConversionOf(name: string, doc: TableSchema, models: { name: string; sql: string }[], files: FileReconciliation[]): UsdConversion[] | undefined {
  if (!Object.values(doc.columns).some((c) => c.unit === 'USD')) return undefined;
  const kinds = kindsRead(name, models);
  const by = new Map<string, UsdConversion>();
  for (const f of files) {
    if (!kinds.has(f.kind) || !f.usdBasis) continue;
    for (const [basis, c] of Object.entries(f.usdBasis)) {
      const cur = by.get(basis) ?? { basis: basis as UsdConversion['basis'], rateTable: RATE_TABLE[basis] ?? null, rows: 0, fromYear: null, toYear: null };
      cur.rows += c.rows;
      if (c.fromYear !== null) cur.fromYear = cur.fromYear === null ? c.fromYear : Math.min(cur.fromYear, c.fromYear);
      if (c.toYear !== null) cur.toYear = cur.toYear === null ? c.toYear : Math.max(cur.toYear, c.toYear);
      by.set(basis, cur);
    }
  }
  const out = [...by.values()].sort((a, b) => ORDER.indexOf(a.basis) - ORDER.indexOf(b.basis));
  return out.length ? out : undefined;
}
