-- Employment location quotient of each of the cluster's industries (cluster.json industries) in the district against
-- each reference region whose yearbook table is supplied (city, province, nation; the table's title names its
-- region): LQ = (e_i / e) / (E_i / E), e the district's persons employed in all industries (its yearbook's 合计 row),
-- E the reference region's. A yearbook table that names no region is the district's, as on the workforce page.
-- Empty with the reason in lq_note when a figure it needs is missing or zero, never 0, Infinity or NaN.
WITH dc AS (SELECT district_code FROM cfg_cluster),
emp AS (
  SELECT year, coalesce(region_code, (SELECT district_code FROM dc)) AS region_code, industry_code, industry_role, persons, synthetic
  FROM mart_employment_industry
),
totals AS (SELECT year, region_code, max(persons) AS total, bool_or(synthetic) AS synthetic FROM emp WHERE industry_role = 'total' GROUP BY year, region_code),
industry AS (
  SELECT year, region_code, industry_code, sum(persons) AS persons, bool_or(synthetic) AS synthetic
  FROM emp WHERE industry_code IN (SELECT code FROM cfg_industry) GROUP BY year, region_code, industry_code
),
refs AS (SELECT DISTINCT level, code, name_zh, name_en FROM cfg_region WHERE level IN ('city', 'province', 'nation')),
years AS (SELECT DISTINCT year FROM emp WHERE region_code = (SELECT district_code FROM dc)),
grid AS (
  SELECT y.year, i.code AS industry_code, i.name_zh AS industry_name_zh, i.name_en AS industry_name_en, i.role AS industry_role,
    r.level AS reference_level, r.code AS reference_code, r.name_zh AS reference_name_zh, r.name_en AS reference_name_en
  FROM years y CROSS JOIN cfg_industry i CROSS JOIN refs r
),
joined AS (
  SELECT g.*, d.persons AS district_persons, dt.total AS district_total_persons, ri.persons AS reference_persons, rt.total AS reference_total_persons,
    coalesce(d.synthetic, false) OR coalesce(dt.synthetic, false) OR coalesce(ri.synthetic, false) OR coalesce(rt.synthetic, false) AS synthetic
  FROM grid g
  LEFT JOIN industry d ON d.year = g.year AND d.region_code = (SELECT district_code FROM dc) AND d.industry_code = g.industry_code
  LEFT JOIN totals dt ON dt.year = g.year AND dt.region_code = (SELECT district_code FROM dc)
  LEFT JOIN industry ri ON ri.year = g.year AND ri.region_code = g.reference_code AND ri.industry_code = g.industry_code
  LEFT JOIN totals rt ON rt.year = g.year AND rt.region_code = g.reference_code
)
SELECT year, industry_code, industry_name_zh, industry_name_en, industry_role, reference_level, reference_code, reference_name_zh, reference_name_en,
  district_persons, district_total_persons, reference_persons, reference_total_persons,
  location_quotient(district_persons, district_total_persons, reference_persons, reference_total_persons) AS lq,
  location_quotient_note(district_persons, district_total_persons, reference_persons, reference_total_persons) AS lq_note,
  synthetic
FROM joined
ORDER BY year, industry_role, industry_code, reference_level
