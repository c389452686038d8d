-- Shift-share decomposition (Dunn 1960) of the change in the district's employment in each of the cluster's
-- industries from the cluster's reference year (cluster.json referenceYear) to each later year, against each
-- reference region with a yearbook table:
--   change = e_t − e_0 = reference growth + industry mix + local shift, with
--   reference growth = e_0 · G (G = E_t / E_0 − 1, all industries of the reference region; "national growth" when the
--   reference is the nation), industry mix = e_0 · (G_i − G) (G_i the industry's growth in the reference region),
--   local shift = e_t − e_0 · (1 + G_i) (= e_0 · (g_i − G_i), and defined when e_0 is 0: all change is local).
-- Empty with the reason in note when a figure it needs is missing (or a reference base is zero), never 0/∞/NaN.
WITH lq AS (SELECT * FROM mart_employment_lq),
base AS (SELECT * FROM lq WHERE year = (SELECT reference_year FROM cfg_cluster)),
pairs AS (
  SELECT t.year, (SELECT reference_year FROM cfg_cluster) AS base_year, t.industry_code, t.industry_name_zh, t.industry_name_en, t.industry_role,
    t.reference_level, t.reference_code, t.reference_name_zh, t.reference_name_en,
    b.district_persons AS district_persons_base, t.district_persons,
    b.reference_persons AS reference_persons_base, t.reference_persons,
    b.reference_total_persons AS reference_total_base, t.reference_total_persons AS reference_total,
    growth_rate(b.reference_total_persons, t.reference_total_persons) AS reference_growth,
    growth_rate(b.reference_persons, t.reference_persons) AS reference_industry_growth,
    t.synthetic OR coalesce(b.synthetic, false) AS synthetic
  FROM lq t LEFT JOIN base b USING (industry_code, reference_level)
  WHERE t.year > (SELECT reference_year FROM cfg_cluster)
),
noted AS (
  SELECT *,
    CASE
      WHEN district_persons_base IS NULL THEN 'no_base_year_figure'
      WHEN district_persons IS NULL THEN 'no_district_figure'
      WHEN reference_total IS NULL OR reference_total_base IS NULL OR reference_persons IS NULL OR reference_persons_base IS NULL THEN 'no_reference_figures'
      WHEN reference_growth IS NULL OR reference_industry_growth IS NULL THEN 'no_reference_base'
    END AS note
  FROM pairs
)
SELECT year, base_year, industry_code, industry_name_zh, industry_name_en, industry_role,
  reference_level, reference_code, reference_name_zh, reference_name_en,
  district_persons_base, district_persons,
  CASE WHEN note IS NULL THEN district_persons - district_persons_base END AS change_persons,
  CASE WHEN note IS NULL THEN reference_growth END AS reference_growth,
  CASE WHEN note IS NULL THEN reference_industry_growth END AS reference_industry_growth,
  CASE WHEN note IS NULL THEN district_persons_base * reference_growth END AS reference_growth_effect,
  CASE WHEN note IS NULL THEN district_persons_base * (reference_industry_growth - reference_growth) END AS industry_mix_effect,
  CASE WHEN note IS NULL THEN district_persons - district_persons_base * (1 + reference_industry_growth) END AS local_shift_effect,
  note,
  synthetic
FROM noted
ORDER BY year, industry_role, industry_code, reference_level
