-- Processing value added per carat, the cutting-fee proxy: what processing trade adds to the material it imports,
-- per carat it exports, for each cutting chain (cluster.json processingTrade.chains), district beside nation:
--   (processing exports of the polished group − processing imports of the rough group) ÷ carats of those exports.
-- No processing exports, or no carats on them, leave the figure empty with the reason in `note`, never 0, ∞ or NaN.
WITH levels AS (SELECT * FROM (VALUES ('district'), ('nation')) l(region_level)),
-- One pass over the monthly trade (millions of rows in a full extract); everything below reads this small table.
agg AS (
  SELECT year, region_level, hs_group AS group_id, flow, trade_mode_class, sum(value_usd) AS value_usd,
    sum(quantity_carats) AS carats, bool_or(synthetic) AS synthetic
  FROM mart_trade_monthly WHERE region_level IN ('district', 'nation') GROUP BY ALL
),
-- Years in which each level has trade-mode records at all: only then is a missing processing row a zero.
covered AS (SELECT DISTINCT year, region_level FROM agg WHERE trade_mode_class IS NOT NULL),
processing AS (
  -- Rounded here, so the ratio divides the published figures.
  SELECT year, region_level, group_id, flow, round(sum(value_usd), 2) AS value_usd, round(sum(carats), 3) AS carats
  FROM agg WHERE trade_mode_class = 'processing' GROUP BY ALL
),
years AS (SELECT year, bool_or(synthetic) AS synthetic FROM agg GROUP BY year),
x AS (
  SELECT y.year, l.region_level, ch.chain_id, ch.chain_order, ch.name_zh, ch.name_en,
    CASE WHEN cv.year IS NOT NULL THEN coalesce(e.value_usd, 0) END AS processing_exports_usd,
    CASE WHEN cv.year IS NOT NULL THEN coalesce(i.value_usd, 0) END AS processing_material_imports_usd,
    -- Carats stay NULL where the exports have no quantity in carats (the goods are not counted in carats).
    CASE WHEN cv.year IS NOT NULL THEN CASE WHEN e.value_usd IS NULL THEN 0 ELSE e.carats END END AS processing_export_carats,
    cv.year IS NOT NULL AS covered,
    y.synthetic
  FROM years y CROSS JOIN levels l CROSS JOIN cfg_processing_chain ch
  LEFT JOIN covered cv ON cv.year = y.year AND cv.region_level = l.region_level
  LEFT JOIN processing e ON e.year = y.year AND e.region_level = l.region_level AND e.group_id = ch.polished_group AND e.flow = 'export'
  LEFT JOIN processing i ON i.year = y.year AND i.region_level = l.region_level AND i.group_id = ch.rough_group AND i.flow = 'import'
)
SELECT year, region_level, chain_id, name_zh AS chain_name_zh, name_en AS chain_name_en,
  round(processing_exports_usd, 2) AS processing_exports_usd,
  round(processing_material_imports_usd, 2) AS processing_material_imports_usd,
  round(processing_exports_usd - processing_material_imports_usd, 2) AS value_added_usd,
  round(processing_export_carats, 3) AS processing_export_carats,
  CASE WHEN processing_exports_usd > 0 AND processing_export_carats > 0
    THEN (processing_exports_usd - processing_material_imports_usd) / processing_export_carats END AS value_added_usd_per_carat,
  CASE
    WHEN NOT covered THEN 'no_trade_mode_data'
    WHEN processing_exports_usd = 0 THEN 'no_processing_exports'
    WHEN coalesce(processing_export_carats, 0) = 0 THEN 'no_exported_carats'
  END AS note,
  synthetic
FROM x
ORDER BY year, region_level, chain_order
