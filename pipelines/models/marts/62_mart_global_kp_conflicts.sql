-- Kimberley Process rows that share a country, year, half year and type but give different figures (conflicts,
-- stg_kimberley), how each was resolved and its effect on the totals. They are separate submissions and all are
-- counted; a rule that kept only the first row (what quarantining them as duplicates did) would have left out
-- carats_added / value_usd_added.
SELECT country, year, half_year, trade_type, production_type,
  min(conflict_resolution) AS resolution,
  count(*)::INTEGER AS rows,
  string_agg(_line::VARCHAR, ', ' ORDER BY _line) AS source_rows,
  string_agg(coalesce(strftime(revised_at, '%Y-%m-%d'), '-'), ', ' ORDER BY _line) AS recorded,
  round(sum(carats), 3) AS carats_counted,
  round(sum(carats) - arg_min(carats, _line), 3) AS carats_added,
  round(sum(value_usd), 2) AS value_usd_counted,
  round(sum(value_usd) - arg_min(value_usd, _line), 2) AS value_usd_added,
  bool_or(_synthetic) AS synthetic
FROM stg_kimberley
WHERE conflict_resolution IS NOT NULL
GROUP BY country, year, half_year, trade_type, production_type
ORDER BY year, country, half_year, production_type
