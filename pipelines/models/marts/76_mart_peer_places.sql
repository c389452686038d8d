-- Peer places: the province's customs statistics by 注册地 (the registered place of the trading firm) compared place
-- by place, per year, HS group (plus the cluster's total group) and flow (plus total): value, share of the province's
-- trade, rank, unit value per carat and the share in processing trade. It reads only staged rows and configuration
-- (no other mart), so the staging cache can keep just the columns it names. One source for every
-- place, so the district's own place (cfg_customs_place.is_district) compares like for like with its peers.
-- As in mart_trade_monthly, a place × flow × month × code reported by two files is taken from one file only: the one
-- with more dimensions, then USD before CNY, then by file name. Empty values carry their reason in a note column.
WITH province AS (SELECT place_prefix FROM cfg_region WHERE level = 'province' AND place_prefix IS NOT NULL),
-- The one pass over the staged rows (millions in a full extract): summed per file, place, month, code and trade-mode
-- class, which is all that the choice of file and the comparison need. Everything below reads this small table.
cells AS (
  SELECT s._file, s.place_code, s.flow, s.period, s.hs_code, s.year, s.hs_group AS group_id, s.trade_mode_class,
    min(s.place_name) AS place_name, sum(s.value_usd) AS value_usd, sum(s.quantity_carats) AS quantity_carats,
    bool_or(s.partner_code IS NOT NULL) AS has_partner, bool_or(s.trade_mode_name IS NOT NULL) AS has_mode,
    bool_or(s.currency = 'USD') AS is_usd, bool_or(s._synthetic) AS synthetic
  FROM stg_customs_stats s SEMI JOIN province p ON starts_with(s.place_code, p.place_prefix)
  WHERE s.hs_group IS NOT NULL
  GROUP BY s._file, s.place_code, s.flow, s.period, s.hs_code, s.year, s.hs_group, s.trade_mode_class
),
file_detail AS (
  SELECT _file, max(has_partner::INTEGER) + max(has_mode::INTEGER) AS detail, max(is_usd::INTEGER) AS is_usd FROM cells GROUP BY _file
),
chosen AS (
  SELECT c.place_code, c.flow, c.period, c.hs_code, c._file
  FROM (SELECT DISTINCT place_code, flow, period, hs_code, _file FROM cells) c JOIN file_detail f USING (_file)
  QUALIFY row_number() OVER (PARTITION BY c.place_code, c.flow, c.period, c.hs_code ORDER BY f.detail DESC, f.is_usd DESC, c._file) = 1
),
base AS (
  SELECT c.year, c.place_code, c.place_name, c.group_id, c.flow, c.trade_mode_class, c.value_usd, c.quantity_carats, c.synthetic
  FROM cells c SEMI JOIN chosen h ON h.place_code = c.place_code AND h.flow = c.flow AND h.period = c.period AND h.hs_code = c.hs_code AND h._file = c._file
),
with_total_group AS (
  SELECT * FROM base
  UNION ALL
  SELECT year, place_code, place_name, (SELECT total_group_id FROM cfg_cluster), flow, trade_mode_class, value_usd, quantity_carats, synthetic
  FROM base WHERE group_id IN (SELECT group_id FROM cfg_hs_group WHERE in_total)
),
with_total_flow AS (
  SELECT * FROM with_total_group
  UNION ALL
  SELECT year, place_code, place_name, group_id, 'total', trade_mode_class, value_usd, quantity_carats, synthetic FROM with_total_group
),
agg AS (
  SELECT year, place_code, min(place_name) AS place_name, group_id, flow,
    -- Rounded here, so every ratio below divides the published figures (and sums in any order give one result).
    round(sum(value_usd), 2) AS value_usd,
    round(sum(quantity_carats), 3) AS carats,
    round(sum(value_usd) FILTER (WHERE trade_mode_class = 'processing'), 2) AS processing_value_usd,
    -- A place's value is split by trade mode only where every one of its rows says the mode.
    bool_and(trade_mode_class IS NOT NULL) AS modes_known,
    bool_or(synthetic) AS synthetic
  FROM with_total_flow GROUP BY year, place_code, group_id, flow
),
ranked AS (
  SELECT a.*, round(sum(a.value_usd) OVER w, 2) AS province_value_usd,
    rank() OVER (PARTITION BY a.year, a.group_id, a.flow ORDER BY a.value_usd DESC) AS rank_in_province
  FROM agg a WINDOW w AS (PARTITION BY a.year, a.group_id, a.flow)
)
SELECT r.year, r.place_code,
  coalesce(cp.name_zh, r.place_name) AS place_name_zh,
  -- A place the configuration does not name is labelled with its code in English, not with the Chinese name.
  coalesce(cp.name_en, 'Place ' || r.place_code) AS place_name_en,
  coalesce(cp.is_district, FALSE) AS is_district,
  r.group_id, n.name_zh AS group_name_zh, n.name_en AS group_name_en, r.flow,
  r.value_usd,
  r.province_value_usd,
  safe_ratio(r.value_usd, r.province_value_usd) AS share_of_province,
  r.rank_in_province,
  r.carats,
  CASE WHEN r.value_usd > 0 THEN safe_ratio(r.value_usd, r.carats) END AS usd_per_carat,
  CASE WHEN coalesce(r.value_usd, 0) = 0 THEN 'no_trade' WHEN coalesce(r.carats, 0) = 0 THEN 'no_carats' END AS unit_value_note,
  CASE WHEN r.modes_known THEN coalesce(r.processing_value_usd, 0) END AS processing_value_usd,
  CASE WHEN r.modes_known AND r.value_usd > 0 THEN coalesce(r.processing_value_usd, 0) / r.value_usd END AS processing_share,
  CASE WHEN NOT r.modes_known THEN 'no_trade_mode_in_source' WHEN coalesce(r.value_usd, 0) = 0 THEN 'no_trade' END AS processing_share_note,
  r.synthetic
FROM ranked r
JOIN cfg_group_name n USING (group_id)
LEFT JOIN cfg_customs_place cp ON cp.place_code = r.place_code
ORDER BY r.year, n.group_order, r.flow, r.rank_in_province, r.place_code
