-- Births, closures and firms active at year end, per year × park × industry. A closure is a firm whose status is
-- not active, dated by its status date (the registry's 核准日期 of the change).
WITH years AS (
  SELECT unnest(range((SELECT first_year FROM cfg_cluster), (SELECT coalesce(max(greatest(year(established), coalesce(year(status_date), 0))), (SELECT first_year FROM cfg_cluster)) FROM mart_enterprises) + 1)) AS year
),
firms AS (SELECT * FROM mart_enterprises WHERE established IS NOT NULL)
SELECT y.year, f.park_id, f.industry_code, f.industry_role,
  count(*) FILTER (WHERE f.established_year = y.year) AS births,
  count(*) FILTER (WHERE f.closed_year = y.year) AS closures,
  count(*) FILTER (WHERE f.established_year <= y.year AND (f.closed_year IS NULL OR f.closed_year > y.year)) AS active_end_of_year,
  bool_or(f.synthetic) AS synthetic
FROM years y CROSS JOIN firms f
GROUP BY y.year, f.park_id, f.industry_code, f.industry_role
HAVING births > 0 OR closures > 0 OR active_end_of_year > 0
ORDER BY y.year, f.park_id, f.industry_code NULLS LAST
