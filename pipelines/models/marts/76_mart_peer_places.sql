-- Peer places: the province's customs statistics by 注册地 (the registered place of the trading firm) compared place
-- by place, per year, HS group (plus the cluster's total group) and flow (plus total): value, share of the province's
-- and of the nation's trade, rank, unit value per carat and the share in processing trade. One source for every
-- place, so the district's own place (cfg_customs_place.is_district) compares like for like with its peers.
-- As in mart_trade_monthly, a place × flow × month × code reported by two files is taken from one file only: the one
-- with more dimensions, then USD before CNY, then by file name. Empty values carry their reason in a note column.
WITH province AS (SELECT place_prefix FROM cfg_region WHERE level = 'province' AND place_prefix IS NOT NULL),
file_detail AS (
  SELECT _file,
    (max(CASE WHEN partner_code IS NOT NULL THEN 1 ELSE 0 END) + max(CASE WHEN trade_mode_name IS NOT NULL THEN 1 ELSE 0 END)) AS detail,
    max(CASE WHEN currency = 'USD' THEN 1 ELSE 0 END) AS is_usd
  FROM stg_customs_stats WHERE place_code IS NOT NULL GROUP BY _file
),
placed AS NOT MATERIALIZED (
  SELECT s.year, s.period, s.place_code, s.place_name, s.hs_code, s.hs_group, s.flow, s.trade_mode_class, s.value_usd,
    s.quantity_carats, s._file, s._synthetic
  FROM stg_customs_stats s
  WHERE s.place_code IS NOT NULL AND s.hs_group IS NOT NULL AND EXISTS (SELECT 1 FROM province p WHERE starts_with(s.place_code, p.place_prefix))
),
chosen AS (
  SELECT c.place_code, c.flow, c.period, c.hs_code, c._file
  FROM (SELECT place_code, flow, period, hs_code, _file FROM placed GROUP BY ALL) c JOIN file_detail f USING (_file)
  QUALIFY row_number() OVER (PARTITION BY c.place_code, c.flow, c.period, c.hs_code ORDER BY f.detail DESC, f.is_usd DESC, c._file) = 1
),
base AS (
  SELECT p.year, p.place_code, p.place_name, p.hs_group AS group_id, p.flow, p.trade_mode_class, p.value_usd, p.quantity_carats, p._synthetic AS synthetic
  FROM placed p SEMI JOIN chosen c ON c.place_code = p.place_code AND c.flow = p.flow AND c.period = p.period AND c.hs_code = p.hs_code AND c._file = p._file
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
    sum(value_usd) AS value_usd,
    sum(quantity_carats) AS carats,
    sum(value_usd) FILTER (WHERE trade_mode_class = 'processing') AS processing_value_usd,
    -- A place's value is split by trade mode only where every one of its rows says the mode.
    bool_and(trade_mode_class IS NOT NULL) AS modes_known,
    bool_or(synthetic) AS synthetic
  FROM with_total_flow GROUP BY year, place_code, group_id, flow
),
ranked AS (
  SELECT a.*, sum(a.value_usd) OVER w AS province_value_usd,
    rank() OVER (PARTITION BY a.year, a.group_id, a.flow ORDER BY a.value_usd DESC) AS rank_in_province
  FROM agg a WINDOW w AS (PARTITION BY a.year, a.group_id, a.flow)
)
SELECT r.year, r.place_code,
  coalesce(cp.name_zh, r.place_name) AS place_name_zh,
  -- A place the configuration does not name is labelled with its code in English, not with the Chinese name.
  coalesce(cp.name_en, 'Place ' || r.place_code) AS place_name_en,
  coalesce(cp.is_district, FALSE) AS is_district,
  r.group_id, n.name_zh AS group_name_zh, n.name_en AS group_name_en, r.flow,
  round(r.value_usd, 2) AS value_usd,
  round(r.province_value_usd, 2) AS province_value_usd,
  safe_ratio(r.value_usd, r.province_value_usd) AS share_of_province,
  s.nation_value_usd,
  safe_ratio(r.value_usd, s.nation_value_usd) AS share_of_nation,
  r.rank_in_province,
  round(r.carats, 3) AS carats,
  CASE WHEN r.value_usd > 0 THEN safe_ratio(r.value_usd, r.carats) END AS usd_per_carat,
  CASE WHEN coalesce(r.value_usd, 0) = 0 THEN 'no_trade' WHEN coalesce(r.carats, 0) = 0 THEN 'no_carats' END AS unit_value_note,
  CASE WHEN r.modes_known THEN round(coalesce(r.processing_value_usd, 0), 2) END AS processing_value_usd,
  CASE WHEN r.modes_known AND r.value_usd > 0 THEN coalesce(r.processing_value_usd, 0) / r.value_usd END AS processing_share,
  CASE WHEN NOT r.modes_known THEN 'no_trade_mode_in_source' WHEN coalesce(r.value_usd, 0) = 0 THEN 'no_trade' END AS processing_share_note,
  r.synthetic
FROM ranked r
JOIN cfg_group_name n USING (group_id)
LEFT JOIN cfg_customs_place cp ON cp.place_code = r.place_code
LEFT JOIN mart_trade_share s ON s.year = r.year AND s.group_id = r.group_id AND s.flow = r.flow
ORDER BY r.year, n.group_order, r.flow, r.rank_in_province, r.place_code
