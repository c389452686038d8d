-- Annual trade by trade-mode class (processing / general / other) for each region level, HS group and flow.
-- Rows from files without trade-mode columns are left out (their class is unknown), so totals here can be below
-- mart_trade_share's.
-- The monthly rows are summed per year, level, group, flow and class first; the totals copy those sums.
WITH base AS (
  SELECT year, region_level, hs_group AS group_id, flow, trade_mode_class, sum(value_usd) AS value_usd, bool_or(synthetic) AS synthetic
  FROM mart_trade_monthly WHERE trade_mode_class IS NOT NULL GROUP BY year, region_level, hs_group, flow, trade_mode_class
),
grouped AS (
  SELECT * FROM base
  UNION ALL
  SELECT year, region_level, (SELECT total_group_id FROM cfg_cluster), flow, trade_mode_class, value_usd, synthetic FROM base
  WHERE group_id IN (SELECT group_id FROM cfg_hs_group WHERE in_total)
)
SELECT year, region_level, group_id, flow, trade_mode_class, round(sum(value_usd), 2) AS value_usd, bool_or(synthetic) AS synthetic
FROM grouped GROUP BY ALL
ORDER BY year, region_level, group_id, flow, trade_mode_class
