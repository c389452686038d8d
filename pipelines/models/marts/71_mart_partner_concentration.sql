-- How concentrated the district's and the nation's trade is on few partners: the Herfindahl–Hirschman index of
-- partner shares (0–10,000) with its reading band, and the largest partner with its share, per year, HS group
-- (and the cluster's total group) and flow. A year × group × flow with no trade at all is kept with an empty index
-- and the note no_trade, so a gap reads as a gap, not as a missing row.
WITH p AS (
  SELECT year, region_level, group_id, flow, partner_code, partner_name_zh, partner_name_en, value_usd, synthetic
  FROM mart_trade_partner_year WHERE value_usd > 0
),
shares AS (
  SELECT *, value_usd / sum(value_usd) OVER w AS share,
    row_number() OVER (PARTITION BY year, region_level, group_id, flow ORDER BY value_usd DESC, partner_code) AS rank
  FROM p WINDOW w AS (PARTITION BY year, region_level, group_id, flow)
),
idx AS (
  SELECT year, region_level, group_id, flow, count(*) AS partners, sum(value_usd) AS value_usd,
    10000 * sum(share * share) AS hhi,
    min(partner_code) FILTER (WHERE rank = 1) AS top_partner_code,
    min(partner_name_zh) FILTER (WHERE rank = 1) AS top_partner_name_zh,
    min(partner_name_en) FILTER (WHERE rank = 1) AS top_partner_name_en,
    max(share) AS top_partner_share, bool_or(synthetic) AS synthetic
  FROM shares GROUP BY year, region_level, group_id, flow
),
grid AS (
  SELECT DISTINCT s.year, l.region_level, s.group_id, s.flow, s.synthetic
  FROM mart_trade_share s CROSS JOIN (VALUES ('district'), ('nation')) l(region_level)
  WHERE s.flow IN ('import', 'export')
)
SELECT g.year, g.region_level, g.group_id, n.name_zh AS group_name_zh, n.name_en AS group_name_en, g.flow,
  coalesce(i.partners, 0) AS partners, round(i.value_usd, 2) AS value_usd, round(i.hhi, 1) AS hhi, hhi_band(i.hhi) AS hhi_band,
  i.top_partner_code, i.top_partner_name_zh, i.top_partner_name_en, i.top_partner_share,
  CASE WHEN i.hhi IS NULL THEN 'no_trade' END AS hhi_note,
  coalesce(i.synthetic, g.synthetic) AS synthetic
FROM grid g
JOIN cfg_group_name n USING (group_id)
LEFT JOIN idx i USING (year, region_level, group_id, flow)
ORDER BY g.year, g.region_level, n.group_order, g.flow
