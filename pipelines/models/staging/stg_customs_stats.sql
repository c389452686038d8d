-- China Customs statistics exports → typed monthly rows. Every landing row comes out once: with _rule NULL it
-- is loaded, otherwise it goes to quarantine with the first rule it breaks (cell rules left to right here, then
-- duplicates in stg_customs_stats.post.sql, so a row reports the most specific problem a person can fix).
-- Month, commodity code and trade mode repeat a few hundred values over millions of rows: they are parsed and
-- looked up once per distinct value, then joined back, rather than once per row.
-- The month's rules depend only on the cell and the file's as-of date, so they are applied here too.
WITH months AS (
  SELECT
    period AS raw,
    _as_of AS as_of,
    clean_text(period) AS period_raw,
    customs_period(period) AS period,
    customs_period_rule(clean_text(period), customs_period(period), _as_of) AS period_rule,
    fx.cny_per_usd,
    fx.usd_basis AS rate_basis
  FROM (SELECT DISTINCT period, _as_of FROM landing_customs_stats) d
  LEFT JOIN cny_rate_by_month() fx ON fx.year = year(customs_period(d.period)) AND fx.month = month(customs_period(d.period))
),
codes AS (
  SELECT
    d.hs_code AS raw,
    clean_text(d.hs_code) AS hs_code_raw,
    nullif(customs_hs(d.hs_code), '') AS hs_code,
    substr(nullif(customs_hs(d.hs_code), ''), 1, 6) AS hs6,
    g.group_id AS hs_group,
    coalesce(g.in_carats, FALSE) AS in_carats,
    g.hs6 IS NOT NULL OR substr(nullif(customs_hs(d.hs_code), ''), 1, 6) IN (SELECT hscode FROM ref_hs WHERE level = 6) AS hs_known
  FROM (SELECT DISTINCT hs_code FROM landing_customs_stats) d
  LEFT JOIN cfg_hs_group g ON g.hs6 = substr(nullif(customs_hs(d.hs_code), ''), 1, 6)
),
modes AS (
  SELECT
    d.trade_mode_name AS raw,
    clean_text(d.trade_mode_name) AS trade_mode_name,
    tm.mode_class
  FROM (SELECT DISTINCT trade_mode_name FROM landing_customs_stats) d
  LEFT JOIN trade_mode_classes() tm ON tm.name_zh = clean_text(d.trade_mode_name)
),
looked_up AS (
  SELECT
    l._source_id,
    l._file,
    l._line::INTEGER AS _line,
    l._synthetic::BOOLEAN AS _synthetic,
    m.period_raw,
    m.period,
    m.period_rule,
    c.hs_code_raw,
    c.hs_code,
    clean_text(l.hs_name) AS hs_name,
    clean_text(l.partner_code) AS partner_code,
    clean_text(l.partner_name) AS partner_name,
    clean_text(l.trade_mode_code) AS trade_mode_code,
    tm.trade_mode_name,
    clean_text(l.place_code) AS place_code,
    clean_text(l.place_name) AS place_name,
    clean_text(l.qty1) AS qty1_raw,
    customs_num(l.qty1) AS qty1,
    clean_text(l.unit1) AS unit1,
    clean_text(l.qty2) AS qty2_raw,
    customs_num(l.qty2) AS qty2,
    clean_text(l.unit2) AS unit2,
    clean_text(l.value) AS value_raw,
    customs_num(l.value) AS value,
    clean_text(l.flow) AS flow_raw,
    customs_flow(l.flow) AS flow,
    clean_text(l.currency) AS currency,
    CASE clean_text(l.currency) WHEN 'CNY' THEN '人民币' ELSE '美元' END AS value_label,
    c.hs6,
    c.hs_group,
    c.in_carats,
    c.hs_known,
    m.cny_per_usd,
    m.rate_basis,
    CASE
      WHEN tm.trade_mode_name IS NULL AND clean_text(l.trade_mode_code) IS NULL THEN NULL
      ELSE coalesce(tm.mode_class, 'other')
    END AS trade_mode_class
  FROM landing_customs_stats l
  LEFT JOIN months m ON m.raw IS NOT DISTINCT FROM l.period AND m.as_of IS NOT DISTINCT FROM l._as_of
  LEFT JOIN codes c ON c.raw IS NOT DISTINCT FROM l.hs_code
  LEFT JOIN modes tm ON tm.raw IS NOT DISTINCT FROM l.trade_mode_name
),
cell_rules AS (
  SELECT
    *,
    CASE
      WHEN period_rule IS NOT NULL THEN period_rule
      WHEN customs_hs_rule(hs_code_raw, hs_code, hs_known, hs6) IS NOT NULL THEN customs_hs_rule(hs_code_raw, hs_code, hs_known, hs6)
      WHEN customs_flow_rule(flow_raw, flow) IS NOT NULL THEN customs_flow_rule(flow_raw, flow)
      WHEN customs_quantity_rule(qty1_raw, qty1, 'qty1', '第一数量') IS NOT NULL THEN customs_quantity_rule(qty1_raw, qty1, 'qty1', '第一数量')
      WHEN customs_quantity_rule(qty2_raw, qty2, 'qty2', '第二数量') IS NOT NULL THEN customs_quantity_rule(qty2_raw, qty2, 'qty2', '第二数量')
      WHEN customs_unit_rule(unit1, 'unit1', '第一计量单位') IS NOT NULL THEN customs_unit_rule(unit1, 'unit1', '第一计量单位')
      WHEN customs_unit_rule(unit2, 'unit2', '第二计量单位') IS NOT NULL THEN customs_unit_rule(unit2, 'unit2', '第二计量单位')
      WHEN customs_value_rule(value_raw, value, value_label) IS NOT NULL THEN customs_value_rule(value_raw, value, value_label)
    END AS cell_rule
  FROM looked_up
),
typed AS (
SELECT
  period,
  year(period)::INTEGER AS year,
  month(period)::INTEGER AS month,
  hs_code,
  hs_name,
  hs6,
  hs_group,
  flow,
  partner_code,
  partner_name,
  trade_mode_code,
  trade_mode_name,
  trade_mode_class,
  place_code,
  place_name,
  qty1,
  unit1,
  qty2,
  unit2,
  coalesce(customs_carats(qty1, unit1, in_carats), customs_carats(qty2, unit2, in_carats)) AS quantity_carats,
  CASE currency WHEN 'USD' THEN value WHEN 'CNY' THEN value / cny_per_usd END AS value_usd,
  CASE currency WHEN 'CNY' THEN value END AS value_cny,
  currency,
  -- How value_usd was obtained: the extract's own USD column, else a monthly, else an annual rate (NULL: no rate).
  CASE currency WHEN 'USD' THEN 'source' WHEN 'CNY' THEN rate_basis END AS usd_basis,
  _source_id,
  _file,
  _line,
  _synthetic,
  cell_rule.rule AS _rule,
  cell_rule.column AS _column,
  cell_rule.message AS _message
FROM cell_rules
)
-- The duplicate rule's key as one number, computed here while the values are at hand: the post step
-- (stg_customs_stats.post.sql) then finds repeated keys by reading one column of the stored table instead of
-- hashing seventeen twice. A _post_ column is dropped once the post step has run.
SELECT
  *,
  hash(period, hs_code, hs_name, partner_code, partner_name, trade_mode_code, trade_mode_name, place_code, place_name,
    qty1, unit1, qty2, unit2, value_usd, value_cny, currency, flow) AS _post_dup_key
FROM typed
