-- Kimberley Process production → typed rows per country × year × half year × production type.
-- Carats are carats and value_usd is absolute US dollars (not thousands), as KP publishes them.
-- Duplicates and conflicts (documented in data/raw/kimberley/SOURCE.md):
-- * a row equal to an earlier one in every published field (country, year, half year, trade and production type,
--   carats, value) is a duplicate_row, whatever its Created / Last Modified timestamps;
-- * rows with the same country, year, half year and type but different figures are a conflict, never a duplicate:
--   they are separate submissions (KP edits a revised submission in place, setting Last Modified, rather than
--   adding a row) and all of them count ('summed'), as in KP's own annual summary (the DRC's 2022 figure, 10.78 Mct
--   and USD 77 m, includes both of its H1 LSM rows). mart_global_kp_conflicts reports each with its effect.
WITH cleaned AS (
  SELECT
    _source_id,
    _file,
    _line::INTEGER AS _line,
    _synthetic::BOOLEAN AS _synthetic,
    _as_of,
    clean_text(country) AS country,
    clean_text(year) AS year_raw,
    -- Spreadsheets hand back whole numbers as "2003" or "2003.0".
    CASE WHEN regexp_full_match(clean_text(year), '\d{4}(\.0+)?') THEN clean_num(year)::INTEGER END AS year,
    clean_text(half_year) AS half_year_raw,
    CASE WHEN regexp_full_match(clean_text(half_year), '[12](\.0+)?') THEN clean_num(half_year)::INTEGER END AS half_year,
    clean_text(trade_type) AS trade_type,
    clean_text(production_type) AS production_type,
    clean_text(carats) AS carats_raw,
    clean_num(carats) AS carats,
    clean_text(value_usd) AS value_raw,
    clean_num(value_usd) AS value_usd,
    coalesce(try_strptime(clean_text(last_modified), '%d%b%y:%H:%M:%S'), try_strptime(clean_text(created), '%d%b%y:%H:%M:%S')) AS revised_at
  FROM landing_kimberley
),
cell_rules AS (
  SELECT
    *,
    CASE
      WHEN country IS NULL THEN {'rule': 'required_value_missing', 'column': 'country', 'message': 'Country Name is empty'}
      WHEN year IS NULL OR year NOT BETWEEN 1990 AND 2100 THEN
        {'rule': 'year_unparseable', 'column': 'year', 'message': printf('Year "%s" is not a year between 1990 and 2100', coalesce(year_raw, ''))}
      WHEN year > year(as_of_limit(_as_of)) THEN after_as_of_rule('Year', year_raw, 'year', _as_of)
      WHEN half_year IS NULL THEN
        {'rule': 'period_unparseable', 'column': 'half_year', 'message': printf('Quarter "%s" is not a half year (1 or 2)', coalesce(half_year_raw, ''))}
      WHEN trade_type IS NULL THEN {'rule': 'required_value_missing', 'column': 'trade_type', 'message': 'Trade Type is empty'}
      WHEN num_bad(carats_raw, carats) THEN
        {'rule': 'quantity_unparseable', 'column': 'carats', 'message': printf('Carat "%s" is not a number', carats_raw)}
      WHEN carats < 0 THEN {'rule': 'quantity_negative', 'column': 'carats', 'message': printf('Carat "%s" is negative', carats_raw)}
      WHEN num_bad(value_raw, value_usd) THEN
        {'rule': 'value_unparseable', 'column': 'value_usd', 'message': printf('US Value "%s" is not a number', value_raw)}
      WHEN value_usd < 0 THEN {'rule': 'value_negative', 'column': 'value_usd', 'message': printf('US Value "%s" is negative', value_raw)}
    END AS cell_rule
  FROM cleaned
),
ranked AS (
  SELECT
    *,
    row_number() OVER same AS occurrence,
    first_value(_line) OVER same AS first_line
  FROM cell_rules
  WINDOW same AS (PARTITION BY _file, country, year, half_year, trade_type, coalesce(production_type, ''), carats, value_usd, (cell_rule IS NULL) ORDER BY _line)
),
-- The distinct versions of each key (rows that pass the cell rules and are not duplicates): more than one is a
-- conflict.
ruled AS (
  SELECT
    *,
    CASE WHEN cell_rule IS NULL AND occurrence = 1 AND count(*) OVER (
      PARTITION BY _file, country, year, half_year, trade_type, coalesce(production_type, ''), cell_rule IS NULL AND occurrence = 1) > 1
    THEN 'summed' END AS conflict_resolution,
    coalesce(cell_rule, CASE WHEN occurrence > 1 THEN
      {'rule': 'duplicate_row', 'column': NULL, 'message': printf('%s %d H%d %s: identical in every published field to row %d', country, year, half_year, concat_ws(' ', trade_type, production_type), first_line)}
    END) AS r
  FROM ranked
)
SELECT
  _source_id,
  _file,
  _line,
  _synthetic,
  country,
  year,
  half_year,
  trade_type,
  production_type,
  carats,
  value_usd,
  -- When KP last recorded the row (Last Modified, else Created; NULL in older rows).
  revised_at,
  -- 'summed' on each of several rows with the same key and different figures (a conflict); NULL otherwise.
  conflict_resolution,
  r.rule AS _rule,
  r.column AS _column,
  r.message AS _message
FROM ruled
