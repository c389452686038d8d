-- Revealed comparative advantage (Balassa 1965) of the district in each of the cluster's HS groups, against the
-- province and against the nation, for exports and for imports. The basket is the cluster's own HS groups (the
-- extracts hold no other goods), so the index says in which of the cluster's products the district is more
-- specialised than the reference region, not how specialised it is in them against all goods.
WITH grp AS (
  SELECT year, group_id, flow, district_value_usd, province_value_usd, nation_value_usd, synthetic
  FROM mart_trade_share
  WHERE flow IN ('import', 'export') AND group_id IN (SELECT group_id FROM cfg_hs_group)
),
basket AS (
  SELECT year, flow, sum(district_value_usd) AS district_basket, sum(province_value_usd) AS province_basket,
    sum(nation_value_usd) AS nation_basket, bool_or(synthetic) AS synthetic
  FROM grp GROUP BY year, flow
),
by_reference AS (
  SELECT g.year, g.group_id, g.flow, r.level AS reference_level,
    -- A group the district did not trade in a year when it traded others is a true zero; with no basket at all
    -- the district's value stays NULL and the note says so.
    CASE WHEN coalesce(b.district_basket, 0) > 0 THEN coalesce(g.district_value_usd, 0) END AS district_value_usd,
    b.district_basket AS district_basket_usd,
    CASE r.level WHEN 'province' THEN g.province_value_usd ELSE g.nation_value_usd END AS reference_value_usd,
    CASE r.level WHEN 'province' THEN b.province_basket ELSE b.nation_basket END AS reference_basket_usd,
    g.synthetic OR b.synthetic AS synthetic
  FROM grp g JOIN basket b USING (year, flow)
  CROSS JOIN (VALUES ('province'), ('nation')) r(level)
)
SELECT x.year, x.group_id, n.name_zh AS group_name_zh, n.name_en AS group_name_en, x.flow, x.reference_level,
  x.district_value_usd, x.district_basket_usd, x.reference_value_usd, x.reference_basket_usd,
  balassa_rca(x.district_value_usd, x.district_basket_usd, x.reference_value_usd, x.reference_basket_usd) AS rca,
  balassa_rca_note(x.district_value_usd, x.district_basket_usd, x.reference_value_usd, x.reference_basket_usd) AS rca_note,
  x.synthetic
FROM by_reference x JOIN cfg_group_name n USING (group_id)
ORDER BY x.year, n.group_order, x.flow, x.reference_level
