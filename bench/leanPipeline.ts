// The least work a pipeline that meets the issues' rules must add to the outputs floor, done by DuckDB alone on the
// benchmark's customs CSV: the lower bound for issue 10's "full pipeline ≤ 3 × the outputs floor".
// Each statement is the cheapest form of a step the pipeline cannot skip; each leaves out most of what the real
// step does (the rules' messages, lookups, the quote check, regions, file choice, currencies), so the real
// pipeline can only cost more.
import { join } from 'node:path';
import { lit, type Conn } from '../pipelines/lib/duck.ts';

export interface LeanStep {
  name: string;
  /** Why a pipeline that meets the rules cannot skip it. */
  why: string;
  sql: (csv: string, work: string) => string;
}

const COLUMNS = ['period', 'hs_code', 'hs_name', 'partner_code', 'partner_name', 'tm_code', 'tm_name', 'qty1', 'unit1', 'qty2', 'unit2', 'value', 'extra'];

export const LEAN_STEPS: LeanStep[] = [
  {
    name: 'land as text',
    why: 'a cell that fails its rule is quarantined with its text, so cells are read as text, not auto-typed',
    sql: (csv) => `CREATE TABLE land AS SELECT * FROM read_csv(${lit(csv)}, header = true, all_varchar = true, names = [${COLUMNS.map(lit).join(', ')}])`,
  },
  {
    name: 'type and rule',
    why: 'every row is loaded or quarantined with a reason: one pass typing the cells with four rules',
    sql: () => `CREATE TABLE stg AS SELECT *,
      CASE WHEN period IS NULL THEN 'period' WHEN hs_code IS NULL THEN 'hs_code' WHEN value IS NULL OR value < 0 THEN 'value' WHEN qty1 < 0 THEN 'qty1' END AS rule
      FROM (SELECT try_strptime(trim(period), '%Y%m')::DATE AS period, trim(hs_code) AS hs_code, trim(hs_name) AS hs_name,
        trim(partner_code) AS partner_code, trim(partner_name) AS partner_name, trim(tm_code) AS tm_code, trim(tm_name) AS tm_name,
        try_cast(replace(qty1, ',', '') AS DOUBLE) AS qty1, trim(unit1) AS unit1, try_cast(replace(qty2, ',', '') AS DOUBLE) AS qty2,
        trim(unit2) AS unit2, try_cast(replace(value, ',', '') AS DOUBLE) AS value FROM land)`,
  },
  {
    name: 'duplicates',
    why: 'a record repeated in an extract is quarantined, not summed twice: the repeated keys are found',
    sql: () => `CREATE TABLE dups AS SELECT hash(period, hs_code, hs_name, partner_code, partner_name, tm_code, tm_name, qty1, unit1, qty2, unit2, value) AS k, count(*) AS n
      FROM stg WHERE rule IS NULL GROUP BY k HAVING count(*) > 1`,
  },
  {
    name: 'stage cache',
    why: 'incremental builds (issue 2) keep the staged rows: only the columns the mart reads',
    sql: (_csv, work) => `COPY (SELECT period, hs_code, partner_code, partner_name, tm_name, qty1, value FROM stg) TO ${lit(join(work, 'lean_cache.parquet'))} (FORMAT parquet)`,
  },
  {
    name: 'trade mart',
    why: 'the published monthly mart: rows with the same key summed, its 17 columns, in a published order (its key only)',
    sql: () => `CREATE TABLE mart AS SELECT period, year(period)::INTEGER AS year, month(period)::INTEGER AS month, 'nation' AS region_level,
        '000000' AS region_code, hs_code, substr(hs_code, 1, 6) AS hs6, 'group' AS hs_group, 'import' AS flow, partner_code,
        min(partner_name) AS partner_name, 'general' AS trade_mode_class, tm_name AS trade_mode_name, round(sum(value), 2) AS value_usd,
        round(sum(qty1), 3) AS quantity_carats, 'source' AS source_id, FALSE AS synthetic
      FROM stg WHERE rule IS NULL GROUP BY period, hs_code, partner_code, tm_name ORDER BY period, hs_code, partner_code, tm_name`,
  },
  {
    name: 'Parquet file',
    why: 'published as the floor publishes its table',
    sql: (_csv, work) => `COPY mart TO ${lit(join(work, 'lean.parquet'))} (FORMAT parquet, COMPRESSION zstd)`,
  },
  {
    name: 'DuckDB file',
    why: 'published as the floor publishes its table',
    sql: (_csv, work) => `ATTACH ${lit(join(work, 'lean.duckdb'))} AS lean; CREATE TABLE lean.mart AS FROM mart; DETACH lean`,
  },
];

/** Runs the lean steps on `csv` in `conn` (which the caller opened with the pipeline's settings), CPU seconds each. */
export async function runLeanPipeline(conn: Conn, csv: string, work: string, cpuSeconds: () => number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const step of LEAN_STEPS) {
    const c0 = cpuSeconds();
    await conn.run(step.sql(csv, work));
    out[step.name] = cpuSeconds() - c0;
  }
  return out;
}
