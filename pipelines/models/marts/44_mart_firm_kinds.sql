-- Processing and supporting-service firms (cluster.json firmKinds), one row per firm and kind: a firm is of a kind
-- when its industry class is one of the kind's codes (any class when the kind lists none; a firm whose extract
-- records no class, as the licence fields carry no 所属行业, is judged by its scope alone) and its business scope
-- (经营范围) names at least one of the kind's keywords. A firm can be of several service kinds; a firm with no scope
-- in any extract is of none (it is counted in mart_enterprises, not here).
WITH coded AS (
  SELECT k.kind_id, k.kind_group, k.name_zh, k.name_en, k.kind_order,
    (SELECT list(c.code) FROM cfg_firm_kind_code c WHERE c.kind_id = k.kind_id) AS codes
  FROM cfg_firm_kind k
),
matched AS (
  SELECT e.uscc, k.kind_id, string_agg(w.keyword, '、' ORDER BY w.keyword) AS matched_keywords
  FROM mart_enterprises e
  CROSS JOIN coded k
  JOIN cfg_firm_kind_keyword w ON w.kind_id = k.kind_id
  WHERE e.scope IS NOT NULL AND contains(e.scope, w.keyword)
    AND (coalesce(len(k.codes), 0) = 0 OR e.industry_code IS NULL OR list_contains(k.codes, e.industry_code))
  GROUP BY e.uscc, k.kind_id
)
SELECT e.uscc, e.name, k.kind_id, k.kind_group, k.name_zh AS kind_name_zh, k.name_en AS kind_name_en, k.kind_order,
  m.matched_keywords, e.industry_code, e.park_id, e.status, e.established_year, e.closed_year, e.synthetic
FROM matched m
JOIN mart_enterprises e USING (uscc)
JOIN coded k USING (kind_id)
ORDER BY k.kind_order, e.uscc
