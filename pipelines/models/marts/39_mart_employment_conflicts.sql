-- Employment figures with the same key and different values (conflicts, never duplicates): per-firm headcounts for
-- one firm and year, and yearbook figures for one region, year and industry. Each with the rule that resolved it
-- (the later revision is kept: stg_employment_firms, stg_employment_yearbook) and its effect on the total against
-- keeping the first figure (what quarantining the others as duplicates did): persons_effect = kept − first.
WITH firm_rows AS (
  SELECT 'employment_firms' AS source_kind, uscc, NULL::VARCHAR AS region_code, NULL::VARCHAR AS industry_code, year,
    employees AS persons, conflict_resolution, _file, _line, _synthetic,
    row_number() OVER (PARTITION BY uscc, year ORDER BY _file, _line) AS occurrence
  FROM stg_employment_firms WHERE conflict_resolution IS NOT NULL
),
yearbook_rows AS (
  SELECT 'employment_yearbook' AS source_kind, NULL::VARCHAR AS uscc, region_code, coalesce(industry_code, industry_name) AS industry_code, year,
    persons, conflict_resolution, _file, _line, _synthetic,
    row_number() OVER (PARTITION BY region_code, year, coalesce(industry_code, industry_name) ORDER BY _file, _line) AS occurrence
  FROM stg_employment_yearbook WHERE conflict_resolution IS NOT NULL
),
all_rows AS (SELECT * FROM firm_rows UNION ALL SELECT * FROM yearbook_rows)
SELECT source_kind, uscc, region_code, industry_code, year,
  count(*)::INTEGER AS records,
  string_agg(_file || ' line ' || _line || ': ' || coalesce(persons::VARCHAR, '-'), '; ' ORDER BY occurrence) AS source_rows,
  'latest_revision' AS resolution,
  arg_max(_file || ' line ' || _line, conflict_resolution = 'kept') AS kept_row,
  arg_max(persons, conflict_resolution = 'kept') AS kept_persons,
  arg_min(persons, occurrence) AS first_record_persons,
  arg_max(persons, conflict_resolution = 'kept') - arg_min(persons, occurrence) AS persons_effect,
  bool_or(_synthetic) AS synthetic
FROM all_rows
GROUP BY source_kind, uscc, region_code, industry_code, year
ORDER BY source_kind, year, uscc, region_code, industry_code
