-- ITC Trade Map reporter totals (partner World), USD thousand, when such exports are present in the raw folder.
SELECT t.hs6, coalesce(g.group_id, CASE WHEN t.hs6 = '7102' THEN 'diamonds_hs4' END) AS group_id, t.flow, t.reporter, t.year,
  t.value_usd_thousand, min(t.product_label) AS product_label, bool_or(t._synthetic) AS synthetic,
  -- The reader's-language names (macros/06_country_names.sql); NULL when the spelling matches nothing.
  any_value(n.alpha3) AS reporter_iso3, any_value(n.name_zh) AS reporter_name_zh, any_value(n.name_en) AS reporter_name_en
FROM stg_trademap t
LEFT JOIN cfg_hs_group g ON g.hs6 = t.hs6
LEFT JOIN country_names() n ON n.name_key = country_name_key(t.reporter)
GROUP BY t.hs6, g.group_id, t.flow, t.reporter, t.year, t.value_usd_thousand
ORDER BY t.hs6, t.flow, t.reporter, t.year
