-- The complete-period rule, the same for every table (pipelines/README.md, "Complete periods"). Input:
-- coverage_input(period, measure, value, tolerance), one row per period and coverage measure of one table, from
-- that table's coverage model. Output: one row per period and measure, with the reference it was compared with.
-- Periods are walked in order. The first period is the starting reference. A later period is complete when every
-- measure reaches the value of the latest earlier complete period, less its tolerance:
--   value >= reference_value * (1 - tolerance).
-- A period that falls short is incomplete and does not become the reference, so a run of partial periods is
-- compared with the last complete one, never with each other. A measure a period does not report counts as 0.
WITH RECURSIVE
measures AS (SELECT measure, max(tolerance) AS tolerance FROM coverage_input GROUP BY measure),
periods AS (SELECT period, row_number() OVER (ORDER BY period) AS i FROM (SELECT DISTINCT period FROM coverage_input)),
grid AS (
  SELECT p.i, p.period,
    list(m.measure ORDER BY m.measure) AS names,
    list(coalesce(c.value, 0)::DOUBLE ORDER BY m.measure) AS vals,
    list(m.tolerance::DOUBLE ORDER BY m.measure) AS tols
  FROM periods p CROSS JOIN measures m
  LEFT JOIN coverage_input c ON c.period = p.period AND c.measure = m.measure
  GROUP BY p.i, p.period
),
judged AS (
  -- ref_*: what this period is compared with; next_*: the reference the following period will use.
  SELECT i, period, names, vals, tols, TRUE AS complete,
    NULL AS ref_period, NULL::DOUBLE[] AS ref_vals, period AS next_period, vals AS next_vals
  FROM grid WHERE i = 1
  UNION ALL
  SELECT g.i, g.period, g.names, g.vals, g.tols, x.ok, j.next_period, j.next_vals,
    CASE WHEN x.ok THEN g.period ELSE j.next_period END,
    CASE WHEN x.ok THEN g.vals ELSE j.next_vals END
  FROM judged j
  JOIN grid g ON g.i = j.i + 1
  CROSS JOIN LATERAL (
    SELECT NOT list_contains(list_transform(range(1, len(g.vals) + 1), k -> g.vals[k] >= j.next_vals[k] * (1 - g.tols[k]) - 1e-9), FALSE) AS ok
  ) x
)
SELECT period, names[k] AS measure, vals[k] AS value, tols[k] AS tolerance, ref_period AS reference_period,
  ref_vals[k] AS reference_value, complete
FROM judged, range(1, len(names) + 1) AS r(k)
ORDER BY period, measure
