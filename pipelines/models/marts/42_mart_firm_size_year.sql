-- Firm-size distribution per year (firms and employees per size band), from per-firm headcounts.
SELECT f.year, b.band_id AS size_band, b.name_zh AS size_band_zh, b.name_en AS size_band_en, b.band_order,
  count(f.uscc) AS firms, coalesce(sum(f.employees), 0) AS employees, coalesce(bool_or(f.synthetic), false) AS synthetic
FROM (SELECT DISTINCT year FROM mart_employment_firms) y
CROSS JOIN (SELECT * FROM cfg_band WHERE kind = 'firm_size') b
LEFT JOIN mart_employment_firms f ON f.year = y.year AND f.size_band = b.band_id
GROUP BY f.year, y.year, b.band_id, b.name_zh, b.name_en, b.band_order
HAVING f.year IS NOT NULL
ORDER BY f.year, b.band_order
