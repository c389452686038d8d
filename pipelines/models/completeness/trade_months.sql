-- Coverage of a year of customs trade: at each region level (nation, province, city, district), the months with a
-- value in US dollars. A month whose value could not be converted (no exchange rate) is not covered.
-- Tolerance 0: a year is complete only with as many months as the last complete year at every level.
SELECT year AS period, 'months_' || region_level AS measure, count(DISTINCT month) AS value, 0.0 AS tolerance
FROM mart_trade_monthly
WHERE value_usd IS NOT NULL
GROUP BY ALL
