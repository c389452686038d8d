// Every chart kind, by name: an indicator names its kind (indicators.ts) and everything else asks the record.
// A new kind is a module beside these (marks, size, legend, summary, table view) and one entry here.
import { barLatest } from './barLatest.ts';
import { barStacked } from './barStacked.ts';
import { line } from './line.ts';
import type { ChartKindSpec } from './types.ts';

export const CHART_KINDS = {
  /** Lines over the years, one per series. */
  line,
  /** Stacked bars over the years (parts of a whole: natural vs lab-grown, trade modes). */
  barStacked,
  /** Horizontal bars for the latest year, largest first (partners, producing countries). */
  barLatest,
} satisfies Record<string, ChartKindSpec>;

/** How an indicator is drawn. */
export type ChartKind = keyof typeof CHART_KINDS;

export function chartKind(kind: ChartKind): ChartKindSpec {
  const spec = CHART_KINDS[kind];
  if (!spec) throw new Error(`unknown chart kind "${String(kind)}" (known: ${Object.keys(CHART_KINDS).join(', ')})`);
  return spec;
}

export type { ChartKindSpec, TableView } from './types.ts';
