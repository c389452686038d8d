-- Firms whose registry records disagree (same USCC, a different value in a field both records hold): each conflict,
-- the rule that resolved it (the record approved last wins, stg_registry) and its effect on the published counts
-- against keeping the first record (what quarantining the others as duplicates did): +1 when the kept record makes
-- the firm active and the first did not, −1 the other way round, 0 when the status agrees.
WITH recs AS (
  SELECT *, row_number() OVER (PARTITION BY uscc ORDER BY layout = 'aggregator', _file, _line) AS occurrence
  FROM stg_registry WHERE conflict_resolution IS NOT NULL
),
diffs AS (
  SELECT k.uscc, list_sort(list_distinct(flatten(list([
    CASE WHEN NOT agrees(k.name, o.name) THEN 'name' END, CASE WHEN NOT agrees(k.entity_type, o.entity_type) THEN 'entity_type' END,
    CASE WHEN NOT agrees(k.address, o.address) THEN 'address' END, CASE WHEN NOT agrees(k.capital_wan, o.capital_wan) THEN 'capital_wan' END,
    CASE WHEN NOT agrees(k.capital_currency, o.capital_currency) THEN 'capital_currency' END, CASE WHEN NOT agrees(k.established, o.established) THEN 'established' END,
    CASE WHEN NOT agrees(k.term_from, o.term_from) THEN 'term_from' END, CASE WHEN NOT agrees(k.term_to, o.term_to) THEN 'term_to' END,
    CASE WHEN NOT agrees(k.authority, o.authority) THEN 'authority' END, CASE WHEN NOT agrees(k.approved, o.approved) THEN 'approved' END,
    CASE WHEN NOT agrees(k.status, o.status) THEN 'status' END, CASE WHEN NOT agrees(k.industry_code, o.industry_code) THEN 'industry_code' END,
    CASE WHEN NOT agrees(k.scope, o.scope) THEN 'scope' END
  ])))) AS fields
  FROM recs k JOIN recs o ON o.uscc = k.uscc AND k.conflict_resolution = 'kept' AND o.conflict_resolution = 'superseded'
  GROUP BY k.uscc
)
SELECT r.uscc,
  arg_max(r.name, r.conflict_resolution = 'kept') AS name,
  count(*)::INTEGER AS records,
  string_agg(r._file || ' line ' || r._line, '; ' ORDER BY r.occurrence) AS source_rows,
  array_to_string(list_filter(any_value(d.fields), x -> x IS NOT NULL), ', ') AS differing_fields,
  'latest_approved' AS resolution,
  arg_max(r._file || ' line ' || r._line, r.conflict_resolution = 'kept') AS kept_row,
  arg_max(r.status, r.conflict_resolution = 'kept') AS kept_status,
  arg_max(r.approved, r.conflict_resolution = 'kept') AS kept_approved,
  arg_min(r.status, r.occurrence) AS first_record_status,
  ((arg_max(r.status, r.conflict_resolution = 'kept') = 'active')::INTEGER - (arg_min(r.status, r.occurrence) = 'active')::INTEGER) AS active_firms_effect,
  round(coalesce(arg_max(r.capital_cny_wan, r.conflict_resolution = 'kept'), 0) - coalesce(arg_min(r.capital_cny_wan, r.occurrence), 0), 4) AS capital_cny_wan_effect,
  bool_or(r._synthetic) AS synthetic
FROM recs r LEFT JOIN diffs d USING (uscc)
GROUP BY r.uscc
ORDER BY r.uscc
