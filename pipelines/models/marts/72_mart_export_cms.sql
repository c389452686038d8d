-- Constant-market-share decomposition (Leamer and Stern 1970) of the change in the district's exports from one
-- year to the next, with the nation's exports as the reference market: the change the district would have had
-- by keeping its shares as the nation's exports grew (scale), by being in groups whose national exports grew
-- faster or slower (commodity), by selling to partners whose demand grew faster or slower (market), and the rest,
-- shares won or lost (competitiveness). Cells are HS group × partner of the cluster's groups. Where the nation had
-- no base-year exports in a cell (or group), the next coarser growth rate stands in, so that cell adds nothing to
-- the market (or commodity) effect.
WITH cell AS (
  SELECT year, group_id, partner_code,
    sum(value_usd) FILTER (WHERE region_level = 'district') AS v,
    sum(value_usd) FILTER (WHERE region_level = 'nation') AS r,
    bool_or(synthetic) AS synthetic
  FROM mart_trade_partner_year
  WHERE flow = 'export' AND group_id IN (SELECT group_id FROM cfg_hs_group)
  GROUP BY year, group_id, partner_code
),
years AS (SELECT DISTINCT year FROM mart_trade_share),
-- Years in which the district's records hold any trade: a year outside them is missing data, not zero exports.
district_years AS (SELECT DISTINCT year FROM mart_trade_share WHERE district_value_usd IS NOT NULL),
pairs AS (SELECT year AS year1, year - 1 AS year0 FROM years WHERE year - 1 IN (SELECT year FROM years)),
cells AS (
  SELECT p.year1, p.year0, c.group_id, c.partner_code,
    coalesce(sum(c.v) FILTER (WHERE c.year = p.year0), 0) AS v0, coalesce(sum(c.v) FILTER (WHERE c.year = p.year1), 0) AS v1,
    coalesce(sum(c.r) FILTER (WHERE c.year = p.year0), 0) AS r0, coalesce(sum(c.r) FILTER (WHERE c.year = p.year1), 0) AS r1,
    bool_or(c.synthetic) AS synthetic
  FROM pairs p JOIN cell c ON c.year IN (p.year0, p.year1)
  GROUP BY p.year1, p.year0, c.group_id, c.partner_code
),
grp AS (SELECT year1, group_id, sum(r0) AS ri0, sum(r1) AS ri1 FROM cells GROUP BY year1, group_id),
tot AS (
  SELECT year1, year0, sum(r0) AS rt0, sum(r1) AS rt1, sum(v0) AS vt0, sum(v1) AS vt1, bool_or(synthetic) AS synthetic
  FROM cells GROUP BY year1, year0
),
rated AS (
  SELECT c.year1, c.v0, growth_rate(t.rt0, t.rt1) AS r,
    coalesce(growth_rate(g.ri0, g.ri1), growth_rate(t.rt0, t.rt1)) AS r_i,
    coalesce(growth_rate(c.r0, c.r1), growth_rate(g.ri0, g.ri1), growth_rate(t.rt0, t.rt1)) AS r_ij
  FROM cells c JOIN grp g USING (year1, group_id) JOIN tot t USING (year1)
),
effects AS (
  SELECT year1, sum((r_i - r) * v0) AS commodity, sum((r_ij - r_i) * v0) AS market FROM rated GROUP BY year1
),
decomposed AS (
  SELECT t.year1 AS year, t.year0 AS base_year, t.vt0, t.vt1, t.rt0, t.rt1, growth_rate(t.rt0, t.rt1) AS r,
    e.commodity, e.market, t.synthetic,
    CASE
      WHEN t.year0 NOT IN (SELECT year FROM district_years) OR t.year1 NOT IN (SELECT year FROM district_years) THEN 'no_district_data'
      WHEN t.rt0 = 0 THEN 'no_reference_base'
      WHEN t.vt0 = 0 AND t.vt1 = 0 THEN 'no_district_exports'
    END AS note
  FROM tot t JOIN effects e USING (year1)
)
SELECT year, base_year,
  round(vt0, 2) AS district_exports_base_usd, round(vt1, 2) AS district_exports_usd,
  round(rt0, 2) AS nation_exports_base_usd, round(rt1, 2) AS nation_exports_usd,
  CASE WHEN note IS NULL THEN r END AS reference_growth,
  CASE WHEN note IS NULL THEN round(vt1 - vt0, 2) END AS change_usd,
  CASE WHEN note IS NULL THEN round(r * vt0, 2) END AS scale_effect_usd,
  CASE WHEN note IS NULL THEN round(commodity, 2) END AS commodity_effect_usd,
  CASE WHEN note IS NULL THEN round(market, 2) END AS market_effect_usd,
  CASE WHEN note IS NULL THEN round((vt1 - vt0) - r * vt0 - commodity - market, 2) END AS competitiveness_effect_usd,
  note, synthetic
FROM decomposed
ORDER BY year
