-- Indicators per park and year: firms (births, closures, active), employees, and the park's trade.
WITH ev AS (
  SELECT year, park_id, sum(births) AS births, sum(closures) AS closures, sum(active_end_of_year) AS active_firms,
    sum(active_end_of_year) FILTER (WHERE industry_role = 'core') AS active_core_firms, bool_or(synthetic) AS synthetic
  FROM mart_enterprise_events GROUP BY year, park_id
),
emp AS (
  SELECT year, park_id, sum(employees) AS employees, bool_or(synthetic) AS synthetic FROM mart_employment_firms WHERE park_id IS NOT NULL GROUP BY year, park_id
),
tr AS (
  SELECT year, park_id,
    round(sum(value_usd) FILTER (WHERE flow = 'export'), 2) AS export_value_usd,
    round(sum(value_usd) FILTER (WHERE flow = 'import'), 2) AS import_value_usd,
    round(sum(value_usd) FILTER (WHERE hs_group IN (SELECT group_id FROM cfg_hs_group WHERE in_total)), 2) AS total_group_trade_value_usd,
    bool_or(synthetic) AS synthetic
  FROM mart_firm_trade_year WHERE park_id IS NOT NULL GROUP BY year, park_id
),
keys AS (SELECT year, park_id FROM ev UNION SELECT year, park_id FROM emp UNION SELECT year, park_id FROM tr)
SELECT k.year, k.park_id, pn.name_zh AS park_name_zh, pn.name_en AS park_name_en,
  coalesce(ev.active_firms, 0) AS active_firms, coalesce(ev.active_core_firms, 0) AS active_core_firms,
  coalesce(ev.births, 0) AS births, coalesce(ev.closures, 0) AS closures,
  emp.employees, tr.export_value_usd, tr.import_value_usd, tr.total_group_trade_value_usd,
  (coalesce(ev.synthetic, false) OR coalesce(emp.synthetic, false) OR coalesce(tr.synthetic, false)) AS synthetic
FROM keys k
LEFT JOIN ev USING (year, park_id) LEFT JOIN emp USING (year, park_id) LEFT JOIN tr USING (year, park_id)
LEFT JOIN cfg_park_name pn ON pn.park_id = k.park_id
ORDER BY k.year, pn.park_order
