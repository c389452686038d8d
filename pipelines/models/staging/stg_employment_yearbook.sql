-- Yearbook employment tables → persons per region, year and industry. Every landing row (one industry × year
-- cell) comes out once, with the first rule it breaks or none. Several landing rows share a sheet row, so the
-- model returns its own _raw text for quarantine.
WITH cleaned AS (
  SELECT
    _source_id,
    _file,
    _line::INTEGER AS _line,
    _synthetic::BOOLEAN AS _synthetic,
    _as_of,
    clean_text(region_code) AS region_code,
    clean_text(year) AS year_raw,
    year_of_text(year) AS year,
    clean_text(industry_text) AS industry_text,
    industry_code_in_text(industry_text) AS code_in_text,
    -- "其中：" marks a sub-industry row; it is not part of the name.
    regexp_replace(industry_name_in_text(industry_text), '^其中[:：]?\s*', '') AS name_in_text,
    clean_text(persons) AS persons_raw,
    persons_of_text(persons) AS persons_value,
    coalesce(clean_text(persons_unit), '人') AS persons_unit,
    concat_ws(',', coalesce(region_code, ''), coalesce(year, ''), coalesce(industry_text, ''), coalesce(persons, ''), coalesce(persons_unit, '')) AS _raw
  FROM landing_employment_yearbook
),
-- Division (2-digit), group (3) and class (4) names that occur once, so a name alone identifies its code.
unique_names AS (
  SELECT name, min(code) AS code FROM ref_industry WHERE level BETWEEN 2 AND 4 GROUP BY name HAVING count(*) = 1
),
looked_up AS (
  SELECT
    c.*,
    coalesce(
      (SELECT min(r.code) FROM ref_industry r WHERE r.level BETWEEN 2 AND 4 AND r.code = c.code_in_text),
      (SELECT n.code FROM unique_names n WHERE n.name = c.name_in_text)) AS industry_code,
    -- A 万人 table gives 10.05 for 100,500 persons: scale, then round away the floating-point residue.
    CASE c.persons_unit WHEN '万人' THEN round(c.persons_value * 10000) ELSE c.persons_value END AS persons_scaled
  FROM cleaned c
),
cell_rules AS (
  SELECT
    *,
    CASE
      WHEN year IS NULL OR year NOT BETWEEN 1990 AND 2100 THEN
        {'rule': 'year_unparseable', 'column': 'year', 'message': CASE WHEN year_raw IS NULL
          THEN 'the value''s column has no year in the header'
          ELSE printf('column header "%s" is not a year between 1990 and 2100', year_raw) END}
      WHEN year > year(as_of_limit(_as_of)) THEN after_as_of_rule('column header', year_raw, 'year', _as_of)
      WHEN industry_text IS NULL THEN {'rule': 'required_value_missing', 'column': 'industry_text', 'message': 'the row names no industry'}
      WHEN persons_value IS NULL THEN
        {'rule': 'persons_unparseable', 'column': 'persons', 'message': printf('"%s" is not a number of persons%s', persons_raw, num_comma_note(persons_raw))}
      WHEN persons_value < 0 THEN {'rule': 'value_negative', 'column': 'persons', 'message': printf('persons "%s" is negative', persons_raw)}
      WHEN try_cast(persons_scaled AS BIGINT) IS NULL THEN
        {'rule': 'persons_unparseable', 'column': 'persons', 'message': printf('"%s" is too large to be a number of persons', persons_raw)}
      WHEN persons_scaled <> floor(persons_scaled) THEN
        {'rule': 'persons_unparseable', 'column': 'persons', 'message': printf('"%s" is not a whole number of persons (the table states no 单位：万人)', persons_raw)}
    END AS cell_rule
  FROM looked_up
),
-- The same figure twice (a table repeated on two sheets, or an industry listed twice) would be counted twice: a
-- duplicate, quarantined naming the first. Two different figures for one region, year and industry are a conflict,
-- never a duplicate: both stay here, and the later revision is kept (the table of the extract taken last, by its
-- as-of date; then the later file and row, as a yearbook's revised table follows the one it revises). The others
-- are marked 'superseded'; mart_employment_conflicts reports each with its effect on the total.
numbered AS (
  SELECT *,
    row_number() OVER d AS occurrence,
    first_value(_file || ' row ' || _line) OVER d AS first_at
  FROM cell_rules
  WINDOW d AS (PARTITION BY cell_rule IS NULL, region_code, year, coalesce(industry_code, industry_text), persons_scaled ORDER BY _file, _line)
),
ranked AS (
  SELECT *,
    count(*) OVER w AS records,
    row_number() OVER (w ORDER BY _as_of DESC NULLS LAST, _file DESC, _line DESC) AS recency
  FROM numbered
  WINDOW w AS (PARTITION BY cell_rule IS NULL, occurrence > 1, region_code, year, coalesce(industry_code, industry_text))
),
ruled AS (
  SELECT
    *,
    CASE WHEN cell_rule IS NULL AND occurrence = 1 AND records > 1 THEN CASE WHEN recency = 1 THEN 'kept' ELSE 'superseded' END END AS conflict_resolution,
    coalesce(cell_rule, CASE WHEN occurrence > 1 THEN
      {'rule': 'duplicate_row', 'column': NULL, 'message': printf('%s %d already has the same figure (first at %s)', industry_text, year, first_at)} END) AS verdict
  FROM ranked
)
SELECT
  region_code,
  year,
  industry_code,
  coalesce((SELECT min(r.name) FROM ref_industry r WHERE r.code = ruled.industry_code), name_in_text) AS industry_name,
  try_cast(persons_scaled AS BIGINT) AS persons,
  -- 'kept' or 'superseded' on each of several different figures for one region, year and industry; NULL otherwise.
  conflict_resolution,
  _as_of,
  _source_id,
  _file,
  _line,
  _synthetic,
  verdict.rule AS _rule,
  verdict.column AS _column,
  verdict.message AS _message,
  _raw
FROM ruled
