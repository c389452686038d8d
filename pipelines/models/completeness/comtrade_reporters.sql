-- Coverage of a mirror-trade year: the economies that published a figure on each side (importers, exporters).
-- Comtrade fills a year as countries submit, often more than a year late, so a year one of the pair has not yet
-- published is partial. A confidential line leaves the reporter counted through its other lines. Tolerance 0.
SELECT year AS period, 'importers' AS measure, count(DISTINCT importer_iso3) FILTER (WHERE importer_reported_usd IS NOT NULL) AS value, 0 AS tolerance
FROM mart_mirror_trade GROUP BY year
UNION ALL
SELECT year, 'exporters', count(DISTINCT exporter_iso3) FILTER (WHERE exporter_reported_usd IS NOT NULL), 0
FROM mart_mirror_trade GROUP BY year
