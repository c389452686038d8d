-- table: mart_enterprise_events
-- Firms active at the end of a year = active at the end of the previous year + births − closures, per park and
-- industry: otherwise a firm was counted in a year it did not exist.
WITH e AS (
  SELECT year, park_id, coalesce(industry_code, '') AS ind, births, closures, active_end_of_year FROM mart_enterprise_events
),
keys AS (SELECT DISTINCT park_id, ind FROM e),
years AS (SELECT DISTINCT year FROM e),
grid AS (
  SELECT y.year, k.park_id, k.ind, coalesce(e.births, 0) AS births, coalesce(e.closures, 0) AS closures,
    coalesce(e.active_end_of_year, 0) AS active
  FROM years y CROSS JOIN keys k LEFT JOIN e ON e.year = y.year AND e.park_id = k.park_id AND e.ind = k.ind
),
w AS (SELECT *, lag(active) OVER (PARTITION BY park_id, ind ORDER BY year) AS prev FROM grid)
SELECT year, park_id, ind AS industry_code, prev, births, closures, active FROM w
WHERE prev IS NOT NULL AND active <> prev + births - closures
