-- ITC Trade Map reporter totals → typed rows, one per reporter × year, in thousand US dollars.
-- An empty cell is Trade Map's "no data": it loads as a NULL value, it is not an error.
-- Several landing rows share a sheet row (one per year), so the model returns its own _raw text for quarantine.
WITH cleaned AS (
  SELECT
    _source_id,
    _file,
    _line::INTEGER AS _line,
    _synthetic::BOOLEAN AS _synthetic,
    _as_of,
    clean_text(hs6) AS hs6,
    clean_text(product_label) AS product_label,
    clean_text(flow) AS flow,
    clean_text(reporter) AS reporter,
    clean_text(year) AS year_raw,
    CASE WHEN regexp_full_match(clean_text(year), '\d{4}') THEN clean_text(year)::INTEGER END AS year,
    clean_text(value_usd_thousand) AS value_raw,
    clean_num(value_usd_thousand) AS value_usd_thousand,
    concat_ws(',', coalesce(hs6, ''), coalesce(product_label, ''), coalesce(flow, ''), coalesce(reporter, ''), coalesce(year, ''), coalesce(value_usd_thousand, '')) AS _raw
  FROM landing_trademap
),
cell_rules AS (
  SELECT
    *,
    CASE
      WHEN hs6 IS NULL OR NOT regexp_full_match(hs6, '\d{4}|\d{6}') THEN
        {'rule': 'hs_code_invalid', 'column': 'hs6', 'message': printf('product code "%s" is not a 4- or 6-digit HS code', coalesce(hs6, ''))}
      WHEN flow IS NULL OR flow NOT IN ('import', 'export') THEN
        {'rule': 'flow_unknown', 'column': 'flow', 'message': printf('flow "%s" is not import/export', coalesce(flow, ''))}
      WHEN reporter IS NULL THEN {'rule': 'required_value_missing', 'column': 'reporter', 'message': 'the reporter (first cell of the row) is empty'}
      WHEN year IS NULL OR year NOT BETWEEN 1900 AND 2100 THEN
        {'rule': 'year_unparseable', 'column': 'year', 'message': CASE WHEN year_raw IS NULL
          THEN 'the value''s column header names no year (expected "Imported/Exported value in <year>")'
          ELSE printf('column header "%s" names no year', year_raw) END}
      -- ITC Trade Map's yearly series begin in 2001: an earlier year is a mislabelled column.
      WHEN year < 2001 THEN
        {'rule': 'date_too_early', 'column': 'year', 'message': printf('year "%s" is before 2001, the first year of ITC Trade Map''s series', year_raw)}
      WHEN year > year(as_of_limit(_as_of)) THEN after_as_of_rule('year', year_raw, 'year', _as_of)
      WHEN num_bad(value_raw, value_usd_thousand) THEN
        {'rule': 'value_unparseable', 'column': 'value_usd_thousand', 'message': printf('value "%s" is not a number%s', value_raw, num_comma_note(value_raw))}
      WHEN value_usd_thousand < 0 THEN
        {'rule': 'value_negative', 'column': 'value_usd_thousand', 'message': printf('value "%s" is negative', value_raw)}
    END AS cell_rule
  FROM cleaned
),
ranked AS (
  SELECT
    *,
    -- The same figure can sit in two sheets of one workbook (a per-product sheet and a product-list sheet): the
    -- workbook, not the sheet, is the unit, so a repeat anywhere in it would count the trade twice. Only a repeat
    -- of the same figure is a duplicate_row.
    row_number() OVER same AS occurrence,
    first_value(_file || ' row ' || _line) OVER same AS first_at
  FROM cell_rules
  WINDOW same AS (
    PARTITION BY split_part(_file, '#', 1), hs6, flow, reporter, year, value_usd_thousand, (cell_rule IS NULL)
    ORDER BY _file, _line)
),
-- Two different figures for one reporter, flow, code and year in one workbook are a conflict: they cannot both be
-- right and must not be added. The first (by sheet, then row) is kept; each other one is quarantined as
-- conflicting_value, naming the figure kept, so the quality report shows both.
versions AS (
  SELECT
    *,
    row_number() OVER k AS version,
    first_value(_file || ' row ' || _line) OVER k AS kept_at,
    first_value(value_usd_thousand) OVER k AS kept_value
  FROM ranked
  WINDOW k AS (
    PARTITION BY split_part(_file, '#', 1), hs6, flow, reporter, year, (cell_rule IS NULL AND occurrence = 1)
    ORDER BY _file, _line)
),
ruled AS (
  SELECT
    *,
    coalesce(cell_rule,
      CASE WHEN occurrence > 1 THEN
        {'rule': 'duplicate_row', 'column': NULL, 'message': printf('%s %s %s %d appears again (first at %s)', reporter, flow, hs6, year, first_at)}
      WHEN version > 1 THEN
        {'rule': 'conflicting_value', 'column': 'value_usd_thousand', 'message': printf('%s %s %s %d: %s here, but %s at %s (kept)', reporter, flow, hs6, year,
          coalesce(value_usd_thousand::VARCHAR, 'blank'), coalesce(kept_value::VARCHAR, 'blank'), kept_at)}
      END) AS r
  FROM versions
)
SELECT
  _source_id,
  _file,
  _line,
  _synthetic,
  hs6,
  product_label,
  flow,
  reporter,
  year,
  value_usd_thousand,
  r.rule AS _rule,
  r.column AS _column,
  r.message AS _message,
  _raw
FROM ruled
