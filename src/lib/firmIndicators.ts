// Indicators of the cluster's processing and supporting-service firms (cluster.json firmKinds) and of its core
// industry's employment against the reference regions (location quotient, shift-share). Their names come from the
// cluster's configuration, so a second cluster's pages name its own trade.
import type { Text } from './i18n.ts';
import type { IndicatorDef } from './indicators.ts';
import { cluster, parkNames } from './cluster.ts';

const text = (zh: string, en: string): Text => ({ zh, en });

/** Largest first: rank 1 is the largest firm of the year, whichever firm that is. */
const RANKS: Record<string, Text> = Object.fromEntries(
  [1, 2, 3, 4, 5].map((r) => [String(r), r === 1 ? text('最大企业', 'Largest firm') : text(`第${r}大企业`, `No. ${r}`)]),
);

function firmKindIndicators(): IndicatorDef[] {
  const kinds = cluster.firmKinds;
  if (!kinds) return [];
  const p = kinds.processing.name;
  return [
    {
      id: 'processing-firms',
      page: 'enterprises',
      title: text(`${p.zh}：存续、新设与退出`, `${p.en}: active, births and closures`),
      subtitle: text('按行业代码和经营范围关键词识别（集群配置）', 'Identified by industry code and business-scope keywords (cluster configuration)'),
      subject: text(`年末存续的${p.zh}数`, `the number of active ${p.en.toLowerCase()}`),
      table: 'mart_processing_firms_year',
      y: [
        { column: 'active_firms', labelKey: 'parks.col_active' },
        { column: 'births', labelKey: 'series.births' },
        { column: 'closures', labelKey: 'series.closures' },
      ],
      unit: 'firms',
      chart: 'line',
    },
    {
      id: 'processing-largest-firm',
      page: 'enterprises',
      title: text(`${p.zh}：最大企业与前五大企业的从业人数`, `${p.en}: headcount of the largest firm and of the five largest`),
      subtitle: text('报告从业人数的企业', 'Firms reporting a headcount'),
      subject: text(`最大${p.zh}的从业人数`, `the headcount of the largest of the ${p.en.toLowerCase()}`),
      notes: text('没有企业报告从业人数的年份为空，不记为0。', 'A year in which no firm reported a headcount is empty, not 0.'),
      table: 'mart_processing_firms_year',
      y: [
        { column: 'largest_firm_employees', labelKey: 'series.largest_firm' },
        { column: 'top5_employees', labelKey: 'series.top5_firms' },
      ],
      unit: 'persons',
      chart: 'line',
    },
    {
      id: 'processing-top-firms',
      page: 'enterprises',
      title: text(`前五大${p.zh}的从业人数`, `The five largest ${p.en.toLowerCase()} by headcount`),
      subtitle: text('按当年名次；各年的企业可以不同', 'By rank in each year; the firms can change from year to year'),
      subject: text(`前五大${p.zh}的从业人数`, `the headcount of the five largest ${p.en.toLowerCase()}`),
      table: 'mart_processing_firm_top',
      y: 'employees',
      series: { column: 'size_rank', labels: RANKS, include: Object.keys(RANKS) },
      unit: 'persons',
      chart: 'line',
    },
    {
      id: 'service-firms-by-kind',
      page: 'enterprises',
      title: text('配套服务企业（按类型）', 'Supporting-service firms by kind'),
      subtitle: text('年末存续，按经营范围关键词识别；一个企业可属多种类型', 'Active at year end, identified by business-scope keywords; a firm can be of several kinds'),
      subject: text('年末存续的配套服务企业数', 'the number of active supporting-service firms'),
      table: 'mart_service_firms_year',
      y: 'active_firms',
      series: { column: 'kind_id', labels: Object.fromEntries(kinds.services.map((s) => [s.id, s.name])), include: kinds.services.map((s) => s.id) },
      unit: 'firms',
      chart: 'barStacked',
    },
    {
      id: 'service-firms-by-park',
      page: 'parks',
      title: text('各园区配套服务企业数', 'Supporting-service firms by park'),
      subtitle: text('年末存续，各类服务合计（一个企业属多种类型时分别计入）', 'Active at year end, all kinds (a firm of several kinds counts in each)'),
      subject: text('配套服务企业数', 'supporting-service firms'),
      table: 'mart_service_firms_year',
      y: 'active_firms',
      series: { column: 'park_id', labels: parkNames() },
      unit: 'firms',
      chart: 'line',
    },
  ];
}

function employmentAnalytics(): IndicatorDef[] {
  const core = cluster.industries.core[0];
  const name = cluster.indicators.coreIndustry;
  return [
    {
      id: 'employment-lq',
      page: 'workforce',
      title: text('核心行业就业区位商', 'Location quotient of core-industry employment'),
      subtitle: text(`${name.zh}，相对市、省；大于1表示相对集中`, `${name.en}, against the city and the province; above 1: relatively concentrated`),
      subject: text('核心行业就业区位商', 'the location quotient of core-industry employment'),
      notes: text('相对全国的区位商见数据表 mart_employment_lq。', 'The quotient against the nation is in the table mart_employment_lq.'),
      table: 'mart_employment_lq',
      filter: { industry_code: core },
      y: 'lq',
      series: { column: 'reference_level', labelColumns: { zh: 'reference_name_zh', en: 'reference_name_en' }, include: ['city', 'province'] },
      unit: 'index',
      chart: 'line',
      method: 'lq',
    },
    {
      id: 'employment-shift-share',
      page: 'workforce',
      title: text('核心行业就业变化的偏离—份额分解', 'Shift-share decomposition of core-industry employment change'),
      subtitle: text(`${name.zh}，${cluster.referenceYear}年以来的累计变化，相对全国`, `${name.en}, change since ${cluster.referenceYear}, against the nation`),
      subject: text('本地竞争效应', 'the local shift'),
      table: 'mart_employment_shift_share',
      filter: { industry_code: core, reference_level: 'nation' },
      y: [
        { column: 'reference_growth_effect', labelKey: 'series.ss_growth' },
        { column: 'industry_mix_effect', labelKey: 'series.ss_mix' },
        { column: 'local_shift_effect', labelKey: 'series.ss_shift' },
      ],
      unit: 'persons',
      chart: 'line',
      method: 'shift-share',
    },
  ];
}

/** The indicators on the enterprises, parks and workforce pages that these marts feed. */
export function firmAndEmploymentIndicators(): IndicatorDef[] {
  return [...firmKindIndicators(), ...employmentAnalytics()];
}
