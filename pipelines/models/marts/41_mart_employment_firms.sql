-- Headcount per firm and year, with the firm's park, industry and size band.
SELECT f.uscc, r.name, f.year, f.employees, r.park_id, r.industry_code, r.industry_role, b.band_id AS size_band,
  f._source_id AS source_id, (f._synthetic OR coalesce(r.synthetic, false)) AS synthetic
FROM stg_employment_firms f
LEFT JOIN mart_enterprises r ON r.uscc = f.uscc
LEFT JOIN cfg_band b ON b.kind = 'firm_size' AND f.employees >= b.lo AND (b.hi IS NULL OR f.employees <= b.hi)
WHERE f.conflict_resolution IS DISTINCT FROM 'superseded'
ORDER BY f.uscc, f.year
