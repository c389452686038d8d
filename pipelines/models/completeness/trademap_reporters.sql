-- Coverage of a Trade Map year: the reporters with a value, per flow. Trade Map fills the latest year as countries
-- report, so early in a year only part of the world is there. Tolerance 0.1, as reporters join and leave the list
-- a little from year to year.
SELECT year AS period, 'reporters_' || flow AS measure, count(DISTINCT reporter) AS value, 0.1 AS tolerance
FROM mart_global_trademap
WHERE value_usd_thousand IS NOT NULL AND reporter <> 'World'
GROUP BY ALL
