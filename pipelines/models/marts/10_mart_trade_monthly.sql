-- Monthly trade in the cluster's HS codes at every region level. Nation, province and city come from the public
-- customs statistics (a file with 注册地 columns adds up into every region whose place prefix matches; one without
-- is national); the district comes from the enterprise-level records of its own firms.
-- Overlapping queries: when two customs files cover the same region, flow, month and commodity code, one file is
-- used: the one with more dimensions (partner, trade mode), then USD before CNY, then by file name. The others'
-- rows pass validation and stay in the build's staging table, but are not summed twice here.
WITH file_detail AS (
  SELECT _file,
    (max(CASE WHEN partner_code IS NOT NULL THEN 1 ELSE 0 END) + max(CASE WHEN trade_mode_name IS NOT NULL THEN 1 ELSE 0 END)) AS detail,
    max(CASE WHEN currency = 'USD' THEN 1 ELSE 0 END) AS is_usd
  FROM stg_customs_stats GROUP BY _file
),
-- Not materialised: it is read twice (coverage, then the rows), and rereading the stored staging table costs
-- less than holding millions of rows of every column in memory.
placed AS NOT MATERIALIZED (
  SELECT 'nation' AS region_level, (SELECT min(code) FROM cfg_region WHERE level = 'nation') AS region_code,
    s.period, s.hs_code, s.hs_group, s.flow, s.partner_code, s.partner_name, s.trade_mode_class,
    s.trade_mode_name, s.value_usd, s.quantity_carats, s._source_id, s._synthetic, s._file
  FROM stg_customs_stats s WHERE s.place_code IS NULL AND s.hs_group IS NOT NULL
  UNION ALL
  SELECT DISTINCT ON (r.level, r.code, s._file, s._line) r.level AS region_level, r.code AS region_code,
    s.period, s.hs_code, s.hs_group, s.flow, s.partner_code, s.partner_name, s.trade_mode_class,
    s.trade_mode_name, s.value_usd, s.quantity_carats, s._source_id, s._synthetic, s._file
  FROM stg_customs_stats s JOIN cfg_region r ON r.place_prefix IS NOT NULL AND starts_with(s.place_code, r.place_prefix)
  WHERE s.hs_group IS NOT NULL
),
-- Which file covers each region × flow × month × code is decided on the (small) coverage table, not per row.
coverage AS (
  SELECT region_level, region_code, flow, period, hs_code, _file FROM placed GROUP BY ALL
),
chosen AS (
  SELECT c.region_level, c.region_code, c.flow, c.period, c.hs_code, c._file
  FROM coverage c JOIN file_detail f USING (_file)
  QUALIFY row_number() OVER (PARTITION BY c.region_level, c.region_code, c.flow, c.period, c.hs_code ORDER BY f.detail DESC, f.is_usd DESC, c._file) = 1
),
public_stats AS (
  SELECT p.period, p.region_level, p.region_code, p.hs_code, p.hs_group, p.flow, p.partner_code, p.partner_name,
    p.trade_mode_class, p.trade_mode_name, p.value_usd, p.quantity_carats, p._source_id AS source_id, p._synthetic AS synthetic
  FROM placed p SEMI JOIN chosen c ON c.region_level = p.region_level AND c.region_code = p.region_code AND c.flow = p.flow
    AND c.period = p.period AND c.hs_code = p.hs_code AND c._file = p._file
),
district AS (
  SELECT e.period, 'district' AS region_level, (SELECT district_code FROM cfg_cluster) AS region_code,
    e.hs_code, e.hs_group, e.flow, e.partner_code, e.partner_name, e.trade_mode_class, e.trade_mode_name,
    e.value_usd, e.quantity_carats, e._source_id AS source_id, e._synthetic AS synthetic
  FROM stg_enterprise_customs e WHERE e.hs_group IS NOT NULL
)
-- Grouped on the columns that identify a row, and nothing wider: year and month follow from the period, hs6 from
-- the code (both staging models derive them so), so they are computed on the grouped rows rather than carried
-- through a hash table of millions of groups. The HS group is a grouping column rather than an aggregate: both
-- staging models look it up by the code's first six digits (cfg_hs_group), so it adds no group, and a key column
-- costs less than a min() over millions of groups. The partner name is carried with min().
SELECT period, year(period)::INTEGER AS year, month(period)::INTEGER AS month, region_level, region_code, hs_code,
  substr(hs_code, 1, 6) AS hs6, hs_group, flow, partner_code, partner_name, trade_mode_class, trade_mode_name, value_usd,
  quantity_carats, source_id, synthetic
FROM (
  SELECT period, region_level, region_code, hs_code, hs_group, flow, partner_code, min(partner_name) AS partner_name,
    trade_mode_class, trade_mode_name, round(sum(value_usd), 2) AS value_usd, round(sum(quantity_carats), 3) AS quantity_carats,
    source_id, bool_or(synthetic) AS synthetic
  FROM (SELECT * FROM public_stats UNION ALL SELECT * FROM district)
  GROUP BY period, region_level, region_code, hs_code, hs_group, flow, partner_code, trade_mode_class, trade_mode_name, source_id
)
