-- table: mart_trade_share
-- The district is part of the city, the province and the nation: its trade cannot exceed theirs. A failure means
-- a missing or partial public extract for that year, or district records outside the cluster's HS codes.
SELECT year, group_id, flow, district_value_usd, city_value_usd, province_value_usd, nation_value_usd
FROM mart_trade_share
WHERE district_value_usd > coalesce(city_value_usd, 'inf'::DOUBLE) * 1.000001
   OR district_value_usd > coalesce(province_value_usd, 'inf'::DOUBLE) * 1.000001
   OR district_value_usd > coalesce(nation_value_usd, 'inf'::DOUBLE) * 1.000001
   OR city_value_usd > coalesce(province_value_usd, 'inf'::DOUBLE) * 1.000001
   OR province_value_usd > coalesce(nation_value_usd, 'inf'::DOUBLE) * 1.000001
