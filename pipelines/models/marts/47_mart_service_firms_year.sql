-- Supporting-service firms per year, kind (cluster.json firmKinds.services) and park: births, closures and firms
-- active at year end. Every kind × park × year is listed, so a park without a kind shows 0 (the registry covers
-- every firm registered in the district, so an absent kind is a true zero). A firm of two kinds counts in both.
WITH firms AS (
  SELECT * FROM mart_firm_kinds WHERE kind_group = 'service' AND established_year IS NOT NULL
),
years AS (SELECT DISTINCT year FROM mart_enterprise_events),
grid AS (
  SELECT y.year, k.kind_id, k.name_zh AS kind_name_zh, k.name_en AS kind_name_en, k.kind_order,
    p.park_id, p.name_zh AS park_name_zh, p.name_en AS park_name_en, p.park_order
  FROM years y CROSS JOIN (SELECT * FROM cfg_firm_kind WHERE kind_group = 'service') k CROSS JOIN cfg_park_name p
)
SELECT g.year, g.kind_id, g.kind_name_zh, g.kind_name_en, g.park_id, g.park_name_zh, g.park_name_en,
  count(f.uscc) FILTER (WHERE f.established_year = g.year) AS births,
  count(f.uscc) FILTER (WHERE f.closed_year = g.year) AS closures,
  count(f.uscc) FILTER (WHERE f.established_year <= g.year AND (f.closed_year IS NULL OR f.closed_year > g.year)) AS active_firms,
  coalesce(bool_or(f.synthetic), (SELECT bool_or(synthetic) FROM mart_enterprises)) AS synthetic
FROM grid g
LEFT JOIN firms f ON f.kind_id = g.kind_id AND f.park_id = g.park_id
GROUP BY g.year, g.kind_id, g.kind_name_zh, g.kind_name_en, g.kind_order, g.park_id, g.park_name_zh, g.park_name_en, g.park_order
ORDER BY g.year, g.kind_order, g.park_order
