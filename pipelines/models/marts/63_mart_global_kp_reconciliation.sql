-- Each year's KP world total in the shipped export (mart_global_kp) against the total KP published for that year
-- (ref_kp_world_total; years without a cited total are listed as not_published). A difference within the published figure's rounding, or within 1 %, reconciles; a larger
-- one is stated with its likely cause. A year is incomplete when producers that reported one half year only hold
-- 1 % or more of its carats (2024 in the shipped export): it is marked, not compared.
WITH file_year AS (
  SELECT year, sum(carats) AS carats, sum(value_usd) AS value_usd,
    coalesce(sum(carats) FILTER (WHERE NOT complete_year), 0) / nullif(sum(carats), 0) AS one_half_share,
    bool_or(synthetic) AS synthetic
  FROM mart_global_kp GROUP BY year
),
compared AS (
  SELECT coalesce(r.year, f.year) AS year, r.year IS NOT NULL AS published, f.carats AS file_carats, f.value_usd AS file_value_usd, r.carats AS published_carats,
    r.value_usd AS published_value_usd, f.one_half_share,
    f.carats - r.carats AS carats_difference, f.value_usd - r.value_usd AS value_usd_difference,
    abs(f.carats - r.carats) <= greatest(r.carats_rounding / 2, r.carats * 0.01) AS carats_ok,
    r.value_usd IS NULL OR abs(f.value_usd - r.value_usd) <= greatest(r.value_rounding / 2, r.value_usd * 0.01) AS value_ok,
    r.source_url, r.difference_note_zh, r.difference_note_en, coalesce(f.synthetic, FALSE) AS synthetic
  FROM file_year f FULL JOIN ref_kp_world_total r ON f.year = r.year
)
SELECT year, file_carats, published_carats, round(carats_difference, 2) AS carats_difference,
  round(carats_difference / published_carats, 4) AS carats_difference_share,
  file_value_usd, published_value_usd, round(value_usd_difference, 2) AS value_usd_difference,
  round(value_usd_difference / published_value_usd, 4) AS value_difference_share,
  one_half_share < 0.01 AS complete_year,
  CASE
    WHEN file_carats IS NULL THEN 'no_data'
    WHEN one_half_share >= 0.01 THEN 'incomplete_year'
    WHEN NOT published THEN 'not_published'
    WHEN carats_ok AND value_ok THEN 'reconciles'
    ELSE 'differs'
  END AS status,
  CASE
    WHEN file_carats IS NULL THEN '导出文件中没有该年数据。'
    WHEN one_half_share >= 0.01 THEN '该年部分生产国只报告了上半年，不作比较。'
    WHEN NOT published THEN '未找到可引用的金伯利进程公布总量，不作比较。'
    WHEN carats_ok AND value_ok THEN NULL
    ELSE coalesce(nullif(difference_note_zh, '') || ' ', '') || '金伯利进程年度汇总是次年年中公布时的数字，此后各参与方修订或补报，导出文件为修订后的数据。'
  END AS note_zh,
  CASE
    WHEN file_carats IS NULL THEN 'The export holds no data for this year.'
    WHEN one_half_share >= 0.01 THEN 'Some producers reported the first half year only: not compared.'
    WHEN NOT published THEN 'No published KP total could be cited for this year: not compared.'
    WHEN carats_ok AND value_ok THEN NULL
    ELSE coalesce(nullif(difference_note_en, '') || ' ', '') || 'KP''s summary is the figure as published in the middle of the following year; participants revised or added submissions since, and the export holds the revised data.'
  END AS note_en,
  source_url, synthetic
FROM compared
ORDER BY year
