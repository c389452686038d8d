-- The cluster's processing firms per year (mart_firm_kinds, kind_group 'processing'): births, closures and firms
-- active at year end as mart_enterprise_events counts them, and from the per-firm headcounts the employees of those
-- that reported, the largest firm's headcount and the five largest firms' together (the plan's "largest firm from
-- 2,000 cutters to 200" baseline). A year in which no processing firm reported a headcount has empty headcount
-- figures with the reason in headcount_note, never 0.
WITH firms AS (
  SELECT * FROM mart_firm_kinds WHERE kind_group = 'processing' AND established_year IS NOT NULL
),
years AS (
  SELECT DISTINCT year FROM mart_enterprise_events
  UNION SELECT DISTINCT year FROM mart_employment_firms
),
events AS (
  SELECT y.year,
    count(f.uscc) FILTER (WHERE f.established_year = y.year) AS births,
    count(f.uscc) FILTER (WHERE f.closed_year = y.year) AS closures,
    count(f.uscc) FILTER (WHERE f.established_year <= y.year AND (f.closed_year IS NULL OR f.closed_year > y.year)) AS active_firms,
    bool_or(f.synthetic) AS synthetic
  FROM years y LEFT JOIN firms f ON true
  GROUP BY y.year
),
heads AS (
  SELECT h.year, h.uscc, h.name, h.employees, h.synthetic,
    row_number() OVER (PARTITION BY h.year ORDER BY h.employees DESC, h.uscc) AS size_rank
  FROM mart_employment_firms h
  WHERE h.employees IS NOT NULL AND h.uscc IN (SELECT uscc FROM firms)
),
sizes AS (
  SELECT year, count(*) AS firms_with_headcount, sum(employees) AS employees,
    max(employees) AS largest_firm_employees, arg_min(name, size_rank) AS largest_firm_name,
    sum(employees) FILTER (WHERE size_rank <= 5) AS top5_employees, bool_or(synthetic) AS synthetic
  FROM heads GROUP BY year
)
SELECT e.year, e.active_firms, e.births, e.closures,
  coalesce(s.firms_with_headcount, 0) AS firms_with_headcount, s.employees, s.largest_firm_employees, s.largest_firm_name,
  s.top5_employees, safe_ratio(s.top5_employees, s.employees) AS top5_share,
  CASE WHEN s.year IS NULL THEN 'no_headcounts' END AS headcount_note,
  coalesce(e.synthetic, false) OR coalesce(s.synthetic, false) AS synthetic
FROM events e LEFT JOIN sizes s USING (year)
ORDER BY e.year
