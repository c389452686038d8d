-- The five largest processing firms by headcount in each year, with their share of the processing firms' reported
-- employees. Firm names are the registry's (legal persons, not people); ties go to the lower USCC.
WITH heads AS (
  SELECT h.year, h.uscc, h.name, h.park_id, h.employees, h.synthetic,
    row_number() OVER (PARTITION BY h.year ORDER BY h.employees DESC, h.uscc) AS size_rank,
    sum(h.employees) OVER (PARTITION BY h.year) AS all_employees
  FROM mart_employment_firms h
  WHERE h.employees IS NOT NULL AND h.uscc IN (SELECT uscc FROM mart_firm_kinds WHERE kind_group = 'processing')
)
SELECT year, size_rank, uscc, name, park_id, employees, safe_ratio(employees, all_employees) AS share_of_employees, synthetic
FROM heads
WHERE size_rank <= 5
ORDER BY year, size_rank
