-- Kimberley Process production per country, year and half-year: what a partial year is compared with, half-year
-- for half-year (January–June against January–June), when its second half is not yet reported.
SELECT country, year, half_year, round(sum(carats), 3) AS carats, round(sum(value_usd), 2) AS value_usd,
  bool_or(_synthetic) AS synthetic
FROM stg_kimberley
GROUP BY country, year, half_year
ORDER BY year, half_year, country
