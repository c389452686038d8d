-- Kimberley Process rough-diamond production per country and year (natural diamonds only). A year counts as
-- complete for a country when both half-years are reported.
SELECT country, year,
  round(sum(carats), 3) AS carats, round(sum(value_usd), 2) AS value_usd,
  count(DISTINCT half_year) = 2 AS complete_year,
  bool_or(_synthetic) AS synthetic
FROM stg_kimberley
GROUP BY country, year
ORDER BY year, country
