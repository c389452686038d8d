-- Employment by year and industry from the yearbook-style tables.
SELECT e.year, e.region_code, e.industry_code, coalesce(e.industry_name, i.name_zh) AS industry_name,
  -- A yearbook's 合计 row has no industry code: marked "total" so that sums over industries can leave it out.
  CASE WHEN e.industry_code IS NULL AND regexp_matches(coalesce(e.industry_name, ''), '合\s*计|总\s*计|全部|^total', 'i') THEN 'total'
    ELSE coalesce(i.role, 'other') END AS industry_role, e.persons, e._source_id AS source_id, e._synthetic AS synthetic
FROM stg_employment_yearbook e
LEFT JOIN cfg_industry i ON i.code = e.industry_code
WHERE e.conflict_resolution IS DISTINCT FROM 'superseded'
ORDER BY e.year, e.region_code NULLS FIRST, e.industry_code
