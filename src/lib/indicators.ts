// The registry of indicators: what each one measures, from which published table and rows, in which unit and
// chart. Pages list indicators by id or page; nothing about an indicator's data lives in a page.
import type { Text } from './i18n.ts';
import type { Unit } from './format.ts';
import type { ChartKind } from './chart.ts';
import type { SeriesSpec } from './series.ts';
import type { SamePeriodSpec } from './samePeriod.ts';
import { cluster, districtCode, parkNames } from './cluster.ts';

export type IndicatorPage = 'overview' | 'trade' | 'workforce' | 'enterprises' | 'parks' | 'park';

export interface IndicatorDef extends SeriesSpec {
  /** Stable id: the page anchor, the chart file name (charts/<lang>/<id>.svg) and the citation's address. */
  id: string;
  page: IndicatorPage;
  title: Text;
  subtitle?: Text;
  notes?: Text;
  /** What is measured, as the subject of the summary sentence. */
  subject: Text;
  unit: Unit;
  chart: ChartKind;
  /** Left off the page when its table has no rows (e.g. Trade Map exports are optional inputs). */
  optional?: boolean;
  /** Where a partial last period is compared like for like (samePeriod.ts). */
  samePeriod?: SamePeriodSpec;
  /** The formula behind the figure: an id on the methods page (src/lib/methods.ts). */
  method?: string;
}

const text = (zh: string, en: string): Text => ({ zh, en });
const groupLabels = { zh: 'group_name_zh', en: 'group_name_en' };
const mainGroups = ['diamonds', ...cluster.diamondGroups, 'jewelry'];

export const INDICATORS: IndicatorDef[] = [
  // Overview: the four headline figures.
  {
    id: 'district-share',
    page: 'overview',
    title: text('本区钻石进出口占全国比重', 'District share of China’s diamond trade'),
    subtitle: text('进出口合计，按金额（美元）计算', 'Imports plus exports, by value (USD)'),
    subject: text('本区钻石进出口占全国的比重', 'the district’s share of China’s diamond trade'),
    notes: text(
      '钻石包括天然钻石（HS 7102）和培育钻石（HS 7104 中的钻石）。本区数值来自区内企业进出口记录，全国数值来自海关统计。',
      'Diamonds are natural (HS 7102) and lab-grown (diamonds in HS 7104). District values come from its firms’ customs records, national values from customs statistics.',
    ),
    table: 'mart_trade_share',
    filter: { group_id: 'diamonds', flow: 'total' },
    y: 'share_of_nation',
    unit: 'ratio',
    chart: 'line',
  },
  {
    id: 'district-trade-value',
    page: 'overview',
    title: text('本区钻石进出口额', 'District diamond trade value'),
    subtitle: text('进出口合计', 'Imports plus exports'),
    subject: text('本区钻石进出口额', 'the district’s diamond trade'),
    table: 'mart_trade_share',
    filter: { group_id: 'diamonds', flow: 'total' },
    y: 'district_value_usd',
    unit: 'usd',
    chart: 'line',
  },
  {
    id: 'core-firms',
    page: 'overview',
    title: text('核心行业存续企业数', 'Active firms in the core industry'),
    subtitle: text('珠宝首饰及有关物品制造（2438），年末存续，全区各园区合计', 'Jewelry manufacturing (2438), active at year end, all parks'),
    subject: text('核心行业年末存续企业数', 'the number of active core-industry firms'),
    table: 'mart_park_year',
    y: 'active_core_firms',
    unit: 'firms',
    chart: 'line',
  },
  {
    id: 'core-employment',
    page: 'overview',
    title: text('核心行业从业人员', 'Employment in the core industry'),
    subtitle: text('珠宝首饰及有关物品制造（2438）', 'Jewelry manufacturing (2438)'),
    subject: text('核心行业从业人员', 'employment in the core industry'),
    table: 'mart_employment_industry',
    filter: { industry_role: 'core', region_code: [districtCode(), null] },
    y: 'persons',
    unit: 'persons',
    chart: 'line',
  },

  // Trade.
  {
    id: 'share-by-group',
    page: 'trade',
    title: text('各类商品本区占全国比重', 'District share of national trade by product'),
    subtitle: text('进出口合计', 'Imports plus exports'),
    subject: text('本区占全国的比重', 'the district’s share of national trade'),
    table: 'mart_trade_share',
    filter: { flow: 'total' },
    y: 'share_of_nation',
    series: { column: 'group_id', labelColumns: groupLabels, include: mainGroups },
    unit: 'ratio',
    chart: 'line',
  },
  {
    id: 'share-by-flow',
    page: 'trade',
    title: text('本区钻石进口、出口占全国比重', 'District share of China’s diamond imports and exports'),
    subject: text('本区钻石贸易占全国的比重', 'the district’s share of China’s diamond trade'),
    table: 'mart_trade_share',
    filter: { group_id: 'diamonds' },
    y: 'share_of_nation',
    series: { column: 'flow', labelKeyPrefix: 'flow.', include: ['total', 'import', 'export'] },
    unit: 'ratio',
    chart: 'line',
  },
  {
    id: 'natural-vs-lab-grown',
    page: 'trade',
    title: text('天然钻石与培育钻石', 'Natural and lab-grown diamonds'),
    subtitle: text('本区进出口额合计', 'District imports plus exports'),
    subject: text('本区进出口额', 'the district’s trade'),
    notes: text(
      '2022年以前，培育钻石归入HS 7104.20 / 7104.90，其中含其他合成宝石。',
      'Before 2022, lab-grown diamonds were classified in HS 7104.20 / 7104.90 together with other synthetic stones.',
    ),
    table: 'mart_trade_share',
    filter: { flow: 'total' },
    y: 'district_value_usd',
    series: { column: 'group_id', groups: { natural: ['natural_rough', 'natural_polished'], lab_grown: ['lab_grown_rough', 'lab_grown_polished'] } },
    unit: 'usd',
    chart: 'barStacked',
  },
  {
    id: 'rough-vs-polished',
    page: 'trade',
    title: text('毛坯钻石与成品钻石', 'Rough and polished diamonds'),
    subtitle: text('本区进出口额合计（天然与培育）', 'District imports plus exports (natural and lab-grown)'),
    subject: text('本区进出口额', 'the district’s trade'),
    table: 'mart_trade_share',
    filter: { flow: 'total' },
    y: 'district_value_usd',
    series: { column: 'group_id', groups: { rough: ['natural_rough', 'lab_grown_rough'], polished: ['natural_polished', 'lab_grown_polished'] } },
    unit: 'usd',
    chart: 'barStacked',
  },
  {
    id: 'partners-export',
    page: 'trade',
    title: text('本区钻石出口的主要目的地', 'Main destinations of the district’s diamond exports'),
    subtitle: text('最近一年，前8位', 'Latest year, top 8'),
    subject: text('出口目的地', 'export destination'),
    table: 'mart_trade_partner_year',
    filter: { region_level: 'district', group_id: 'diamonds', flow: 'export' },
    y: 'value_usd',
    series: { column: 'partner_code', labelColumns: { zh: 'partner_name_zh', en: 'partner_name_en' }, top: 8 },
    latestOnly: true,
    unit: 'usd',
    chart: 'barLatest',
  },
  {
    id: 'partners-import',
    page: 'trade',
    title: text('本区钻石进口的主要来源地', 'Main origins of the district’s diamond imports'),
    subtitle: text('最近一年，前8位', 'Latest year, top 8'),
    subject: text('进口来源地', 'import origin'),
    table: 'mart_trade_partner_year',
    filter: { region_level: 'district', group_id: 'diamonds', flow: 'import' },
    y: 'value_usd',
    series: { column: 'partner_code', labelColumns: { zh: 'partner_name_zh', en: 'partner_name_en' }, top: 8 },
    latestOnly: true,
    unit: 'usd',
    chart: 'barLatest',
  },
  {
    id: 'unit-value-polished',
    page: 'trade',
    title: text('天然成品钻石出口单价', 'Unit value of natural polished diamond exports'),
    subtitle: text('每克拉美元，本区与全国', 'USD per carat, district and China'),
    subject: text('天然成品钻石出口单价', 'the export unit value of natural polished diamonds'),
    table: 'mart_trade_share',
    filter: { group_id: 'natural_polished', flow: 'export' },
    y: [
      { column: 'district_usd_per_carat', labelKey: 'series.district_usd_per_carat' },
      { column: 'nation_usd_per_carat', labelKey: 'series.nation_usd_per_carat' },
    ],
    unit: 'usd_per_carat',
    chart: 'line',
  },
  {
    id: 'rca-exports',
    page: 'trade',
    title: text('本区出口的显示性比较优势', 'Revealed comparative advantage of the district’s exports'),
    subtitle: text('相对全国，按商品组；大于1表示相对专业化', 'Against the nation, by group; above 1: relatively specialised'),
    subject: text('本区出口的显示性比较优势指数', 'the district’s export RCA'),
    table: 'mart_rca',
    filter: { flow: 'export', reference_level: 'nation' },
    y: 'rca',
    series: { column: 'group_id', labelColumns: groupLabels },
    unit: 'index',
    chart: 'line',
    method: 'rca',
  },
  {
    id: 'partner-concentration',
    page: 'trade',
    title: text('钻石出口市场的集中度', 'Concentration of diamond export markets'),
    subtitle: text('贸易伙伴的赫芬达尔—赫希曼指数（0–10000），本区与全国', 'Herfindahl–Hirschman index of partners (0–10,000), district and China'),
    subject: text('钻石出口市场的集中度', 'the concentration of diamond export markets'),
    notes: text('高于2500为高度集中，1500–2500为中度集中。', 'Above 2,500: highly concentrated; 1,500–2,500: moderately.'),
    table: 'mart_partner_concentration',
    filter: { group_id: 'diamonds', flow: 'export' },
    y: 'hhi',
    series: { column: 'region_level', labelKeyPrefix: 'level.', include: ['district', 'nation'] },
    unit: 'index',
    chart: 'line',
    method: 'hhi',
  },
  {
    id: 'trade-modes',
    page: 'trade',
    title: text('加工贸易与一般贸易', 'Processing and general trade'),
    subtitle: text('本区钻石进出口额，按贸易方式', 'District diamond imports plus exports, by trade mode'),
    subject: text('本区钻石进出口额', 'the district’s diamond trade'),
    notes: text(
      '加工贸易（进料加工、来料加工）是钻石切磨加工业务的主要形式；一般贸易钻石进口须经上海钻石交易所。',
      'Processing trade (with imported or supplied materials) is the form the cutting business takes; general-trade diamond imports go through the Shanghai Diamond Exchange.',
    ),
    table: 'mart_trade_mode_year',
    filter: { region_level: 'district', group_id: 'diamonds' },
    y: 'value_usd',
    series: { column: 'trade_mode_class', labelKeyPrefix: 'mode.', include: ['processing', 'general', 'other'] },
    unit: 'usd',
    chart: 'barStacked',
  },
  {
    id: 'global-kp-production',
    page: 'trade',
    title: text('全球天然毛坯钻石产量', 'World rough diamond production'),
    subtitle: text('金伯利进程统计，各报告国合计', 'Kimberley Process statistics, all reporting countries'),
    subject: text('全球天然毛坯钻石产量', 'world rough diamond production'),
    notes: text(
      '每年的全球合计与金伯利进程公布的年度总量逐年核对，差异及其原因见数据表 mart_global_kp_reconciliation。同一国家、半年和类型的不同数字是分别提交的数据，全部计入（mart_global_kp_conflicts）。',
      "Each year's world total is reconciled with the annual total KP published; differences and their causes are in the table mart_global_kp_reconciliation. Different figures for one country, half year and type are separate submissions and all count (mart_global_kp_conflicts).",
    ),
    table: 'mart_global_kp',
    y: 'carats',
    samePeriod: { table: 'mart_global_kp_half', period: 'year', sub: 'half_year', unit: 'country', y: 'carats' },
    unit: 'carat',
    chart: 'line',
  },
  {
    id: 'global-kp-countries',
    page: 'trade',
    title: text('主要产钻国', 'Main producing countries'),
    subtitle: text('最近一年，按产值，前8位', 'Latest year, by value, top 8'),
    subject: text('产钻国', 'producer'),
    table: 'mart_global_kp',
    y: 'value_usd',
    series: { column: 'country_iso3', labelColumns: { zh: 'country_name_zh', en: 'country_name_en' }, top: 8 },
    latestOnly: true,
    unit: 'usd',
    chart: 'barLatest',
  },
  {
    id: 'global-trademap-exporters',
    page: 'trade',
    title: text('主要钻石出口国（ITC Trade Map）', 'Main diamond exporters (ITC Trade Map)'),
    subtitle: text('HS 7102，出口额，前6位', 'HS 7102, exports, top 6'),
    subject: text('钻石出口额', 'diamond exports'),
    table: 'mart_global_trademap',
    filter: { hs_code: '7102', flow: 'export' },
    y: 'value_usd_thousand',
    series: { column: 'reporter_iso3', labelColumns: { zh: 'reporter_name_zh', en: 'reporter_name_en' }, exclude: ['WLD'], top: 6 },
    unit: 'usd_thousand',
    chart: 'line',
    optional: true,
  },

  // Workforce.
  {
    id: 'employment-by-industry',
    page: 'workforce',
    title: text('分行业从业人员', 'Employment by industry'),
    subject: text('从业人员', 'employment'),
    table: 'mart_employment_industry',
    filter: { region_code: [districtCode(), null] },
    y: 'persons',
    series: { column: 'industry_code', labels: cluster.industries.names, include: [...cluster.industries.core, ...cluster.industries.related] },
    unit: 'persons',
    chart: 'line',
  },
  {
    id: 'firm-size',
    page: 'workforce',
    title: text('企业规模分布', 'Firms by size'),
    subtitle: text('按从业人数分组的企业数', 'Number of firms by headcount band'),
    subject: text('企业数', 'the number of firms'),
    table: 'mart_firm_size_year',
    y: 'firms',
    series: { column: 'size_band', labelColumns: { zh: 'size_band_zh', en: 'size_band_en' } },
    unit: 'firms',
    chart: 'barStacked',
  },
  {
    id: 'employment-by-park',
    page: 'workforce',
    title: text('各园区从业人员', 'Employment by park'),
    subtitle: text('有从业人数记录的企业合计', 'Firms with headcount records'),
    subject: text('从业人员', 'employment'),
    table: 'mart_park_year',
    y: 'employees',
    series: { column: 'park_id', labels: parkNames() },
    unit: 'persons',
    chart: 'line',
  },

  // Enterprises.
  {
    id: 'births-closures',
    page: 'enterprises',
    title: text('企业新设与退出', 'Firm births and closures'),
    subtitle: text('全区集群相关企业', 'All cluster firms in the district'),
    subject: text('企业数', 'firms'),
    table: 'mart_enterprise_events',
    y: [
      { column: 'births', labelKey: 'series.births' },
      { column: 'closures', labelKey: 'series.closures' },
    ],
    unit: 'firms',
    chart: 'line',
  },
  {
    id: 'active-by-role',
    page: 'enterprises',
    title: text('年末存续企业数', 'Active firms at year end'),
    subtitle: text('核心行业与相关行业', 'Core and related industries'),
    subject: text('年末存续企业数', 'active firms'),
    table: 'mart_enterprise_events',
    y: 'active_end_of_year',
    series: { column: 'industry_role', labelKeyPrefix: 'series.', include: ['core', 'related', 'other'] },
    unit: 'firms',
    chart: 'barStacked',
  },

  // Parks compared.
  {
    id: 'parks-active-firms',
    page: 'parks',
    title: text('各园区存续企业数', 'Active firms by park'),
    subject: text('存续企业数', 'active firms'),
    table: 'mart_park_year',
    y: 'active_firms',
    series: { column: 'park_id', labels: parkNames() },
    unit: 'firms',
    chart: 'line',
  },
  {
    id: 'parks-diamond-trade',
    page: 'parks',
    title: text('各园区钻石进出口额', 'Diamond trade by park'),
    subject: text('钻石进出口额', 'diamond trade'),
    table: 'mart_park_year',
    y: 'diamond_trade_value_usd',
    series: { column: 'park_id', labels: parkNames() },
    unit: 'usd',
    chart: 'line',
  },
];

/** The indicators of one park's page, generated for every park in cluster.json. */
export function parkIndicators(parkId: string): IndicatorDef[] {
  const name = parkNames()[parkId] ?? { zh: parkId, en: parkId };
  const base = { page: 'park' as const, table: 'mart_park_year', filter: { park_id: parkId } };
  return [
    {
      ...base,
      id: `park-${parkId}-firms`,
      title: text(`${name.zh}存续企业数`, `Active firms: ${name.en}`),
      subject: text(`${name.zh}存续企业数`, `active firms in ${name.en}`),
      y: [
        { column: 'active_firms', labelKey: 'parks.col_active' },
        { column: 'active_core_firms', labelKey: 'parks.col_core' },
      ],
      unit: 'firms',
      chart: 'line',
    },
    {
      ...base,
      id: `park-${parkId}-events`,
      title: text(`${name.zh}企业新设与退出`, `Firm births and closures: ${name.en}`),
      subject: text(`${name.zh}企业数`, `firms in ${name.en}`),
      y: [
        { column: 'births', labelKey: 'series.births' },
        { column: 'closures', labelKey: 'series.closures' },
      ],
      unit: 'firms',
      chart: 'line',
    },
    {
      ...base,
      id: `park-${parkId}-employees`,
      title: text(`${name.zh}从业人员`, `Employment: ${name.en}`),
      subject: text(`${name.zh}从业人员`, `employment in ${name.en}`),
      y: 'employees',
      unit: 'persons',
      chart: 'line',
    },
    {
      ...base,
      id: `park-${parkId}-trade`,
      title: text(`${name.zh}进出口额`, `Trade: ${name.en}`),
      subject: text(`${name.zh}进出口额`, `trade of ${name.en}`),
      y: [
        { column: 'export_value_usd', labelKey: 'flow.export' },
        { column: 'import_value_usd', labelKey: 'flow.import' },
      ],
      unit: 'usd',
      chart: 'barStacked',
    },
  ];
}

/** Every indicator, including each park's: the chart files are generated for all of them. */
export function allIndicators(): IndicatorDef[] {
  return [...INDICATORS, ...cluster.parks.flatMap((p) => parkIndicators(p.id))];
}

export function indicatorsOf(page: IndicatorPage): IndicatorDef[] {
  return INDICATORS.filter((d) => d.page === page);
}

export function getIndicator(id: string): IndicatorDef {
  const d = allIndicators().find((x) => x.id === id);
  if (!d) throw new Error(`unknown indicator ${id}`);
  return d;
}

/** The page (route relative to the language root) where an indicator is shown in full. */
export function routeOfIndicator(d: IndicatorDef): string {
  if (d.page === 'overview') return '';
  if (d.page === 'park') return `parks/${d.filter?.park_id}/`;
  return `${d.page}/`;
}

/** The HS groups the trade explorer offers, in menu order (the same as the share-by-group chart). */
export const TRADE_EXPLORER_GROUPS: string[] = mainGroups;

/** The name of an HS group: from cluster.json, or the all-diamonds total. */
export function hsGroupName(group: string): Text {
  if (group === 'diamonds') return (cluster as unknown as { diamondTotalName: Text }).diamondTotalName;
  return cluster.hsGroups.find((g) => g.id === group)?.name ?? text(group, group);
}

const FLOW_NAMES: Record<string, Text> = {
  total: text('进出口', 'trade'),
  import: text('进口', 'imports'),
  export: text('出口', 'exports'),
};

/**
 * One chart of the trade explorer: the district's share of China's trade for one HS group and flow. Not in
 * INDICATORS (21 combinations would crowd the page); the trade page pre-renders each as an SVG file and its
 * island swaps them in.
 */
export function tradeShareChoice(group: string, flow: 'total' | 'import' | 'export'): IndicatorDef {
  const g = hsGroupName(group);
  const f = FLOW_NAMES[flow];
  return {
    id: `trade-share-${group}-${flow}`,
    page: 'trade',
    title: text(`${g.zh}：本区${f.zh}占全国比重`, `${g.en}: district share of China’s ${f.en}`),
    subject: text(`本区${g.zh}${f.zh}占全国的比重`, `the district’s share of China’s ${g.en.toLowerCase()} ${f.en}`),
    table: 'mart_trade_share',
    filter: { group_id: group, flow },
    y: 'share_of_nation',
    unit: 'ratio',
    chart: 'line',
  };
}
