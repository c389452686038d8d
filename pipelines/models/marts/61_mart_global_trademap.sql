-- ITC Trade Map reporter totals (partner World), USD thousand, when such exports are present in the raw folder.
-- hs_code holds a 4-digit heading (the heading's total sheet) or a 6-digit subheading; hs_level says which.
-- A 4-digit heading whose configured subheadings all belong to the cluster's total group is "<total group>_hs4".
-- A year its code was not in force (ref_hs_in_force: 710421/710491 exist from HS 2022) has no figure: Trade Map
-- fills those cells with 0 for some reporters and leaves them blank for others, so both become NULL with
-- value_status 'code_not_in_force', never 0. A blank cell of a year the code existed is 'not_reported'.
SELECT t.hs6 AS hs_code, length(t.hs6)::INTEGER AS hs_level,
  coalesce(g.group_id, CASE WHEN length(t.hs6) = 4 AND (SELECT bool_and(in_total) FROM cfg_hs_group WHERE hs6 LIKE t.hs6 || '%')
    THEN (SELECT total_group_id FROM cfg_cluster) || '_hs4' END) AS group_id, t.flow, t.reporter, t.year,
  CASE WHEN NOT in_force THEN NULL ELSE t.value_usd_thousand END AS value_usd_thousand,
  CASE WHEN NOT in_force THEN 'code_not_in_force' WHEN t.value_usd_thousand IS NULL THEN 'not_reported' ELSE 'reported' END AS value_status,
  min(t.product_label) AS product_label, bool_or(t._synthetic) AS synthetic,
  -- The reader's-language names (macros/06_country_names.sql); NULL when the spelling matches nothing.
  any_value(n.alpha3) AS reporter_iso3, any_value(n.name_zh) AS reporter_name_zh, any_value(n.name_en) AS reporter_name_en
FROM (
  SELECT s.*, coalesce(s.year >= v.in_force_from, TRUE) AND coalesce(s.year <= v.in_force_to, TRUE) AS in_force
  FROM stg_trademap s LEFT JOIN ref_hs_in_force v ON v.hscode = s.hs6
) t
LEFT JOIN cfg_hs_group g ON g.hs6 = t.hs6
LEFT JOIN country_names() n ON n.name_key = country_name_key(t.reporter)
GROUP BY t.hs6, g.group_id, t.flow, t.reporter, t.year, t.value_usd_thousand, t.in_force
ORDER BY hs_code, t.flow, t.reporter, t.year
