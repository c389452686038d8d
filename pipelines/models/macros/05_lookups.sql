-- Lookups over the reference and configuration tables, shared by several staging models (so they bind only
-- where those tables exist).
-- One CNY-per-USD rate per year (the reference table could hold several sources for a year).
CREATE OR REPLACE MACRO cny_rate_by_year() AS TABLE SELECT year, avg(cny_per_usd) AS cny_per_usd FROM ref_cny_usd GROUP BY year;
-- The rate for each month: a published monthly average where ref_cny_usd_monthly has one, else the year's annual
-- average; usd_basis says which ('monthly' / 'annual'). A month with neither has no row, so its CNY values stay
-- NULL and the measure checks (schema.json "measures") fail the build naming the year.
CREATE OR REPLACE MACRO cny_rate_by_month() AS TABLE
  WITH annual AS (SELECT year, avg(cny_per_usd) AS r FROM ref_cny_usd GROUP BY year),
  monthly AS (SELECT year, month, avg(cny_per_usd) AS r FROM ref_cny_usd_monthly GROUP BY year, month),
  grid AS (SELECT y.year, m.month FROM (SELECT year FROM annual UNION SELECT year FROM monthly) y, (SELECT unnest(range(1, 13))::INTEGER AS month) m)
  SELECT g.year, g.month, coalesce(mo.r, a.r) AS cny_per_usd, CASE WHEN mo.r IS NOT NULL THEN 'monthly' WHEN a.r IS NOT NULL THEN 'annual' END AS usd_basis
  FROM grid g LEFT JOIN monthly mo ON mo.year = g.year AND mo.month = g.month LEFT JOIN annual a ON a.year = g.year
  WHERE coalesce(mo.r, a.r) IS NOT NULL;
-- The configured class (processing / general) of each trade-mode name.
CREATE OR REPLACE MACRO trade_mode_classes() AS TABLE SELECT name_zh, min(mode_class) AS mode_class FROM cfg_trade_mode GROUP BY name_zh;
