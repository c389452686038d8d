-- Annual trade by partner, for the district and the nation, per HS group (plus the cluster's total group) and flow.
-- The monthly rows are summed per year, level, group, flow and partner first (partner name too, whose minimum is
-- taken below), so the totals and the name look-ups handle those sums rather than every monthly row.
WITH base AS (
  SELECT year, region_level, hs_group AS group_id, flow, partner_code, partner_name, sum(value_usd) AS value_usd,
    sum(quantity_carats) AS quantity_carats, bool_or(synthetic) AS synthetic
  FROM mart_trade_monthly WHERE region_level IN ('district', 'nation') AND (partner_code IS NOT NULL OR partner_name IS NOT NULL)
  GROUP BY year, region_level, hs_group, flow, partner_code, partner_name
),
grouped AS (
  SELECT * FROM base
  UNION ALL
  SELECT year, region_level, (SELECT total_group_id FROM cfg_cluster), flow, partner_code, partner_name, value_usd, quantity_carats, synthetic
  FROM base WHERE group_id IN (SELECT group_id FROM cfg_hs_group WHERE in_total)
)
SELECT g.year, g.region_level, g.group_id, g.flow, g.partner_code,
  coalesce(min(p.name_zh), min(g.partner_name)) AS partner_name_zh,
  -- English: the country's display name (macros/06_country_names.sql), else this project's name for a code without
  -- an ISO code; the code table's own English (typos kept as in its source) only as a last resort.
  coalesce(min(c.name_en), min(pe.name_en), min(p.name_en)) AS partner_name_en,
  round(sum(g.value_usd), 2) AS value_usd, round(sum(g.quantity_carats), 3) AS quantity_carats, bool_or(g.synthetic) AS synthetic
FROM grouped g
LEFT JOIN ref_customs_partner p ON p.customs_code = g.partner_code
LEFT JOIN country_display_names() c ON c.alpha3 = p.iso_alpha3
LEFT JOIN ref_customs_partner_en pe ON pe.customs_code = g.partner_code
GROUP BY g.year, g.region_level, g.group_id, g.flow, g.partner_code
ORDER BY g.year, g.region_level, g.group_id, g.flow, value_usd DESC, g.partner_code
