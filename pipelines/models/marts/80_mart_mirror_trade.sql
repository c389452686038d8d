-- Mirror trade (the Growth Lab's and CEPII BACI's reconciliation of bilateral flows): for each pair of economies
-- that both report in the Comtrade extracts, what the importer declares it bought from the exporter (CIF: cost,
-- insurance and freight to its border) beside what the exporter declares it sold to the importer (FOB: free on
-- board at its own border), per year and commodity group. The importer's figure should be the larger by the
-- freight and insurance margin: the IMF's Direction of Trade Statistics converts with a CIF/FOB factor of 1.06
-- (1.10 before, and still for its area totals), and the OECD's ITIC database puts the trade-weighted average margin
-- at about 6 % (1995–2014); goods of high value per kilogram such as gemstones carry far less. A ratio above 1 + that margin, or below 1, has other causes (methods page): goods routed through a
-- hub (Hong Kong) that the importer books to their origin and the exporter to the hub, timing, valuation,
-- classification (a lab-grown stone under another 7104 line) and confidential lines.
-- Only annual totals (all customs procedures C00, all modes of transport 0, all second partners 0) are compared.
-- A side with no figure stays NULL and `note` says why; the gap and ratio are then NULL, never 0 or Infinity.
WITH lines AS (
  SELECT s.year, s.flow, s.hs_group AS group_id, s._synthetic,
    -- Comtrade's ISO alpha-3 first; its name through the project's country names when the code is blank.
    coalesce(nullif(s.reporter_iso, ''), rn.alpha3) AS reporter_iso3,
    coalesce(nullif(nullif(s.partner_iso, ''), 'W00'), pn.alpha3) AS partner_iso3,
    s.partner_code, s.value_usd, s.quantity_carats
  FROM stg_comtrade s
  LEFT JOIN country_names() rn ON rn.name_key = country_name_key(s.reporter_desc)
  LEFT JOIN country_names() pn ON pn.name_key = country_name_key(s.partner_desc)
  WHERE s.freq = 'A' AND s.customs_code = 'C00' AND s.mot_code = '0' AND s.partner2_code = '0'
),
-- Which years each economy published at all (any line, World included): a missing side is then "not published"
-- rather than "no line for this partner and group".
published AS (SELECT DISTINCT year, reporter_iso3 AS iso3 FROM lines WHERE reporter_iso3 IS NOT NULL),
sides AS (
  SELECT year, group_id, flow, reporter_iso3, partner_iso3, sum(value_usd) AS value_usd, sum(quantity_carats) AS carats, bool_or(_synthetic) AS synthetic
  FROM lines
  WHERE flow IN ('import', 'export') AND group_id IS NOT NULL AND partner_code <> '0' AND reporter_iso3 IS NOT NULL AND partner_iso3 IS NOT NULL
  GROUP BY ALL
),
reporters AS (SELECT DISTINCT iso3 FROM published),
-- Pairs of reporting economies and the groups either side ever reported between them, over every year of the file.
pair_groups AS (
  SELECT DISTINCT CASE flow WHEN 'import' THEN reporter_iso3 ELSE partner_iso3 END AS importer_iso3,
    CASE flow WHEN 'import' THEN partner_iso3 ELSE reporter_iso3 END AS exporter_iso3, group_id
  FROM sides
  WHERE reporter_iso3 IN (SELECT iso3 FROM reporters) AND partner_iso3 IN (SELECT iso3 FROM reporters) AND reporter_iso3 <> partner_iso3
),
grid AS (SELECT y.year, p.* FROM (SELECT DISTINCT year FROM published) y CROSS JOIN pair_groups p),
joined AS (
  SELECT g.year, g.group_id, g.importer_iso3, g.exporter_iso3,
    m.value_usd AS importer_reported_usd, x.value_usd AS exporter_reported_usd,
    m.carats AS importer_carats, x.carats AS exporter_carats,
    pm.iso3 IS NOT NULL AS importer_published, px.iso3 IS NOT NULL AS exporter_published,
    coalesce(m.synthetic, FALSE) OR coalesce(x.synthetic, FALSE) AS synthetic
  FROM grid g
  LEFT JOIN sides m ON m.flow = 'import' AND m.year = g.year AND m.group_id = g.group_id AND m.reporter_iso3 = g.importer_iso3 AND m.partner_iso3 = g.exporter_iso3
  LEFT JOIN sides x ON x.flow = 'export' AND x.year = g.year AND x.group_id = g.group_id AND x.reporter_iso3 = g.exporter_iso3 AND x.partner_iso3 = g.importer_iso3
  LEFT JOIN published pm ON pm.year = g.year AND pm.iso3 = g.importer_iso3
  LEFT JOIN published px ON px.year = g.year AND px.iso3 = g.exporter_iso3
),
-- The conventional CIF/FOB margin: 6 % (IMF DOTS's factor 1.06, the OECD ITIC average) to 10 % (the IMF's factor
-- 1.10); a ratio from 1 to 1.10 is read as freight and insurance alone.
convention AS (SELECT 0.06 AS cif_fob_margin_low, 0.10 AS cif_fob_margin_high),
measured AS (
  SELECT j.*, c.*,
    CASE WHEN importer_reported_usd IS NOT NULL AND exporter_reported_usd IS NOT NULL THEN importer_reported_usd - exporter_reported_usd END AS gap_usd,
    CASE WHEN importer_reported_usd IS NOT NULL AND exporter_reported_usd > 0 THEN importer_reported_usd / exporter_reported_usd END AS mirror_ratio,
    CASE
      WHEN importer_reported_usd IS NULL AND exporter_reported_usd IS NULL THEN 'neither_reported'
      WHEN importer_reported_usd IS NULL AND NOT importer_published THEN 'importer_not_published'
      WHEN importer_reported_usd IS NULL THEN 'importer_no_line'
      WHEN exporter_reported_usd IS NULL AND NOT exporter_published THEN 'exporter_not_published'
      WHEN exporter_reported_usd IS NULL THEN 'exporter_no_line'
      WHEN exporter_reported_usd = 0 THEN 'exporter_zero'
    END AS note
  FROM joined j CROSS JOIN convention c
)
SELECT m.year, m.group_id, gn.name_zh AS group_name_zh, gn.name_en AS group_name_en,
  m.importer_iso3, imp.name_zh AS importer_name_zh, imp.name_en AS importer_name_en,
  m.exporter_iso3, exp.name_zh AS exporter_name_zh, exp.name_en AS exporter_name_en,
  m.importer_reported_usd, m.exporter_reported_usd, m.gap_usd, m.mirror_ratio,
  m.gap_usd / nullif(m.exporter_reported_usd, 0) AS gap_share,
  m.cif_fob_margin_low, m.cif_fob_margin_high,
  CASE
    WHEN m.mirror_ratio IS NULL THEN NULL
    WHEN m.mirror_ratio < 1 THEN 'importer_lower'
    WHEN m.mirror_ratio <= 1 + m.cif_fob_margin_high THEN 'within_cif_fob'
    ELSE 'importer_higher'
  END AS reading,
  m.note, m.importer_carats, m.exporter_carats, m.synthetic
FROM measured m
JOIN cfg_group_name gn USING (group_id)
LEFT JOIN country_display_names() imp ON imp.alpha3 = m.importer_iso3
LEFT JOIN country_display_names() exp ON exp.alpha3 = m.exporter_iso3
ORDER BY m.year, gn.group_order, m.importer_iso3, m.exporter_iso3
