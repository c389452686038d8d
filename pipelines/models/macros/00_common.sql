-- Cleaning helpers shared by the staging models. Exports pad cells with tabs (to force text in Excel),
-- spaces and full-width spaces, and write numbers with thousands separators.
-- Most cells need no trimming, and trim() with a character set that includes multi-byte characters costs about
-- as much as parsing the cell, so it runs only on cells that start or end with one of those characters (prefix()
-- and suffix() compare bytes). On a 5M-row extract this saves seconds.
CREATE OR REPLACE MACRO clean_text(x) AS (
  CASE
    WHEN x = '' OR prefix(x, ' ') OR prefix(x, chr(9)) OR prefix(x, chr(10)) OR prefix(x, chr(13)) OR prefix(x, chr(12288)) OR prefix(x, chr(65279))
      OR suffix(x, ' ') OR suffix(x, chr(9)) OR suffix(x, chr(10)) OR suffix(x, chr(13)) OR suffix(x, chr(12288)) OR suffix(x, chr(65279))
    THEN nullif(trim(x, ' ' || chr(9) || chr(10) || chr(13) || chr(12288) || chr(65279)), '')
    ELSE x
  END);
-- The text of a number without its thousands separators (ASCII or full-width commas), or NULL when commas are not
-- in groups of three after one to three leading digits: "1,2,3" is not 123, and a decimal comma "1,5" is not 15
-- (an extract written with one is refused rather than read a thousand times too large). Text without a comma is
-- returned as is, so the regular expression runs only on cells that have one. Takes the cleaned text.
CREATE OR REPLACE MACRO num_text(t) AS (
  CASE
    WHEN NOT (contains(t, ',') OR contains(t, '，')) THEN t
    WHEN regexp_full_match(t, '[+-]?\d{1,3}(?:[,，]\d{3})+(?:\.\d*)?') THEN replace(replace(t, ',', ''), '，', '')
  END);
-- NaN and infinity (which a DOUBLE cast accepts as words, or gives for 1e400) are not numbers a statistics
-- office publishes: they count as unparseable. The parse is written twice in the expansion (a macro's arguments
-- are copied, not evaluated once), not eight times as with nested nullif()s, which made staging queries slow to
-- plan; within one SELECT DuckDB computes the copies once. Checking the separators' grouping costs about 20% more
-- than removing every comma did (10M cells, most with separators).
CREATE OR REPLACE MACRO clean_num(x) AS (
  CASE WHEN isfinite(try_cast(num_text(clean_text(x)) AS DOUBLE))
    THEN try_cast(num_text(clean_text(x)) AS DOUBLE)
  END);
-- What to add to "is not a number" when the text has a comma: the likely reason.
CREATE OR REPLACE MACRO num_comma_note(cleaned) AS (
  CASE WHEN contains(cleaned, ',') OR contains(cleaned, '，')
    THEN ': thousands separators must group three digits (1,234,567); a decimal comma is not read'
    ELSE ''
  END);
-- TRUE when a cell had text that is not a number (so "missing" and "unparseable" can be told apart). It takes the
-- cleaned text and the number already parsed from it: parsing again inside a rule's CASE costs seconds per
-- million rows, because a macro's nullif() chain is expanded, not shared.
CREATE OR REPLACE MACRO num_bad(cleaned, parsed) AS cleaned IS NOT NULL AND parsed IS NULL;
-- YYYYMM (also YYYY-MM, YYYY/MM, YYYY年MM月) → first day of the month. One pattern for the three forms, so the
-- cell's text is written twice in the expansion, not six times.
CREATE OR REPLACE MACRO parse_yyyymm(x) AS (
  CASE WHEN regexp_full_match(clean_text(x), '(\d{4})(\d{2})|(\d{4})[-/.](\d{1,2})|(\d{4})年(\d{1,2})月')
    THEN try_strptime(regexp_replace(clean_text(x), '^(?:(\d{4})(\d{2})|(\d{4})[-/.](\d{1,2})|(\d{4})年(\d{1,2})月)$', '\1\3\5-\2\4\6-01'), '%Y-%m-%d')::DATE
  END);
-- Dates as registries write them: 2008-07-25, 2008/7/25, 2008.07.25, 20080725, 2008年7月25日.
CREATE OR REPLACE MACRO parse_date_cn(x) AS coalesce(
  try_strptime(regexp_replace(regexp_replace(clean_text(x), '[年月/.]', '-', 'g'), '日$', ''), '%Y-%m-%d')::DATE,
  try_strptime(clean_text(x), '%Y%m%d')::DATE,
  try_strptime(clean_text(x), '%Y-%m-%d %H:%M:%S')::DATE);
-- GB 32100 check character of an 18-character USCC (NULL when the shape is wrong).
CREATE OR REPLACE MACRO uscc_check_ok(u) AS (
  CASE WHEN NOT regexp_full_match(coalesce(u, ''), '[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}') THEN NULL
  ELSE substr(u, 18, 1) = substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
    (((31 - (list_sum(list_transform(range(1, 18), i ->
      (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(u, i, 1)) - 1) * [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28][i]
    )) % 31)) % 31) + 1)::BIGINT, 1)
  END);
CREATE OR REPLACE MACRO uscc_format_ok(u) AS regexp_full_match(coalesce(u, ''), '[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}');

-- Plausibility of dates and years. An extract cannot describe a time after its as-of date (declared per source in
-- sources.json, carried on every landing row as _as_of); without one, after the day of the build. Each kind also
-- has a floor before which a value is impossible (see the models and pipelines/README.md).
CREATE OR REPLACE MACRO as_of_limit(as_of) AS coalesce(try_cast(as_of AS DATE), current_date);
CREATE OR REPLACE MACRO after_as_of_rule(label, raw, col, as_of) AS {
  'rule': 'date_after_as_of',
  'column': col,
  'message': printf('%s "%s" is %s', label, raw, CASE WHEN try_cast(as_of AS DATE) IS NULL
    THEN 'after today (no as-of date is declared in sources.json)'
    ELSE printf('after the extract''s as-of date %s (sources.json)', as_of) END)};
