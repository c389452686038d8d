-- Country names in the reader's language. Extracts name countries in their own spellings (the Kimberley Process
-- writes "Congo, Democratic Republic of", Trade Map "Hong Kong, China"); marts carry the ISO code and the Chinese
-- and English names the site shows, and keep the source's spelling beside them.
-- The matching key ignores case, accents, spaces and punctuation: "Cote D'ivoire" and "Côte d'Ivoire" are one name.
CREATE OR REPLACE MACRO country_name_key(s) AS regexp_replace(lower(strip_accents(s)), '[^a-z0-9]', '', 'g');
-- The names the site shows for each code: this project's (country_names_project.csv) over ISO's.
CREATE OR REPLACE MACRO country_display_names() AS TABLE
SELECT alpha3, coalesce(p.name_zh, c.name_zh) AS name_zh, coalesce(p.name_en, c.name_en) AS name_en
FROM ref_country c FULL JOIN ref_country_project p USING (alpha3);
-- Every known spelling's key → code, and the code's names. An alias (data/reference/countries/country_aliases.csv)
-- wins over an ISO English name with the same key; this project's names (country_names_project.csv) win over
-- ISO's for display and add the areas ISO 3166-1 has no entry for (World, European Union, …).
CREATE OR REPLACE MACRO country_names() AS TABLE
WITH spellings AS (
  SELECT country_name_key(source_name) AS name_key, alpha3, 1 AS priority FROM ref_country_alias
  UNION ALL SELECT country_name_key(name_en), alpha3, 2 FROM ref_country_project
  UNION ALL SELECT country_name_key(name_en), alpha3, 3 FROM ref_country
),
codes AS (SELECT name_key, arg_min(alpha3, priority) AS alpha3 FROM spellings GROUP BY name_key)
SELECT codes.name_key, codes.alpha3, names.name_zh, names.name_en FROM codes JOIN country_display_names() names USING (alpha3);
