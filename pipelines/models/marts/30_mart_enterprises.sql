-- One row per registered firm: non-personal registry fields, park, industry, status, capital band and the
-- latest headcount. Addresses are not published: the park is derived from them, and a sole trader's registered
-- address can be a home. Of a firm's conflicting records (stg_registry), only the kept one is a firm here.
WITH emp AS (
  SELECT uscc, arg_max(employees, year) AS latest_employees, max(year) AS employees_year FROM stg_employment_firms WHERE conflict_resolution IS DISTINCT FROM 'superseded' GROUP BY uscc
)
SELECT r.uscc, r.name, r.entity_type, r.park_id, pn.name_zh AS park_name_zh, pn.name_en AS park_name_en,
  r.industry_code, r.industry_name, coalesce(i.role, 'other') AS industry_role,
  r.status, r.established, year(r.established) AS established_year, r.status_date,
  CASE WHEN r.status <> 'active' THEN year(r.status_date) END AS closed_year,
  r.capital_wan, r.capital_currency, r.capital_cny_wan, b.band_id AS capital_band,
  r.uscc_check_ok, e.latest_employees, e.employees_year, r.scope,
  r._source_id AS source_id, r._synthetic AS synthetic
FROM stg_registry r
LEFT JOIN cfg_park_name pn ON pn.park_id = r.park_id
LEFT JOIN cfg_industry i ON i.code = r.industry_code
LEFT JOIN cfg_band b ON b.kind = 'capital_wan' AND r.capital_cny_wan >= b.lo AND (b.hi IS NULL OR r.capital_cny_wan < b.hi)
LEFT JOIN emp e ON e.uscc = r.uscc
WHERE r.conflict_resolution IS DISTINCT FROM 'superseded'
ORDER BY r.uscc
