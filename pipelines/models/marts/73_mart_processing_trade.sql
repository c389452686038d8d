-- Processing trade of each cutting chain (cluster.json processingTrade.chains: a rough group cut into a polished
-- group): the rough imported and the polished exported under processing trade (the trade modes cluster.json
-- tradeModes.processing lists, e.g. 来料加工装配贸易 and 进料加工贸易), in USD and carats, district beside nation,
-- with the district's share of the nation's. A region with records for the year but none in the stage has a true
-- zero; a share whose denominator is missing or zero is empty with the reason in `note`.
WITH stages AS (
  SELECT chain_id, chain_order, name_zh, name_en, 'rough_import' AS stage, 0 AS stage_order, rough_group AS group_id, 'import' AS flow FROM cfg_processing_chain
  UNION ALL
  SELECT chain_id, chain_order, name_zh, name_en, 'polished_export', 1, polished_group, 'export' FROM cfg_processing_chain
),
-- One pass over the monthly trade (millions of rows in a full extract); everything below reads this small table.
agg AS (
  SELECT year, region_level, hs_group AS group_id, flow, trade_mode_class, sum(value_usd) AS value_usd,
    sum(quantity_carats) AS carats, bool_or(synthetic) AS synthetic
  FROM mart_trade_monthly WHERE region_level IN ('district', 'nation') AND trade_mode_class IS NOT NULL GROUP BY ALL
),
-- Years in which each level has trade-mode records at all: only then is a missing processing row a zero.
covered AS (
  SELECT year, bool_or(region_level = 'district') AS district, bool_or(region_level = 'nation') AS nation, bool_or(synthetic) AS synthetic
  FROM agg GROUP BY year
),
processing AS (
  SELECT year, group_id, flow,
    -- Rounded here, so the shares divide the published figures.
    round(sum(value_usd) FILTER (WHERE region_level = 'district'), 2) AS district_value_usd,
    round(sum(carats) FILTER (WHERE region_level = 'district'), 3) AS district_carats,
    round(sum(value_usd) FILTER (WHERE region_level = 'nation'), 2) AS nation_value_usd,
    round(sum(carats) FILTER (WHERE region_level = 'nation'), 3) AS nation_carats
  FROM agg WHERE trade_mode_class = 'processing'
  GROUP BY ALL
),
x AS (
  SELECT c.year, s.chain_id, s.chain_order, s.name_zh, s.name_en, s.stage, s.stage_order, s.group_id, s.flow,
    CASE WHEN c.district THEN coalesce(p.district_value_usd, 0) END AS district_value_usd,
    CASE WHEN c.district THEN coalesce(p.district_carats, 0) END AS district_carats,
    CASE WHEN c.nation THEN coalesce(p.nation_value_usd, 0) END AS nation_value_usd,
    CASE WHEN c.nation THEN coalesce(p.nation_carats, 0) END AS nation_carats,
    c.synthetic
  FROM covered c CROSS JOIN stages s
  LEFT JOIN processing p ON p.year = c.year AND p.group_id = s.group_id AND p.flow = s.flow
)
SELECT year, chain_id, name_zh AS chain_name_zh, name_en AS chain_name_en, stage, group_id, flow,
  round(district_value_usd, 2) AS district_value_usd, round(district_carats, 3) AS district_carats,
  round(nation_value_usd, 2) AS nation_value_usd, round(nation_carats, 3) AS nation_carats,
  safe_ratio(district_value_usd, nation_value_usd) AS share_of_nation,
  safe_ratio(district_carats, nation_carats) AS carat_share_of_nation,
  CASE
    WHEN district_value_usd IS NULL THEN 'no_district_data'
    WHEN coalesce(nation_value_usd, 0) = 0 THEN 'no_national_trade'
    WHEN coalesce(nation_carats, 0) = 0 THEN 'no_national_carats'
  END AS note,
  synthetic
FROM x
ORDER BY year, chain_order, stage_order
