-- Coverage of a yearbook year: the industries (and regions) with a figure. Tolerance 0: the yearbook lists the same
-- industries every year, so one missing means the year is not fully published.
SELECT year AS period, 'industries_reported' AS measure, count(DISTINCT (region_code, industry_code)) AS value, 0.0 AS tolerance
FROM mart_employment_industry
WHERE persons IS NOT NULL
GROUP BY year
