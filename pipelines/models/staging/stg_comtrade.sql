-- UN Comtrade data export → typed rows, one per reporter × flow × partner × commodity × period (× customs procedure
-- × mode of transport × second partner, when the query breaks those out; their totals are customs 'C00', mode 0,
-- second partner 0). Values are US dollars as the reporter declares them: imports CIF, exports FOB (primaryValue;
-- cifvalue / fobvalue when the reporter gives both). An empty qty is "no quantity", not an error.
WITH cleaned AS (
  SELECT
    _source_id,
    _file,
    _line::INTEGER AS _line,
    _synthetic::BOOLEAN AS _synthetic,
    _as_of,
    upper(clean_text(freq_code)) AS freq_raw,
    clean_text(ref_year) AS year_raw,
    CASE WHEN regexp_full_match(clean_text(ref_year), '\d{4}(\.0+)?') THEN clean_num(ref_year)::INTEGER END AS year,
    clean_text(ref_month) AS month_raw,
    CASE WHEN regexp_full_match(clean_text(ref_month), '\d{1,2}') THEN clean_text(ref_month)::INTEGER END AS ref_month,
    clean_text(period) AS period_raw,
    clean_text(reporter_code) AS reporter_code,
    upper(clean_text(reporter_iso)) AS reporter_iso,
    clean_text(reporter_desc) AS reporter_desc,
    upper(clean_text(flow_code)) AS flow_code,
    clean_text(flow_desc) AS flow_desc,
    clean_text(partner_code) AS partner_code,
    upper(clean_text(partner_iso)) AS partner_iso,
    clean_text(partner_desc) AS partner_desc,
    coalesce(clean_text(partner2_code), '0') AS partner2_code,
    clean_text(classification_code) AS classification_code,
    upper(clean_text(cmd_code)) AS hs_code,
    clean_text(cmd_desc) AS cmd_desc,
    coalesce(upper(clean_text(customs_code)), 'C00') AS customs_code,
    coalesce(clean_text(mot_code), '0') AS mot_code,
    clean_text(qty_unit_code) AS qty_unit_code,
    clean_text(qty_unit_abbr) AS qty_unit,
    clean_text(qty) AS qty_raw,
    clean_num(qty) AS qty,
    clean_text(net_wgt) AS net_wgt_raw,
    clean_num(net_wgt) AS net_weight_kg,
    clean_text(cif_value) AS cif_raw,
    clean_num(cif_value) AS cif_value_usd,
    clean_text(fob_value) AS fob_raw,
    clean_num(fob_value) AS fob_value_usd,
    clean_text(primary_value) AS value_raw,
    clean_num(primary_value) AS value_usd,
    lower(clean_text(is_reported)) AS is_reported_raw
  FROM landing_comtrade
),
typed AS (
  SELECT
    *,
    -- comtradeplus flow codes, and the legacy export's numbers (1 import, 2 export, 3 re-export, 4 re-import).
    CASE flow_code
      WHEN 'M' THEN 'import' WHEN '1' THEN 'import'
      WHEN 'X' THEN 'export' WHEN '2' THEN 'export'
      WHEN 'RX' THEN 're_export' WHEN '3' THEN 're_export'
      WHEN 'RM' THEN 're_import' WHEN '4' THEN 're_import'
      WHEN 'DX' THEN 'domestic_export'
      WHEN 'FM' THEN 'foreign_import'
    END AS flow,
    -- Annual rows carry refMonth 52; a missing freqCode is read from the period's length (YYYY or YYYYMM).
    coalesce(freq_raw, CASE WHEN regexp_full_match(coalesce(period_raw, ''), '\d{6}') THEN 'M' ELSE 'A' END) AS freq,
    CASE WHEN regexp_full_match(coalesce(hs_code, ''), '\d{6}') THEN hs_code END AS hs6,
    -- Quantity unit 13 is the carat in Comtrade's (WCO) unit list.
    CASE WHEN qty_unit_code = '13' OR lower(coalesce(qty_unit, '')) IN ('carat', 'ct', 'carats') THEN qty END AS quantity_carats,
    CASE is_reported_raw WHEN 'true' THEN TRUE WHEN '1' THEN TRUE WHEN 'false' THEN FALSE WHEN '0' THEN FALSE END AS is_reported
  FROM cleaned
),
cell_rules AS (
  SELECT
    *,
    CASE WHEN freq = 'M' THEN ref_month END AS month,
    CASE
      WHEN year IS NULL OR year NOT BETWEEN 1962 AND 2100 THEN
        {'rule': 'year_unparseable', 'column': 'ref_year', 'message': printf('refYear "%s" is not a year between 1962 and 2100', coalesce(year_raw, ''))}
      WHEN year > year(as_of_limit(_as_of)) THEN after_as_of_rule('refYear', year_raw, 'ref_year', _as_of)
      WHEN freq NOT IN ('A', 'M') THEN
        {'rule': 'period_unparseable', 'column': 'freq_code', 'message': printf('freqCode "%s" is neither A (annual) nor M (monthly)', freq_raw)}
      WHEN freq = 'M' AND (ref_month IS NULL OR ref_month NOT BETWEEN 1 AND 12) THEN
        {'rule': 'period_unparseable', 'column': 'ref_month', 'message': printf('refMonth "%s" is not a month 1–12 in a monthly (freqCode M) row', coalesce(month_raw, ''))}
      WHEN reporter_code IS NULL OR NOT regexp_full_match(reporter_code, '\d{1,3}') THEN
        {'rule': 'required_value_missing', 'column': 'reporter_code', 'message': printf('reporterCode "%s" is not a Comtrade country code', coalesce(reporter_code, ''))}
      WHEN partner_code IS NULL OR NOT regexp_full_match(partner_code, '\d{1,3}') THEN
        {'rule': 'required_value_missing', 'column': 'partner_code', 'message': printf('partnerCode "%s" is not a Comtrade country code', coalesce(partner_code, ''))}
      WHEN flow IS NULL THEN
        {'rule': 'flow_unknown', 'column': 'flow_code', 'message': printf('flowCode "%s" is not a Comtrade flow (M, X, RM, RX, DX, FM)', coalesce(flow_code, ''))}
      WHEN hs_code IS NULL OR NOT (hs_code = 'TOTAL' OR regexp_full_match(hs_code, '\d{2}|\d{4}|\d{6}')) THEN
        {'rule': 'hs_code_invalid', 'column': 'cmd_code', 'message': printf('cmdCode "%s" is not TOTAL or a 2-, 4- or 6-digit HS code', coalesce(hs_code, ''))}
      WHEN value_raw IS NULL THEN
        {'rule': 'required_value_missing', 'column': 'primary_value', 'message': 'primaryValue is empty: the row has no trade value'}
      WHEN num_bad(value_raw, value_usd) THEN
        {'rule': 'value_unparseable', 'column': 'primary_value', 'message': printf('primaryValue "%s" is not a number%s', value_raw, num_comma_note(value_raw))}
      WHEN value_usd < 0 THEN {'rule': 'value_negative', 'column': 'primary_value', 'message': printf('primaryValue "%s" is negative', value_raw)}
      WHEN num_bad(cif_raw, cif_value_usd) THEN
        {'rule': 'value_unparseable', 'column': 'cif_value', 'message': printf('cifvalue "%s" is not a number%s', cif_raw, num_comma_note(cif_raw))}
      WHEN num_bad(fob_raw, fob_value_usd) THEN
        {'rule': 'value_unparseable', 'column': 'fob_value', 'message': printf('fobvalue "%s" is not a number%s', fob_raw, num_comma_note(fob_raw))}
      WHEN num_bad(qty_raw, qty) THEN
        {'rule': 'quantity_unparseable', 'column': 'qty', 'message': printf('qty "%s" is not a number%s', qty_raw, num_comma_note(qty_raw))}
      WHEN qty < 0 THEN {'rule': 'quantity_negative', 'column': 'qty', 'message': printf('qty "%s" is negative', qty_raw)}
      WHEN num_bad(net_wgt_raw, net_weight_kg) THEN
        {'rule': 'quantity_unparseable', 'column': 'net_wgt', 'message': printf('netWgt "%s" is not a number%s', net_wgt_raw, num_comma_note(net_wgt_raw))}
    END AS cell_rule
  FROM typed
),
ranked AS (
  SELECT
    *,
    row_number() OVER same AS occurrence,
    first_value(_line) OVER same AS first_line
  FROM cell_rules
  WINDOW same AS (
    PARTITION BY _file, freq, year, month, reporter_code, flow, partner_code, partner2_code, hs_code, customs_code, mot_code,
      value_usd, cif_value_usd, fob_value_usd, qty, net_weight_kg, (cell_rule IS NULL)
    ORDER BY _line)
),
-- Two different figures for one key in one file cannot both be right and must not be added: the first is kept, the
-- other quarantined as conflicting_value naming the line kept.
versions AS (
  SELECT
    *,
    row_number() OVER k AS version,
    first_value(_line) OVER k AS kept_line,
    first_value(value_usd) OVER k AS kept_value
  FROM ranked
  WINDOW k AS (
    PARTITION BY _file, freq, year, month, reporter_code, flow, partner_code, partner2_code, hs_code, customs_code, mot_code, (cell_rule IS NULL AND occurrence = 1)
    ORDER BY _line)
),
ruled AS (
  SELECT
    *,
    coalesce(cell_rule,
      CASE WHEN occurrence > 1 THEN
        {'rule': 'duplicate_row', 'column': NULL, 'message': printf('%s %s %s %s %d: identical in every published field to line %d', reporter_code, flow_code, partner_code, hs_code, year, first_line)}
      WHEN version > 1 THEN
        {'rule': 'conflicting_value', 'column': 'primary_value', 'message': printf('%s %s %s %s %d: %s here, but %s at line %d (kept)', reporter_code, flow_code, partner_code, hs_code, year,
          value_usd::VARCHAR, kept_value::VARCHAR, kept_line)}
      END) AS r
  FROM versions
)
SELECT
  ruled._source_id,
  ruled._file,
  ruled._line,
  ruled._synthetic,
  freq,
  year,
  month,
  reporter_code,
  reporter_iso,
  reporter_desc,
  flow,
  flow_code,
  partner_code,
  partner_iso,
  partner_desc,
  partner2_code,
  classification_code,
  hs_code,
  ruled.hs6,
  g.group_id AS hs_group,
  cmd_desc,
  customs_code,
  mot_code,
  qty,
  qty_unit,
  quantity_carats,
  net_weight_kg,
  cif_value_usd,
  fob_value_usd,
  value_usd,
  is_reported,
  r.rule AS _rule,
  r.column AS _column,
  r.message AS _message
FROM ruled
LEFT JOIN cfg_hs_group g ON g.hs6 = ruled.hs6
