-- Orders won back from the rival cutting centre (cluster.json processingTrade.rivalPartner, a customs partner code),
-- on the customs side, per cutting chain, year and level (district, nation): rough exported to the rival (material
-- cut there) and polished imported from it (stones cut there), and the share of the chain's exports that leave
-- cut at home:  home_cut_share = polished export carats ÷ (polished export carats + rough export carats).
-- Empty, with the reason in a note column, where the level has no records or no carats, never 0, ∞ or NaN.
WITH levels AS (SELECT * FROM (VALUES ('district'), ('nation')) l(region_level)),
rival AS (SELECT min(partner_code) AS partner_code, min(name_zh) AS name_zh, min(name_en) AS name_en FROM cfg_rival_partner),
-- Years in which the level has any trade, and any rows with a partner: only then is a missing row a zero.
covered AS (
  SELECT s.year, l.region_level,
    bool_or(CASE l.region_level WHEN 'district' THEN s.district_value_usd ELSE s.nation_value_usd END IS NOT NULL) AS traded,
    bool_or(s.synthetic) AS synthetic
  FROM mart_trade_share s CROSS JOIN levels l WHERE s.flow IN ('import', 'export') GROUP BY ALL
),
partnered AS (SELECT DISTINCT year, region_level FROM mart_trade_partner_year),
totals AS (
  SELECT s.year, l.region_level, s.group_id, s.flow,
    CASE l.region_level WHEN 'district' THEN s.district_value_usd ELSE s.nation_value_usd END AS value_usd,
    CASE l.region_level WHEN 'district' THEN s.district_carats ELSE s.nation_carats END AS carats
  FROM mart_trade_share s CROSS JOIN levels l WHERE s.flow IN ('import', 'export')
),
with_rival AS (
  SELECT p.year, p.region_level, p.group_id, p.flow, sum(p.value_usd) AS value_usd, sum(p.quantity_carats) AS carats
  FROM mart_trade_partner_year p JOIN rival r ON r.partner_code = p.partner_code GROUP BY ALL
),
x AS (
  SELECT c.year, c.region_level, ch.chain_id, ch.chain_order, ch.name_zh, ch.name_en,
    r.partner_code AS rival_partner_code, r.name_zh AS rival_name_zh, r.name_en AS rival_name_en,
    c.traded, pt.year IS NOT NULL AS has_partners,
    CASE WHEN c.traded THEN coalesce(re.value_usd, 0) END AS rough_exports_usd,
    CASE WHEN c.traded THEN CASE WHEN re.value_usd IS NULL THEN 0 ELSE re.carats END END AS rough_export_carats,
    CASE WHEN c.traded THEN CASE WHEN pe.value_usd IS NULL THEN 0 ELSE pe.carats END END AS polished_export_carats,
    CASE WHEN pt.year IS NOT NULL AND r.partner_code IS NOT NULL THEN coalesce(rr.value_usd, 0) END AS rough_exports_to_rival_usd,
    CASE WHEN pt.year IS NOT NULL AND r.partner_code IS NOT NULL THEN CASE WHEN rr.value_usd IS NULL THEN 0 ELSE rr.carats END END AS rough_exports_to_rival_carats,
    CASE WHEN pt.year IS NOT NULL AND r.partner_code IS NOT NULL THEN coalesce(rp.value_usd, 0) END AS polished_imports_from_rival_usd,
    CASE WHEN pt.year IS NOT NULL AND r.partner_code IS NOT NULL THEN CASE WHEN rp.value_usd IS NULL THEN 0 ELSE rp.carats END END AS polished_imports_from_rival_carats,
    c.synthetic
  FROM covered c CROSS JOIN cfg_processing_chain ch CROSS JOIN rival r
  LEFT JOIN partnered pt ON pt.year = c.year AND pt.region_level = c.region_level
  LEFT JOIN totals re ON re.year = c.year AND re.region_level = c.region_level AND re.group_id = ch.rough_group AND re.flow = 'export'
  LEFT JOIN totals pe ON pe.year = c.year AND pe.region_level = c.region_level AND pe.group_id = ch.polished_group AND pe.flow = 'export'
  LEFT JOIN with_rival rr ON rr.year = c.year AND rr.region_level = c.region_level AND rr.group_id = ch.rough_group AND rr.flow = 'export'
  LEFT JOIN with_rival rp ON rp.year = c.year AND rp.region_level = c.region_level AND rp.group_id = ch.polished_group AND rp.flow = 'import'
)
SELECT year, region_level, chain_id, name_zh AS chain_name_zh, name_en AS chain_name_en,
  rival_partner_code, rival_name_zh, rival_name_en,
  round(rough_exports_usd, 2) AS rough_exports_usd, round(rough_export_carats, 3) AS rough_export_carats,
  round(rough_exports_to_rival_usd, 2) AS rough_exports_to_rival_usd, round(rough_exports_to_rival_carats, 3) AS rough_exports_to_rival_carats,
  safe_ratio(rough_exports_to_rival_usd, rough_exports_usd) AS rival_share_of_rough_exports,
  round(polished_imports_from_rival_usd, 2) AS polished_imports_from_rival_usd,
  round(polished_imports_from_rival_carats, 3) AS polished_imports_from_rival_carats,
  CASE
    WHEN rival_partner_code IS NULL THEN 'no_rival_partner'
    WHEN NOT has_partners THEN 'no_partner_data'
    WHEN coalesce(rough_exports_usd, 0) = 0 THEN 'no_rough_exports'
  END AS rival_note,
  round(polished_export_carats, 3) AS polished_export_carats,
  safe_ratio(polished_export_carats, polished_export_carats + rough_export_carats) AS home_cut_share,
  CASE
    WHEN NOT traded THEN 'no_trade'
    WHEN polished_export_carats IS NULL OR rough_export_carats IS NULL THEN 'no_carats'
    WHEN polished_export_carats + rough_export_carats = 0 THEN 'no_exports'
  END AS home_cut_note,
  synthetic
FROM x
ORDER BY year, region_level, chain_order
