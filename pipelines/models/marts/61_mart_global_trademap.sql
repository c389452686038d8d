-- ITC Trade Map reporter totals (partner World), USD thousand, when such exports are present in the raw folder.
-- A 4-digit heading whose configured subheadings all belong to the cluster's total group is "<total group>_hs4".
SELECT t.hs6, coalesce(g.group_id, CASE WHEN length(t.hs6) = 4 AND (SELECT bool_and(in_total) FROM cfg_hs_group WHERE hs6 LIKE t.hs6 || '%')
    THEN (SELECT total_group_id FROM cfg_cluster) || '_hs4' END) AS group_id, t.flow, t.reporter, t.year,
  t.value_usd_thousand, min(t.product_label) AS product_label, bool_or(t._synthetic) AS synthetic
FROM stg_trademap t
LEFT JOIN cfg_hs_group g ON g.hs6 = t.hs6
GROUP BY t.hs6, g.group_id, t.flow, t.reporter, t.year, t.value_usd_thousand
ORDER BY t.hs6, t.flow, t.reporter, t.year
