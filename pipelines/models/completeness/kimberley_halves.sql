-- Coverage of a Kimberley Process year: the share of the year's reported carats that come from countries which
-- reported both half-years. Countries report each half separately, and large producers often publish the first
-- half months before the second, so a year in progress has a low share even when most countries appear.
-- Counting reporters would not do: small producers reporting zero come and go from year to year.
-- Tolerance 0.05: a year is complete when this share is at least 95% of the last complete year's.
SELECT year AS period, 'carats_from_full_year_reporters' AS measure,
  coalesce(sum(carats) FILTER (WHERE complete_year) / nullif(sum(carats), 0), 0) AS value, 0.05 AS tolerance
FROM mart_global_kp
GROUP BY year
