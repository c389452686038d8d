-- Employment by year and industry from the yearbook-style tables.
SELECT e.year, e.region_code, e.industry_code, coalesce(e.industry_name, i.name_zh) AS industry_name,
  coalesce(i.role, 'other') AS industry_role, e.persons, e._source_id AS source_id, e._synthetic AS synthetic
FROM stg_employment_yearbook e
LEFT JOIN cfg_industry i ON i.code = e.industry_code
ORDER BY e.year, e.region_code NULLS FIRST, e.industry_code
