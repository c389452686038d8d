-- Formulas of the cluster analytics (the methods page states each one with its source). A formula whose
-- denominator is missing or zero gives NULL, never 0, Infinity or NaN; the marts say why in a note column.
CREATE OR REPLACE MACRO safe_ratio(a, b) AS CASE WHEN a IS NULL OR b IS NULL OR b = 0 THEN NULL ELSE a / b END;

-- Balassa (1965) revealed comparative advantage: the group's share of the place's basket over the same group's
-- share of the reference region's basket. Above 1: the place is relatively specialised in the group.
CREATE OR REPLACE MACRO balassa_rca(place_group, place_basket, ref_group, ref_basket) AS
  safe_ratio(safe_ratio(place_group, place_basket), safe_ratio(ref_group, ref_basket));
-- Why an RCA is empty (NULL when it is computed).
CREATE OR REPLACE MACRO balassa_rca_note(place_group, place_basket, ref_group, ref_basket) AS CASE
  WHEN coalesce(ref_basket, 0) = 0 THEN 'no_reference_trade'
  WHEN coalesce(ref_group, 0) = 0 THEN 'no_reference_trade_in_group'
  WHEN coalesce(place_basket, 0) = 0 THEN 'no_district_trade'
END;

-- Reading bands of a Herfindahl–Hirschman index on the 0–10,000 scale (US DOJ/FTC Horizontal Merger Guidelines
-- 2010, §5.3: below 1,500 unconcentrated, 1,500–2,500 moderately, above 2,500 highly concentrated).
CREATE OR REPLACE MACRO hhi_band(h) AS CASE
  WHEN h IS NULL THEN NULL
  WHEN h < 1500 THEN 'unconcentrated'
  WHEN h <= 2500 THEN 'moderate'
  ELSE 'high'
END;

-- Growth rate of a reference value between two years; NULL when there is no base to grow from.
CREATE OR REPLACE MACRO growth_rate(v0, v1) AS safe_ratio(coalesce(v1, 0) - v0, v0);

-- Employment location quotient (as US Cluster Mapping computes it): the industry's share of the place's employment
-- over its share of the reference region's. Above 1: the industry employs relatively more people in the place.
CREATE OR REPLACE MACRO location_quotient(place_industry, place_total, ref_industry, ref_total) AS
  safe_ratio(safe_ratio(place_industry, place_total), safe_ratio(ref_industry, ref_total));
-- Why a location quotient is empty (NULL when it is computed). A district figure that is not reported is missing,
-- not zero.
CREATE OR REPLACE MACRO location_quotient_note(place_industry, place_total, ref_industry, ref_total) AS CASE
  WHEN coalesce(ref_total, 0) = 0 THEN 'no_reference_total'
  WHEN coalesce(ref_industry, 0) = 0 THEN 'no_reference_employment_in_industry'
  WHEN coalesce(place_total, 0) = 0 THEN 'no_district_total'
  WHEN place_industry IS NULL THEN 'no_district_figure'
END;
