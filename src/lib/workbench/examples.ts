// Example questions for the workbench: each runs with one click and shows how the published tables fit
// together. The end-to-end test runs every one in the browser and in Node DuckDB on the same database and
// compares the numbers, so an example that breaks when a mart changes is caught.
import type { Text } from '../i18n.ts';
import { cluster } from '../cluster.ts';

// The cluster's total group (e.g. all diamonds) and the word for it, from cluster.json.
const total = cluster.totalGroup.id;
const noun = cluster.totalGroup.noun;

/** What the editor holds before the reader types anything. */
export const DEFAULT_SQL = `SELECT *\nFROM mart_trade_share\nWHERE group_id = '${total}' AND flow = 'total'\nORDER BY year`;

export interface ExampleQuery {
  id: string;
  /** The question, as a reader would ask it. */
  title: Text;
  sql: string;
  /** Shown only when the catalog has this table (a cluster without Kimberley Process data has no KP mart). */
  needs?: string;
}

export const EXAMPLES: readonly ExampleQuery[] = [
  {
    id: 'district-share',
    title: { zh: `本区${noun.zh}进出口占全国比重（按年）`, en: `District share of China’s ${noun.en} trade, by year` },
    sql: `SELECT year, district_value_usd, nation_value_usd, share_of_nation
FROM mart_trade_share
WHERE group_id = '${total}' AND flow = 'total'
ORDER BY year`,
  },
  {
    id: 'top-partners',
    title: { zh: `最近有数据年份本区${noun.zh}贸易前十大伙伴`, en: `Top 10 partners in the district’s ${noun.en} trade, latest year with data` },
    sql: `SELECT partner_name_zh, partner_name_en, sum(value_usd) AS value_usd
FROM mart_trade_partner_year
WHERE region_level = 'district' AND group_id = '${total}'
  AND year = (SELECT max(year) FROM mart_trade_partner_year WHERE region_level = 'district' AND value_usd IS NOT NULL)
GROUP BY ALL
ORDER BY value_usd DESC, partner_name_en
LIMIT 10`,
  },
  {
    id: 'firms-by-park-status',
    title: { zh: '各园区企业数（按登记状态）', en: 'Firms by park and registration status' },
    sql: `SELECT park_name_zh, park_name_en, status, count(*) AS firms
FROM mart_enterprises
GROUP BY ALL
ORDER BY park_name_en NULLS LAST, status`,
  },
  {
    id: 'births-closures',
    title: { zh: '企业新设与退出（按年）', en: 'Firm births and closures, by year' },
    sql: `SELECT year, sum(births) AS births, sum(closures) AS closures, sum(births) - sum(closures) AS net
FROM mart_enterprise_events
GROUP BY year
ORDER BY year`,
  },
  {
    id: 'kp-top-producers',
    title: { zh: '金伯利进程：最近完整年份毛坯钻石产量前十国', en: 'Kimberley Process: top 10 rough-diamond producers, latest complete year' },
    needs: 'mart_global_kp',
    sql: `SELECT country_name_zh, country_name_en, year, carats, value_usd
FROM mart_global_kp
WHERE year = (SELECT max(year) FROM mart_global_kp WHERE period_complete)
ORDER BY carats DESC NULLS LAST, country
LIMIT 10`,
  },
  {
    id: 'rca-vs-nation',
    title: { zh: '本区各商品组出口的显示性比较优势（相对全国，RCA>1 为相对专业化）', en: 'District export RCA by group against the nation (RCA > 1: relatively specialised)' },
    sql: `SELECT year, group_name_zh, group_name_en, round(rca, 3) AS rca, rca_note
FROM mart_rca
WHERE flow = 'export' AND reference_level = 'nation'
ORDER BY year DESC, rca DESC NULLS LAST, group_id`,
  },
  {
    id: 'partner-concentration',
    title: { zh: `${noun.zh}进出口的贸易伙伴集中度（HHI）：本区与全国`, en: `Partner concentration (HHI) of ${noun.en} trade: district and nation` },
    sql: `SELECT year, region_level, flow, partners, hhi, hhi_band, top_partner_name_zh, top_partner_name_en,
  round(top_partner_share, 3) AS top_partner_share
FROM mart_partner_concentration
WHERE group_id = '${total}'
ORDER BY year, region_level, flow`,
  },
  {
    id: 'india-dependence',
    title: { zh: `本区${noun.zh}贸易中印度所占比重（按年、进出口）`, en: `India’s share of the district’s ${noun.en} trade, by year and flow` },
    sql: `SELECT year, flow,
  sum(value_usd) FILTER (WHERE partner_name_en = 'India') / sum(value_usd) AS india_share,
  sum(value_usd) AS value_usd
FROM mart_trade_partner_year
WHERE region_level = 'district' AND group_id = '${total}'
GROUP BY year, flow
ORDER BY year, flow`,
  },
  {
    id: 'export-cms',
    title: { zh: '本区出口变化的恒定市场份额分解（规模、商品、市场、竞争力）', en: 'District export change split into scale, commodity, market and competitiveness effects' },
    sql: `SELECT year, change_usd, scale_effect_usd, commodity_effect_usd, market_effect_usd, competitiveness_effect_usd, note
FROM mart_export_cms
ORDER BY year`,
  },
  {
    id: 'mirror-trade',
    title: { zh: '镜像贸易：进口国申报（到岸价）与出口国申报（离岸价）对照，差额与比值', en: 'Mirror trade: the importer’s report (CIF) beside the exporter’s (FOB), gap and ratio' },
    needs: 'mart_mirror_trade',
    sql: `SELECT year, group_name_zh, group_name_en, importer_name_en, exporter_name_en,
  importer_reported_usd, exporter_reported_usd, gap_usd, round(mirror_ratio, 3) AS mirror_ratio, reading, note, period_complete
FROM mart_mirror_trade
ORDER BY importer_iso3, exporter_iso3, group_id, year`,
  },
  {
    id: 'processing-trade',
    title: { zh: '加工贸易：各加工链的毛坯进口与成品出口，本区占全国比重（金额、克拉）', en: 'Processing trade per cutting chain: rough in, polished out, district share of China (value, carats)' },
    needs: 'mart_processing_trade',
    sql: `SELECT year, chain_name_zh, chain_name_en, stage, district_value_usd, district_carats,
  round(share_of_nation, 3) AS share_of_nation, round(carat_share_of_nation, 3) AS carat_share_of_nation, note
FROM mart_processing_trade
WHERE period_complete
ORDER BY year DESC, chain_id, stage`,
  },
  {
    id: 'processing-value-added',
    title: { zh: '每克拉加工增值（加工费代理指标）：本区与全国', en: 'Processing value added per carat (cutting-fee proxy): district and China' },
    needs: 'mart_processing_value_added',
    sql: `SELECT year, chain_id,
  round(min(value_added_usd_per_carat) FILTER (WHERE region_level = 'district'), 2) AS district_usd_per_carat,
  round(min(value_added_usd_per_carat) FILTER (WHERE region_level = 'nation'), 2) AS nation_usd_per_carat,
  min(note) FILTER (WHERE region_level = 'district') AS district_note
FROM (SELECT * FROM mart_processing_value_added WHERE period_complete)
GROUP BY year, chain_id
ORDER BY year DESC, chain_id`,
  },
  {
    id: 'rival-orders',
    title: { zh: '订单回流：对竞争加工地的毛坯出口、自其成品进口与国内加工比重（全国）', en: 'Orders coming back: rough exported to the rival, polished imported from it, share cut at home (China)' },
    needs: 'mart_rival_orders',
    sql: `SELECT year, chain_id, rival_name_zh, rival_name_en, rough_exports_to_rival_usd, round(rival_share_of_rough_exports, 3) AS rival_share,
  polished_imports_from_rival_usd, round(home_cut_share, 3) AS home_cut_share, home_cut_note
FROM mart_rival_orders
WHERE region_level = 'nation'
ORDER BY year DESC, chain_id`,
  },
  {
    id: 'peer-places',
    title: { zh: '省内注册地比较：占全省比重、单价与加工贸易比重（最近完整年份）', en: 'Peer places in the province: share, unit value and processing share (latest complete year)' },
    needs: 'mart_peer_places',
    sql: `SELECT place_code, place_name_zh, place_name_en, is_district, flow, rank_in_province,
  round(share_of_province, 3) AS share_of_province, round(usd_per_carat, 1) AS usd_per_carat, unit_value_note,
  round(processing_share, 3) AS processing_share, processing_share_note
FROM mart_peer_places
WHERE group_id = '${total}' AND year = (SELECT max(year) FROM mart_peer_places WHERE period_complete)
ORDER BY flow, rank_in_province`,
  },
  {
    id: 'processing-firms',
    title: { zh: '加工企业：存续数、新设、退出、最大企业与前五大企业人数（按年）', en: 'Processing firms: active, births, closures, largest firm and five largest, by year' },
    needs: 'mart_processing_firms_year',
    sql: `SELECT year, active_firms, births, closures, largest_firm_employees, top5_employees, round(top5_share, 3) AS top5_share, headcount_note
FROM mart_processing_firms_year
ORDER BY year`,
  },
  {
    id: 'processing-top-firms',
    title: { zh: '最近一年前五大加工企业（按从业人数）', en: 'The five largest processing firms, latest year' },
    needs: 'mart_processing_firm_top',
    sql: `SELECT size_rank, name, park_id, employees, round(share_of_employees, 3) AS share_of_employees
FROM mart_processing_firm_top
WHERE year = (SELECT max(year) FROM mart_processing_firm_top)
ORDER BY size_rank`,
  },
  {
    id: 'service-firms',
    title: { zh: '配套服务企业：最近一年按类型和园区', en: 'Supporting-service firms by kind and park, latest year' },
    needs: 'mart_service_firms_year',
    sql: `SELECT kind_name_zh, kind_name_en, park_name_zh, park_name_en, active_firms
FROM mart_service_firms_year
WHERE year = (SELECT max(year) FROM mart_service_firms_year) AND active_firms > 0
ORDER BY kind_id, active_firms DESC, park_id`,
  },
  {
    id: 'employment-lq',
    title: { zh: '核心行业就业区位商（相对市、省、全国）', en: 'Location quotient of core-industry employment (against city, province, nation)' },
    needs: 'mart_employment_lq',
    sql: `SELECT year, reference_name_zh, reference_name_en, district_persons, reference_persons, round(lq, 2) AS lq, lq_note
FROM mart_employment_lq
WHERE industry_role = 'core'
ORDER BY year, reference_level`,
  },
  {
    id: 'employment-shift-share',
    title: { zh: '核心行业就业变化的偏离—份额分解（相对全国）', en: 'Shift-share of core-industry employment change (against the nation)' },
    needs: 'mart_employment_shift_share',
    sql: `SELECT year, base_year, change_persons, round(reference_growth_effect) AS growth_effect, round(industry_mix_effect) AS industry_mix,
  round(local_shift_effect) AS local_shift, note
FROM mart_employment_shift_share
WHERE industry_role = 'core' AND reference_level = 'nation'
ORDER BY year`,
  },
  {
    id: 'registry-employment-conflicts',
    title: { zh: '登记与从业人员数据冲突及其对合计的影响', en: 'Registry and employment conflicts and their effect on the totals' },
    needs: 'mart_registry_conflicts',
    sql: `SELECT 'registry' AS source, name AS what, records, differing_fields AS detail, kept_row, active_firms_effect AS effect
FROM mart_registry_conflicts
UNION ALL
SELECT source_kind, coalesce(industry_code, '') || ' ' || year, records, source_rows, kept_row, persons_effect
FROM mart_employment_conflicts
ORDER BY source, what`,
  },
];
