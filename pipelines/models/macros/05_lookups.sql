-- Lookups over the reference and configuration tables, shared by several staging models (so they bind only
-- where those tables exist).
-- One CNY-per-USD rate per year (the reference table could hold several sources for a year).
CREATE OR REPLACE MACRO cny_rate_by_year() AS TABLE SELECT year, avg(cny_per_usd) AS cny_per_usd FROM ref_cny_usd GROUP BY year;
-- The configured class (processing / general) of each trade-mode name.
CREATE OR REPLACE MACRO trade_mode_classes() AS TABLE SELECT name_zh, min(mode_class) AS mode_class FROM cfg_trade_mode GROUP BY name_zh;
