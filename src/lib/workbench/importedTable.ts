// What every decoder of a reader's own file (Parquet, XLSX) hands to DuckDbSession.importArrow: an Arrow table
// plus, per column, the DuckDB type the imported table ends up with. One shape, so the session loads every
// format the same way and gives every format the same table naming and preview.
import type { Table } from 'apache-arrow';
import type { ColumnKind } from './parquetColumns.ts';

export interface ImportedColumn {
  name: string;
  /** Which Arrow vector carries the values (see arrowColumn.ts). */
  kind: ColumnKind;
  /** The DuckDB type of the imported column; the staged Arrow column is cast to it. */
  sqlType: string;
}

export interface ImportedTable {
  table: Table;
  columns: ImportedColumn[];
  rows: number;
}
