-- Annual trade by region level, HS group (plus the cluster's total group, cfg_cluster.total_group_id) and flow (plus "total" = import + export),
-- side by side, with the district's share of national and provincial trade and unit values in USD per carat.
-- The monthly rows (millions on a national extract) are summed per year, level, group and flow first; the totals
-- below then copy those few sums rather than every monthly row.
WITH base AS (
  SELECT year, region_level, hs_group AS group_id, flow, sum(value_usd) AS value_usd, sum(quantity_carats) AS quantity_carats,
    bool_or(synthetic) AS synthetic
  FROM mart_trade_monthly GROUP BY year, region_level, hs_group, flow
),
with_total_group AS (
  SELECT * FROM base
  UNION ALL
  SELECT b.year, b.region_level, (SELECT total_group_id FROM cfg_cluster), b.flow, b.value_usd, b.quantity_carats, b.synthetic
  FROM base b WHERE b.group_id IN (SELECT group_id FROM cfg_hs_group WHERE in_total)
),
with_total_flow AS (
  SELECT * FROM with_total_group
  UNION ALL
  SELECT year, region_level, group_id, 'total', value_usd, quantity_carats, synthetic FROM with_total_group
),
agg AS (
  SELECT year, group_id, flow,
    round(sum(value_usd) FILTER (WHERE region_level = 'district'), 2) AS district_value_usd,
    round(sum(value_usd) FILTER (WHERE region_level = 'city'), 2) AS city_value_usd,
    round(sum(value_usd) FILTER (WHERE region_level = 'province'), 2) AS province_value_usd,
    round(sum(value_usd) FILTER (WHERE region_level = 'nation'), 2) AS nation_value_usd,
    round(sum(quantity_carats) FILTER (WHERE region_level = 'district'), 3) AS district_carats,
    round(sum(quantity_carats) FILTER (WHERE region_level = 'nation'), 3) AS nation_carats,
    bool_or(synthetic) AS synthetic
  FROM with_total_flow GROUP BY year, group_id, flow
)
SELECT a.year, a.group_id, g.name_zh AS group_name_zh, g.name_en AS group_name_en, a.flow,
  a.district_value_usd, a.city_value_usd, a.province_value_usd, a.nation_value_usd,
  a.district_value_usd / nullif(a.nation_value_usd, 0) AS share_of_nation,
  a.district_value_usd / nullif(a.province_value_usd, 0) AS share_of_province,
  a.city_value_usd / nullif(a.nation_value_usd, 0) AS city_share_of_nation,
  a.district_carats, a.nation_carats,
  a.district_value_usd / nullif(a.district_carats, 0) AS district_usd_per_carat,
  a.nation_value_usd / nullif(a.nation_carats, 0) AS nation_usd_per_carat,
  a.synthetic
FROM agg a JOIN cfg_group_name g USING (group_id)
ORDER BY a.year, g.group_order, a.flow
