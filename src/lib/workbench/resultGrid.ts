// Random access to a query result kept as Arrow record batches, without copying it into row objects: a
// 1,000,000-row result stays in Arrow's columnar buffers and only the rows on screen are converted.
import { cellKind, rawCell, type CellKind } from './cellFormat.ts';

/** The part of an Arrow RecordBatch used here. */
export interface BatchLike {
  numRows: number;
  getChildAt(index: number): { get(row: number): unknown } | null;
}

/** Rows kept from one result. Beyond this a browser tab risks running out of memory; the rest is dropped. */
export const MAX_RESULT_ROWS = 1_000_000;

export type RawValue = string | number | boolean | null;

export class ResultGrid {
  readonly kinds: CellKind[];
  readonly rowCount: number;
  private readonly starts: number[] = [];

  constructor(
    readonly columns: readonly { name: string; type: string }[],
    private readonly batches: readonly BatchLike[],
  ) {
    this.kinds = columns.map((c) => cellKind(c.type));
    let n = 0;
    for (const b of batches) {
      this.starts.push(n);
      n += b.numRows;
    }
    this.rowCount = n;
  }

  /** The batch holding row `i` (binary search over batch start offsets). */
  private locate(i: number): [BatchLike, number] {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return [this.batches[lo], i - this.starts[lo]];
  }

  row(i: number): RawValue[] {
    if (i < 0 || i >= this.rowCount) throw new RangeError(`row ${i} of ${this.rowCount}`);
    const [batch, r] = this.locate(i);
    return this.columns.map((_, j) => rawCell(batch.getChildAt(j)?.get(r), this.kinds[j]));
  }

  *rows(from = 0, to = this.rowCount): Generator<RawValue[]> {
    for (let i = from; i < Math.min(to, this.rowCount); i++) yield this.row(i);
  }
}

/** Pages for a result: 1-based page numbers, clamped to what exists. */
export function pageBounds(rowCount: number, pageSize: number, page: number): { page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(rowCount / pageSize));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { page: p, pages, from: (p - 1) * pageSize, to: Math.min(rowCount, p * pageSize) };
}
