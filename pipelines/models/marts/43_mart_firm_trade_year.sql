-- Annual trade per firm (enterprise-level customs records joined to the registry by USCC).
SELECT e.uscc, r.name, e.year, e.hs_group, e.flow, round(sum(e.value_usd), 2) AS value_usd, round(sum(e.quantity_carats), 3) AS quantity_carats,
  r.park_id, r.industry_code, bool_or(e._synthetic) AS synthetic
FROM stg_enterprise_customs e
LEFT JOIN mart_enterprises r ON r.uscc = e.uscc
WHERE e.uscc IS NOT NULL
GROUP BY e.uscc, r.name, e.year, e.hs_group, e.flow, r.park_id, r.industry_code
ORDER BY e.uscc, e.year, e.hs_group NULLS LAST, e.flow
