-- Enterprise registry → one typed row per firm. Every landing row comes out once: with _rule NULL it is loaded,
-- otherwise it goes to quarantine with the first rule it breaks (identity, then dates and their plausibility,
-- capital and status, then duplicates). A failed USCC check character is a warning (uscc_check_ok = false), not a rule: some legally
-- valid pilot-era codes fail it.
WITH cleaned AS (
  SELECT
    _source_id,
    _file,
    _line::INTEGER AS _line,
    _synthetic::BOOLEAN AS _synthetic,
    _as_of,
    clean_text(uscc) AS uscc_raw,
    registry_uscc(uscc) AS uscc,
    clean_text(name) AS name,
    clean_text(entity_type) AS entity_type,
    clean_text(address) AS address,
    clean_text(capital_text) AS capital_raw,
    try_cast(capital_wan_parsed AS DOUBLE) AS capital_wan,
    clean_text(capital_currency_parsed) AS capital_currency,
    clean_text(capital_error) AS capital_error,
    clean_text(established) AS established_raw,
    parse_date_cn(established) AS established,
    clean_text(term_from) AS term_from_raw,
    parse_date_cn(term_from) AS term_from,
    clean_text(term_to) AS term_to_raw,
    parse_date_cn(term_to) AS term_to,
    clean_text(authority) AS authority,
    clean_text(approved) AS approved_raw,
    parse_date_cn(approved) AS approved,
    clean_text(status_text) AS status_raw,
    clean_text(status_parsed) AS status,
    clean_text(scope) AS scope,
    clean_text(industry_text) AS industry_text,
    layout,
    industry_code_in_text(industry_text) AS code_in_text,
    industry_name_in_text(industry_text) AS name_in_text
  FROM landing_registry
),
-- Level-4 class names that occur once, so a name alone identifies its class.
class_names AS (
  SELECT name, min(code) AS code FROM ref_industry WHERE level = 4 GROUP BY name HAVING count(*) = 1
),
-- Firms whose address names no park are "elsewhere in the district" (the config's otherParkId).
other_park AS (
  SELECT other_park_id AS park_id FROM cfg_cluster
),
looked_up AS (
  SELECT
    c.*,
    coalesce(
      (SELECT p.park_id FROM cfg_park p WHERE c.address IS NOT NULL AND contains(c.address, p.keyword) ORDER BY p.priority LIMIT 1),
      (SELECT park_id FROM other_park)) AS park_id,
    coalesce(
      (SELECT r.code FROM ref_industry r WHERE r.level = 4 AND r.code = c.code_in_text),
      (SELECT n.code FROM class_names n WHERE n.name = c.name_in_text)) AS industry_code,
    fx.cny_per_usd
  FROM cleaned c
  LEFT JOIN cny_rate_by_year() fx ON fx.year = year(c.established)
),
cell_rules AS (
  SELECT
    *,
    CASE
      WHEN uscc IS NULL THEN {'rule': 'required_value_missing', 'column': 'uscc', 'message': '统一社会信用代码 is empty'}
      WHEN uscc_format_problem(uscc) IS NOT NULL THEN
        {'rule': 'uscc_invalid_format', 'column': 'uscc', 'message': '统一社会信用代码 ' || uscc_format_problem(uscc)}
      WHEN name IS NULL THEN {'rule': 'required_value_missing', 'column': 'name', 'message': '企业名称 is empty'}
      WHEN established_raw IS NOT NULL AND established IS NULL THEN
        {'rule': 'date_unparseable', 'column': 'established', 'message': printf('成立日期 "%s" is not a date (expected e.g. 2008-07-25, 2008/7/25, 2008年7月25日)', established_raw)}
      WHEN approved_raw IS NOT NULL AND approved IS NULL THEN
        {'rule': 'date_unparseable', 'column': 'approved', 'message': printf('核准日期 "%s" is not a date', approved_raw)}
      WHEN registry_date_bad(term_from_raw) THEN
        {'rule': 'date_unparseable', 'column': 'term_from', 'message': printf('营业期限自 "%s" is not a date', term_from_raw)}
      WHEN registry_date_bad(term_to_raw) THEN
        {'rule': 'date_unparseable', 'column': 'term_to', 'message': printf('营业期限至 "%s" is neither a date nor an open end such as 长期', term_to_raw)}
      -- A firm cannot be founded or have its record approved after the extract was taken, nor before the registry
      -- existed; a term may run on past the as-of date (营业期限至 2058), but not start before 1949.
      WHEN established > as_of_limit(_as_of) THEN after_as_of_rule('成立日期', established_raw, 'established', _as_of)
      WHEN established < registry_date_floor() THEN registry_too_early_rule('成立日期', established_raw, 'established')
      WHEN approved > as_of_limit(_as_of) THEN after_as_of_rule('核准日期', approved_raw, 'approved', _as_of)
      WHEN approved < registry_date_floor() THEN registry_too_early_rule('核准日期', approved_raw, 'approved')
      WHEN term_from < registry_date_floor() THEN registry_too_early_rule('营业期限自', term_from_raw, 'term_from')
      WHEN capital_error IS NOT NULL THEN
        {'rule': 'capital_unparseable', 'column': 'capital_text', 'message': printf('注册资本 "%s" %s', capital_raw, capital_error)}
      WHEN status IS NULL THEN
        {'rule': 'status_unknown', 'column': 'status_text', 'message': CASE WHEN status_raw IS NULL THEN '登记状态 is empty'
          ELSE printf('登记状态 "%s" is none of 存续/在营/开业/在册/在业, 吊销, 注销, 迁出, 撤销/停业/清算', status_raw) END}
    END AS cell_rule
  FROM looked_up
),
-- A firm can appear in two extracts (the official one and an aggregator's) or twice in one. Only rows that pass the
-- cell rules compete, so a broken first record does not hide a good one.
-- * A later record that agrees with an earlier one in every field both hold (a field one layout lacks, such as the
--   aggregator's 核准日期, is no disagreement) is a duplicate: quarantined, naming the first. Earlier means the
--   official licence-field record before an aggregator's, then by file and line.
-- * Records of one firm that disagree in a field both hold are a conflict, never a duplicate: all of them stay here,
--   and the one the registry approved last (核准日期, the date it last changed the record) is kept; a record without
--   a 核准日期 yields to one with it; on equal dates the official record, then the first by file and line.
--   The others are marked 'superseded' (mart_enterprises leaves them out; mart_registry_conflicts reports each
--   conflict and its effect on the firm counts).
numbered AS (
  SELECT *, row_number() OVER (PARTITION BY cell_rule IS NULL, uscc ORDER BY layout = 'aggregator', _file, _line) AS occurrence
  FROM cell_rules
),
duplicate_of AS (
  SELECT b._file AS dup_file, b._line AS dup_line, arg_min(a._file, a.occurrence) AS first_file, arg_min(a._line, a.occurrence) AS first_line
  FROM numbered b
  JOIN numbered a ON a.uscc = b.uscc AND a.cell_rule IS NULL AND b.cell_rule IS NULL AND a.occurrence < b.occurrence
    AND agrees(a.name, b.name) AND agrees(a.entity_type, b.entity_type) AND agrees(a.address, b.address)
    AND agrees(a.capital_wan, b.capital_wan) AND agrees(a.capital_currency, b.capital_currency)
    AND agrees(a.established, b.established) AND agrees(a.term_from, b.term_from) AND agrees(a.term_to, b.term_to)
    AND agrees(a.authority, b.authority) AND agrees(a.approved, b.approved) AND agrees(a.status, b.status)
    AND agrees(a.industry_code, b.industry_code) AND agrees(a.scope, b.scope)
  GROUP BY b._file, b._line
),
marked AS (
  SELECT n.*, d.first_file, d.first_line, d.dup_file IS NOT NULL AS is_duplicate
  FROM numbered n LEFT JOIN duplicate_of d ON d.dup_file = n._file AND d.dup_line = n._line
),
ranked AS (
  SELECT *,
    count(*) OVER (PARTITION BY cell_rule IS NULL, is_duplicate, uscc) AS records,
    row_number() OVER (PARTITION BY cell_rule IS NULL, is_duplicate, uscc ORDER BY approved DESC NULLS LAST, layout = 'aggregator', _file, _line) AS recency
  FROM marked
),
ruled AS (
  SELECT
    *,
    CASE WHEN cell_rule IS NULL AND NOT is_duplicate AND records > 1 THEN CASE WHEN recency = 1 THEN 'kept' ELSE 'superseded' END END AS conflict_resolution,
    coalesce(cell_rule, CASE WHEN is_duplicate THEN
      {'rule': 'duplicate_row', 'column': 'uscc', 'message': printf('统一社会信用代码 %s already appears in %s line %d with the same values (the first record is kept)', uscc, first_file, first_line)} END) AS verdict
  FROM ranked
)
SELECT
  uscc,
  uscc_check_ok(uscc) AS uscc_check_ok,
  name,
  entity_type,
  address,
  park_id,
  capital_wan,
  capital_currency,
  -- HKD capital stays unconverted: there is no CNY/HKD rate table in data/reference.
  CASE capital_currency WHEN 'CNY' THEN capital_wan WHEN 'USD' THEN capital_wan * cny_per_usd END AS capital_cny_wan,
  established,
  term_from,
  term_to,
  authority,
  approved,
  status,
  status_raw,
  CASE WHEN status <> 'active' THEN approved END AS status_date,
  industry_code,
  coalesce((SELECT r.name FROM ref_industry r WHERE r.level = 4 AND r.code = ruled.industry_code), name_in_text) AS industry_name,
  scope,
  -- 'kept' or 'superseded' on each record of a firm whose records disagree (a conflict); NULL otherwise.
  conflict_resolution,
  layout,
  _source_id,
  _file,
  _line,
  _synthetic,
  verdict.rule AS _rule,
  verdict.column AS _column,
  verdict.message AS _message
FROM ruled
