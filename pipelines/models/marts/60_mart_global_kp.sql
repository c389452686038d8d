-- Kimberley Process rough-diamond production per country and year (natural diamonds only). A year counts as
-- complete for a country when both half-years are reported.
SELECT country, year,
  round(sum(carats), 3) AS carats, round(sum(value_usd), 2) AS value_usd,
  count(DISTINCT half_year) = 2 AS complete_year,
  bool_or(_synthetic) AS synthetic,
  -- The reader's-language names (macros/06_country_names.sql); NULL when the spelling matches nothing.
  any_value(n.alpha3) AS country_iso3, any_value(n.name_zh) AS country_name_zh, any_value(n.name_en) AS country_name_en
FROM stg_kimberley
LEFT JOIN country_names() n ON n.name_key = country_name_key(country)
GROUP BY country, year
ORDER BY year, country
