-- Enterprise-level customs records → typed rows per firm, month, commodity, partner and trade mode. Every landing
-- row comes out once: with _rule NULL it is loaded, otherwise it goes to quarantine with the first rule it breaks
-- (cell rules left to right, then the firm identifiers, then duplicates).
WITH cleaned AS (
  SELECT
    _source_id,
    _file,
    _line::INTEGER AS _line,
    _synthetic::BOOLEAN AS _synthetic,
    _as_of,
    clean_text(period) AS period_raw,
    customs_period(period) AS period,
    upper(regexp_replace(coalesce(clean_text(customs_code), ''), '\s', '', 'g')) AS customs_code,
    clean_text(uscc) AS uscc_raw,
    upper(regexp_replace(coalesce(clean_text(uscc), ''), '\s', '', 'g')) AS uscc,
    clean_text(firm_name) AS firm_name,
    clean_text(hs_code) AS hs_code_raw,
    nullif(customs_hs(hs_code), '') AS hs_code,
    clean_text(trade_mode_name) AS trade_mode_name,
    clean_text(partner_name) AS partner_name,
    clean_text(quantity) AS quantity_raw,
    customs_num(quantity) AS quantity,
    clean_text(unit) AS unit,
    clean_text(value) AS value_raw,
    customs_num(value) AS value,
    clean_text(flow) AS flow_raw,
    customs_flow(flow) AS flow,
    clean_text(currency) AS currency,
    CASE clean_text(currency) WHEN 'CNY' THEN '人民币' ELSE '美元' END AS value_label
  FROM landing_enterprise_customs
),
ids AS (
  SELECT * REPLACE (nullif(customs_code, '') AS customs_code, nullif(uscc, '') AS uscc) FROM cleaned
),
looked_up AS (
  SELECT
    c.*,
    substr(c.hs_code, 1, 6) AS hs6,
    g.group_id AS hs_group,
    coalesce(g.in_carats, FALSE) AS in_carats,
    g.hs6 IS NOT NULL OR substr(c.hs_code, 1, 6) IN (SELECT hscode FROM ref_hs WHERE level = 6) AS hs_known,
    fx.cny_per_usd,
    fx.usd_basis AS rate_basis,
    CASE WHEN c.trade_mode_name IS NULL THEN NULL ELSE coalesce(tm.mode_class, 'other') END AS trade_mode_class,
    -- Bureaus write the partner as a name (中国香港, sometimes 香港) or as the 3-digit code itself.
    (SELECT min(p.customs_code) FROM ref_customs_partner p
      WHERE p.name_zh = c.partner_name OR p.name_zh = '中国' || c.partner_name OR p.customs_code = c.partner_name) AS partner_code
  FROM ids c
  LEFT JOIN cfg_hs_group g ON g.hs6 = substr(c.hs_code, 1, 6)
  LEFT JOIN cny_rate_by_month() fx ON fx.year = year(c.period) AND fx.month = month(c.period)
  LEFT JOIN trade_mode_classes() tm ON tm.name_zh = c.trade_mode_name
),
cell_rules AS (
  SELECT
    *,
    CASE
      WHEN customs_period_rule(period_raw, period, _as_of) IS NOT NULL THEN customs_period_rule(period_raw, period, _as_of)
      WHEN customs_code IS NULL AND uscc IS NULL THEN
        {'rule': 'firm_id_missing', 'column': NULL, 'message': 'neither 海关编码 nor 统一社会信用代码 is given: the firm cannot be identified'}
      WHEN uscc IS NOT NULL AND NOT uscc_format_ok(uscc) THEN
        {'rule': 'uscc_invalid_format', 'column': 'uscc', 'message': printf('统一社会信用代码 "%s" is not 18 characters of the GB 32100 alphabet', uscc_raw)}
      WHEN firm_name IS NULL THEN {'rule': 'required_value_missing', 'column': 'firm_name', 'message': '企业名称 is empty'}
      WHEN customs_hs_rule(hs_code_raw, hs_code, hs_known, hs6) IS NOT NULL THEN customs_hs_rule(hs_code_raw, hs_code, hs_known, hs6)
      WHEN customs_flow_rule(flow_raw, flow) IS NOT NULL THEN customs_flow_rule(flow_raw, flow)
      WHEN customs_quantity_rule(quantity_raw, quantity, 'quantity', '数量') IS NOT NULL THEN customs_quantity_rule(quantity_raw, quantity, 'quantity', '数量')
      WHEN customs_unit_rule(unit, 'unit', '单位') IS NOT NULL THEN customs_unit_rule(unit, 'unit', '单位')
      WHEN customs_value_rule(value_raw, value, value_label) IS NOT NULL THEN customs_value_rule(value_raw, value, value_label)
    END AS cell_rule
  FROM looked_up
),
ranked AS (
  -- Duplicates are counted among rows that pass the cell rules, compared on cleaned values; the first by file
  -- and line is kept.
  SELECT
    *,
    row_number() OVER w AS occurrence,
    first_value(_file) OVER w AS first_file,
    first_value(_line) OVER w AS first_line
  FROM cell_rules
  WINDOW w AS (
    PARTITION BY cell_rule IS NULL, period, customs_code, uscc, firm_name, hs_code, trade_mode_name, partner_name, flow, quantity, unit, value, currency
    ORDER BY _file, _line)
),
ruled AS (
  SELECT
    *,
    coalesce(cell_rule, CASE WHEN occurrence > 1 THEN
      {'rule': 'duplicate_row', 'column': NULL, 'message': printf('the same record as %s line %d', first_file, first_line)} END) AS verdict
  FROM ranked
)
SELECT
  period,
  year(period)::INTEGER AS year,
  month(period)::INTEGER AS month,
  customs_code,
  uscc,
  uscc_check_ok(uscc) AS uscc_check_ok,
  firm_name,
  hs_code,
  hs6,
  hs_group,
  flow,
  trade_mode_name,
  trade_mode_class,
  partner_name,
  partner_code,
  quantity,
  unit,
  customs_carats(quantity, unit, in_carats) AS quantity_carats,
  CASE currency WHEN 'USD' THEN value WHEN 'CNY' THEN value / cny_per_usd END AS value_usd,
  CASE currency WHEN 'CNY' THEN value END AS value_cny,
  currency,
  -- How value_usd was obtained: the extract's own USD column, else a monthly, else an annual rate (NULL: no rate).
  CASE currency WHEN 'USD' THEN 'source' WHEN 'CNY' THEN rate_basis END AS usd_basis,
  _source_id,
  _file,
  _line,
  _synthetic,
  verdict.rule AS _rule,
  verdict.column AS _column,
  verdict.message AS _message
FROM ruled
