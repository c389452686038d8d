-- Helpers for the two customs staging models (stg_customs_stats, stg_enterprise_customs).

-- The month of a 数据年月 cell: YYYYMM and its variants (parse_yyyymm), or a full date, which is what a
-- spreadsheet makes of a month typed into a date-formatted cell.
CREATE OR REPLACE MACRO customs_period(x) AS coalesce(
  parse_yyyymm(x),
  CASE WHEN regexp_full_match(clean_text(x), '\d{4}-\d{2}-\d{2}') THEN date_trunc('month', try_strptime(clean_text(x), '%Y-%m-%d'))::DATE END);

-- A commodity code with the dots and spaces people type into it removed ("7102.39.00" → 71023900).
CREATE OR REPLACE MACRO customs_hs(x) AS regexp_replace(coalesce(clean_text(x), ''), '[\s.\x{3000}]', '', 'g');

-- clean_num, but NaN and infinity (which a DOUBLE cast accepts as words) count as unparseable.
CREATE OR REPLACE MACRO customs_num(x) AS clean_num(x);

-- import / export from 进口/出口, I/E, import/export (NULL for anything else).
CREATE OR REPLACE MACRO customs_flow(x) AS (
  CASE
    WHEN lower(clean_text(x)) IN ('进口', '进', 'i', 'import', 'imports') THEN 'import'
    WHEN lower(clean_text(x)) IN ('出口', '出', 'e', 'export', 'exports') THEN 'export'
  END);

-- Quantity units customs use for the cluster's goods; anything else is a sign of a mis-keyed row.
-- Takes the cleaned unit.
CREATE OR REPLACE MACRO customs_unit_ok(u) AS u IS NULL OR u IN ('克拉', '千克', '克', '个', '件');

-- Carats only for goods the cluster counts in carats (cfg_hs_group.in_carats, gemstones): the quantity in 克拉 as is, or converted from a weight (1 ct = 0.2 g).
-- For jewelry a weight in carats would mean nothing, so it stays NULL.
CREATE OR REPLACE MACRO customs_carats(qty, unit, in_carats) AS (
  CASE WHEN coalesce(in_carats, FALSE) THEN
    CASE clean_text(unit) WHEN '克拉' THEN qty WHEN '克' THEN qty * 5 WHEN '千克' THEN qty * 5000 END
  END);

-- The rules a 数据年月 cell can break, shared by both customs models (NULL when the month is fine). Before 1990 is
-- impossibly early (China's customs statistics by commodity code start later); a month that begins after the
-- extract's as-of date is one the data cannot cover.
CREATE OR REPLACE MACRO customs_period_rule(period_raw, period, as_of) AS (
  CASE
    WHEN period_raw IS NULL THEN {'rule': 'required_value_missing', 'column': 'period', 'message': '数据年月 is empty'}
    WHEN period IS NULL THEN {'rule': 'period_unparseable', 'column': 'period', 'message': printf('数据年月 "%s" is not a YYYYMM month', period_raw)}
    WHEN year(period) < 1990 OR year(period) > 2100 THEN
      {'rule': 'period_out_of_range', 'column': 'period', 'message': printf('数据年月 "%s" is outside the years 1990–2100', period_raw)}
    WHEN period > as_of_limit(as_of) THEN after_as_of_rule('数据年月', period_raw, 'period', as_of)
  END);

-- The cell rules both customs models apply to the commodity code, the flow, a quantity, its unit and the value
-- (NULL when the cell is fine), so the two extracts quarantine the same problem with the same rule and message.
CREATE OR REPLACE MACRO customs_hs_rule(hs_code_raw, hs_code, hs_known, hs6) AS (
  CASE
    WHEN hs_code_raw IS NULL THEN {'rule': 'required_value_missing', 'column': 'hs_code', 'message': '商品编码 is empty'}
    WHEN NOT regexp_full_match(hs_code, '\d{8}|\d{10}') THEN
      {'rule': 'hs_code_invalid', 'column': 'hs_code', 'message': printf('商品编码 "%s" is not an 8- or 10-digit customs code', hs_code_raw)}
    WHEN NOT hs_known THEN
      {'rule': 'hs_code_unknown', 'column': 'hs_code', 'message': printf('商品编码 "%s": HS %s is neither in the HS 2022 nomenclature nor in the cluster''s HS groups', hs_code_raw, hs6)}
  END);

CREATE OR REPLACE MACRO customs_flow_rule(flow_raw, flow) AS (
  CASE WHEN flow IS NULL THEN
    {'rule': 'flow_unknown', 'column': 'flow', 'message': CASE WHEN flow_raw IS NULL THEN '进出口 is empty' ELSE printf('进出口 "%s" is not 进口/出口 (I/E)', flow_raw) END}
  END);

CREATE OR REPLACE MACRO customs_quantity_rule(qty_raw, qty, col, label) AS (
  CASE
    WHEN num_bad(qty_raw, qty) THEN {'rule': 'quantity_unparseable', 'column': col, 'message': printf('%s "%s" is not a number%s', label, qty_raw, num_comma_note(qty_raw))}
    WHEN qty < 0 THEN {'rule': 'quantity_negative', 'column': col, 'message': printf('%s "%s" is negative', label, qty_raw)}
  END);

CREATE OR REPLACE MACRO customs_unit_rule(unit, col, label) AS (
  CASE WHEN NOT customs_unit_ok(unit) THEN
    {'rule': 'unit_unknown', 'column': col, 'message': printf('%s "%s" is not one of 克拉, 千克, 克, 个, 件', label, unit)}
  END);

CREATE OR REPLACE MACRO customs_value_rule(value_raw, value, value_label) AS (
  CASE
    WHEN value_raw IS NULL THEN {'rule': 'required_value_missing', 'column': 'value', 'message': printf('%s is empty', value_label)}
    WHEN value IS NULL THEN {'rule': 'value_unparseable', 'column': 'value', 'message': printf('%s "%s" is not a number%s', value_label, value_raw, num_comma_note(value_raw))}
    WHEN value < 0 THEN {'rule': 'value_negative', 'column': 'value', 'message': printf('%s "%s" is negative', value_label, value_raw)}
  END);
