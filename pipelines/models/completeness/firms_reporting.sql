-- Coverage of a year of firm headcounts: the firms reporting one. Firms open and close, so the count moves a little
-- from year to year; a fall of more than 10% from the last complete year means the year's returns are not all in.
SELECT year AS period, 'firms_reporting' AS measure, count(DISTINCT uscc) AS value, 0.1 AS tolerance
FROM mart_employment_firms
GROUP BY year
