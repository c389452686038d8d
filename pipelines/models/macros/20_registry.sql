-- Helpers for the registry and employment staging models (stg_registry, stg_employment_yearbook,
-- stg_employment_firms). 注册资本 and 登记状态 are parsed while landing (pipelines/lib/capital.ts, registryStatus.ts),
-- not here, so each of those rules has one implementation.

-- A USCC as typed: spaces (also full-width) removed, letters upper-cased. NULL when nothing is left.
CREATE OR REPLACE MACRO registry_uscc(x) AS nullif(upper(regexp_replace(coalesce(clean_text(x), ''), '[\s\x{3000}]', '', 'g')), '');

-- Why a present USCC is unusable, or NULL when its shape is right. A 15-digit 注册号 (pre-2015 registration
-- number) is common in older extracts: say so, since the fix is to look the firm's USCC up, not to retype it.
CREATE OR REPLACE MACRO uscc_format_problem(u) AS (
  CASE
    WHEN u IS NULL OR uscc_format_ok(u) THEN NULL
    WHEN regexp_full_match(u, '\d{15}') THEN printf('"%s" is a 15-digit 注册号 (pre-2015 registration number), not an 18-character 统一社会信用代码: this mart identifies firms by USCC', u)
    ELSE printf('"%s" is not 18 characters of the GB 32100 alphabet (digits and capitals without I, O, S, V, Z; positions 3–8 a division code)', u)
  END);

-- 营业期限至 of a firm without an end date: 长期, 永久, 无固定期限, … (a NULL date, not an error).
CREATE OR REPLACE MACRO registry_open_ended(x) AS
  clean_text(x) IN ('长期', '永久', '永续', '无固定期限', '不约定期限', '长期有效', '至今', '-', '--', '—', '——', '/', '无');

-- TRUE when a date cell holds text that is not a date (and is not one of the open-ended words).
CREATE OR REPLACE MACRO registry_date_bad(x) AS clean_text(x) IS NOT NULL AND parse_date_cn(x) IS NULL AND NOT registry_open_ended(x);

-- The GB/T 4754 code written in an industry cell ("2438", "C2438", "2438 珠宝首饰及有关物品制造", "珠宝首饰(2438)"): the
-- first run of 2–4 digits, optionally after the section letter. The models decide which levels they accept.
CREATE OR REPLACE MACRO industry_code_in_text(x) AS
  nullif(regexp_extract(coalesce(clean_text(x), ''), '(^|[^0-9])[A-T]?([0-9]{2,4})([^0-9]|$)', 2), '');

-- The name part of an industry cell: the last segment of a path ("制造业/珠宝首饰及有关物品制造"), without its code.
CREATE OR REPLACE MACRO industry_name_in_text(x) AS
  clean_text(regexp_replace(regexp_replace(coalesce(clean_text(x), ''), '^.*[/>|｜]', ''),
    '^[A-T]?[0-9]{2,4}[\s\x{3000}\-—:：、.]*|[(（][A-T]?[0-9]{2,4}[)）]$', '', 'g'));

-- A year as yearbooks and surveys write it: 2019, 2019年, 2019年度, 2019年末. NULL otherwise (range checked by the models).
CREATE OR REPLACE MACRO year_of_text(x) AS
  CASE WHEN regexp_full_match(coalesce(clean_text(x), ''), '\d{4}\s*(年|年度|年末)?') THEN substr(clean_text(x), 1, 4)::INTEGER END;

-- A head count: thousands separators (in groups of three) and a trailing 人 allowed; NaN / infinity count as unparseable.
CREATE OR REPLACE MACRO persons_of_text(x) AS (
  CASE WHEN isfinite(clean_num(regexp_replace(coalesce(clean_text(x), ''), '人$', ''))) THEN clean_num(regexp_replace(clean_text(x), '人$', '')) END);

-- The earliest date a record of today's enterprise registry can carry: the registry of the People's Republic
-- begins in 1949, so an earlier 成立日期 or 核准日期 (1900-01-01 is a common placeholder) is a keying error.
CREATE OR REPLACE MACRO registry_date_floor() AS DATE '1949-01-01';
CREATE OR REPLACE MACRO registry_too_early_rule(label, raw, col) AS {
  'rule': 'date_too_early',
  'column': col,
  'message': printf('%s "%s" is before %s: no record of today''s enterprise registry is that old', label, raw, registry_date_floor())};

-- Two records agree on a field unless both hold it and the values differ: a field one extract's layout lacks (the
-- aggregator export has no 核准日期) is not a disagreement.
CREATE OR REPLACE MACRO agrees(a, b) AS a IS NULL OR b IS NULL OR a = b;
