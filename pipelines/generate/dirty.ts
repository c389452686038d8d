// Deterministic dirty rows: a handful of each kind real extracts contain, planted as EXTRA rows (copies of a
// clean row with one defect) so the clean rows, and the consistency between levels, stay intact. Every
// planted row is recorded with its line and the quarantine rule the pipeline should apply (pipelines/README.md).
import type { Rng } from './prng.ts';
import type { CsvTable } from './tables.ts';

export type DirtyKind =
  | 'uscc_check_failed'
  | 'uscc_malformed'
  | 'duplicate'
  | 'conflict'
  | 'hs_unknown'
  | 'quantity_negative'
  | 'period_unparseable'
  | 'date_unparseable'
  | 'value_unparseable'
  | 'status_unknown'
  | 'capital_unparseable'
  | 'year_unparseable'
  | 'persons_unparseable'
  | 'firm_id_missing'
  | 'column_count';

/** The pipeline's rule id for each kind; null where the row must load with a warning, not be quarantined. */
export const EXPECTED_RULE: Record<DirtyKind, string | null> = {
  uscc_check_failed: null,
  uscc_malformed: 'uscc_invalid_format',
  duplicate: 'duplicate_row',
  // Same key, different value: loaded, resolved by the documented rule and reported as a conflict.
  conflict: null,
  hs_unknown: 'hs_code_unknown',
  quantity_negative: 'quantity_negative',
  period_unparseable: 'period_unparseable',
  date_unparseable: 'date_unparseable',
  value_unparseable: 'value_unparseable',
  status_unknown: 'status_unknown',
  capital_unparseable: 'capital_unparseable',
  year_unparseable: 'year_unparseable',
  persons_unparseable: 'persons_unparseable',
  firm_id_missing: 'firm_id_missing',
  column_count: 'csv_malformed',
};

export interface DirtyRow {
  file: string;
  /** 1-based physical line in the file (the header is line 1). */
  line: number;
  kind: DirtyKind;
  rule: string | null;
  /** Column the defect is in, if any. */
  column: string | null;
}

/** How to damage a copied row: which column gets which text (or a custom edit). */
export interface Defect {
  kind: DirtyKind;
  column?: string;
  value?: (old: string, rng: Rng) => string;
  edit?: (row: string[], rng: Rng) => string[];
}

/** A planted row waiting for its line number; kept by identity until all planting is done. */
interface Pending {
  row: string[];
  kind: DirtyKind;
  column: string | null;
}

export class DirtyPlanter {
  private pending = new Map<CsvTable, Pending[]>();

  constructor(private readonly rng: Rng) {}

  /** Adds `count` rows to the table, each a copy of a random clean row with the defect applied. */
  plant(table: CsvTable, defect: Defect, count: number): void {
    const list = this.pending.get(table) ?? [];
    const planted = new Set(list.map((p) => p.row));
    for (let i = 0; i < count; i++) {
      let source: string[];
      do source = table.rows[this.rng.int(0, table.rows.length - 1)];
      while (planted.has(source));
      let row = [...source];
      if (defect.edit) row = defect.edit(row, this.rng);
      else {
        const col = table.header.indexOf(defect.column!);
        if (col < 0) throw new Error(`${table.relPath}: no column ${defect.column}`);
        row[col] = defect.value!(row[col], this.rng);
      }
      // Duplicates and revisions sit right after their original, as a re-run or corrected export leaves them; others anywhere.
      const at = defect.kind === 'duplicate' || defect.kind === 'conflict' ? table.rows.indexOf(source) + 1 : this.rng.int(0, table.rows.length);
      table.rows.splice(at, 0, row);
      planted.add(row);
      list.push({ row, kind: defect.kind, column: defect.column ?? null });
    }
    this.pending.set(table, list);
  }

  /** Records a clean-looking row that is dirty by construction (e.g. a firm whose USCC fails its check). */
  mark(table: CsvTable, row: string[], kind: DirtyKind, column: string): void {
    const list = this.pending.get(table) ?? [];
    list.push({ row, kind, column });
    this.pending.set(table, list);
  }

  manifest(): DirtyRow[] {
    const out: DirtyRow[] = [];
    for (const [table, list] of this.pending) {
      const lineOf = new Map(table.rows.map((r, i) => [r, i + 2]));
      for (const p of list) {
        const line = lineOf.get(p.row);
        if (line === undefined) throw new Error(`${table.relPath}: planted row lost`);
        out.push({ file: table.relPath, line, kind: p.kind, rule: EXPECTED_RULE[p.kind], column: p.column });
      }
    }
    return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  }
}

/** Changes a USCC's check character to a wrong one of the same alphabet (a pilot-era code, legally valid). */
export function breakCheckChar(uscc: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const i = alphabet.indexOf(uscc[17]);
  return uscc.slice(0, 17) + alphabet[(i + 7) % alphabet.length];
}
