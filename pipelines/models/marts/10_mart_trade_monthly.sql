-- Monthly trade in the cluster's HS codes at every region level. Nation, province and city come from the public
-- customs statistics (a file with 注册地 columns adds up into every region whose place prefix matches; one without
-- is national); the district comes from the enterprise-level records of its own firms.
-- Overlapping queries: when two customs files cover the same region, flow, month and commodity code, one file is
-- used: the one with more dimensions (partner, trade mode), then USD before CNY, then by file name. The others'
-- rows stay in stg_customs_stats and are counted as superseded in the quality report.
WITH file_detail AS (
  SELECT _file,
    (max(CASE WHEN partner_code IS NOT NULL THEN 1 ELSE 0 END) + max(CASE WHEN trade_mode_name IS NOT NULL THEN 1 ELSE 0 END)) AS detail,
    max(CASE WHEN currency = 'USD' THEN 1 ELSE 0 END) AS is_usd
  FROM stg_customs_stats GROUP BY _file
),
placed AS (
  SELECT 'nation' AS region_level, (SELECT min(code) FROM cfg_region WHERE level = 'nation') AS region_code, s.*
  FROM stg_customs_stats s WHERE s.place_code IS NULL AND s.hs_group IS NOT NULL
  UNION ALL
  SELECT DISTINCT ON (r.level, r.code, s._file, s._line) r.level AS region_level, r.code AS region_code, s.*
  FROM stg_customs_stats s JOIN cfg_region r ON r.place_prefix IS NOT NULL AND starts_with(s.place_code, r.place_prefix)
  WHERE s.hs_group IS NOT NULL
),
ranked AS (
  SELECT p.*, dense_rank() OVER (PARTITION BY p.region_level, p.region_code, p.flow, p.period, p.hs_code ORDER BY f.detail DESC, f.is_usd DESC, p._file) AS file_rank
  FROM placed p JOIN file_detail f USING (_file)
),
public_stats AS (
  SELECT period, year, month, region_level, region_code, hs_code, hs6, hs_group, flow, partner_code, partner_name,
    trade_mode_class, trade_mode_name, value_usd, quantity_carats, _source_id AS source_id, _synthetic AS synthetic
  FROM ranked WHERE file_rank = 1
),
district AS (
  SELECT e.period, e.year, e.month, 'district' AS region_level, (SELECT district_code FROM cfg_cluster) AS region_code,
    e.hs_code, e.hs6, e.hs_group, e.flow, e.partner_code, e.partner_name, e.trade_mode_class, e.trade_mode_name,
    e.value_usd, e.quantity_carats, e._source_id AS source_id, e._synthetic AS synthetic
  FROM stg_enterprise_customs e WHERE e.hs_group IS NOT NULL
)
SELECT period, year, month, region_level, region_code, hs_code, hs6, hs_group, flow, partner_code,
  min(partner_name) AS partner_name, trade_mode_class, trade_mode_name,
  round(sum(value_usd), 2) AS value_usd, round(sum(quantity_carats), 3) AS quantity_carats, source_id, bool_or(synthetic) AS synthetic
FROM (SELECT * FROM public_stats UNION ALL SELECT * FROM district)
GROUP BY period, year, month, region_level, region_code, hs_code, hs6, hs_group, flow, partner_code, trade_mode_class, trade_mode_name, source_id
ORDER BY period, region_level, region_code, hs_code, flow, partner_code NULLS FIRST, trade_mode_name NULLS FIRST, source_id
