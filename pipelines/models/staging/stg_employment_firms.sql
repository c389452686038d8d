-- Per-firm headcounts → employees per USCC and year. Every landing row comes out once, with the first rule it
-- breaks (identity, year, headcount, then duplicates) or none.
WITH cleaned AS (
  SELECT
    _source_id,
    _file,
    _line::INTEGER AS _line,
    _synthetic::BOOLEAN AS _synthetic,
    _as_of,
    registry_uscc(uscc) AS uscc,
    clean_text(year) AS year_raw,
    year_of_text(year) AS year,
    clean_text(employees) AS employees_raw,
    persons_of_text(employees) AS employees_value
  FROM landing_employment_firms
),
cell_rules AS (
  SELECT
    *,
    CASE
      WHEN uscc IS NULL THEN {'rule': 'required_value_missing', 'column': 'uscc', 'message': '统一社会信用代码 is empty'}
      WHEN uscc_format_problem(uscc) IS NOT NULL THEN
        {'rule': 'uscc_invalid_format', 'column': 'uscc', 'message': '统一社会信用代码 ' || uscc_format_problem(uscc)}
      WHEN year IS NULL OR year NOT BETWEEN 1990 AND 2100 THEN
        {'rule': 'year_unparseable', 'column': 'year', 'message': CASE WHEN year_raw IS NULL THEN '年份 is empty'
          ELSE printf('年份 "%s" is not a year between 1990 and 2100', year_raw) END}
      WHEN year > year(as_of_limit(_as_of)) THEN after_as_of_rule('年份', year_raw, 'year', _as_of)
      WHEN employees_raw IS NULL THEN {'rule': 'required_value_missing', 'column': 'employees', 'message': '从业人员 is empty'}
      WHEN employees_value IS NULL OR try_cast(employees_value AS BIGINT) IS NULL THEN
        {'rule': 'persons_unparseable', 'column': 'employees', 'message': printf('从业人员 "%s" is not a number of persons%s', employees_raw, num_comma_note(employees_raw))}
      WHEN employees_value < 0 THEN {'rule': 'value_negative', 'column': 'employees', 'message': printf('从业人员 "%s" is negative', employees_raw)}
      WHEN employees_value <> floor(employees_value) THEN
        {'rule': 'persons_unparseable', 'column': 'employees', 'message': printf('从业人员 "%s" is not a whole number of persons', employees_raw)}
    END AS cell_rule
  FROM cleaned
),
-- Two rows for one firm and year with the same headcount are a duplicate (quarantined, naming the first). Two with
-- different headcounts are a conflict, never a duplicate: both stay here, and the later revision is kept: the row of
-- the extract taken last (its as-of date), then the later file and line (a corrected figure is appended after the
-- one it corrects). The others are marked 'superseded' (marts leave them out; mart_employment_conflicts reports
-- each with its effect on the total).
numbered AS (
  SELECT *,
    row_number() OVER (PARTITION BY cell_rule IS NULL, uscc, year, employees_value ORDER BY _file, _line) AS occurrence,
    first_value(_file) OVER (PARTITION BY cell_rule IS NULL, uscc, year, employees_value ORDER BY _file, _line) AS first_file,
    first_value(_line) OVER (PARTITION BY cell_rule IS NULL, uscc, year, employees_value ORDER BY _file, _line) AS first_line
  FROM cell_rules
),
ranked AS (
  SELECT *,
    count(*) OVER w AS records,
    row_number() OVER (w ORDER BY _as_of DESC NULLS LAST, _file DESC, _line DESC) AS recency
  FROM numbered
  WINDOW w AS (PARTITION BY cell_rule IS NULL, occurrence > 1, uscc, year)
),
ruled AS (
  SELECT
    *,
    CASE WHEN cell_rule IS NULL AND occurrence = 1 AND records > 1 THEN CASE WHEN recency = 1 THEN 'kept' ELSE 'superseded' END END AS conflict_resolution,
    coalesce(cell_rule, CASE WHEN occurrence > 1 THEN
      {'rule': 'duplicate_row', 'column': NULL, 'message': printf('%s %d already has the same headcount in %s line %d (the first is kept)', uscc, year, first_file, first_line)} END) AS verdict
  FROM ranked
)
SELECT
  uscc,
  year,
  try_cast(employees_value AS BIGINT) AS employees,
  -- 'kept' or 'superseded' on each row of a firm and year with different headcounts (a conflict); NULL otherwise.
  conflict_resolution,
  _as_of,
  _source_id,
  _file,
  _line,
  _synthetic,
  verdict.rule AS _rule,
  verdict.column AS _column,
  verdict.message AS _message
FROM ruled
