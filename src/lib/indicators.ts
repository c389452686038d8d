// The registry of indicators: what each one measures, from which published table and rows, in which unit and
// chart. Pages list indicators by id or page; nothing about an indicator's data lives in a page.
import type { Text } from './i18n.ts';
import type { Unit } from './format.ts';
import type { ChartKind } from './chart.ts';
import type { SeriesSpec } from './series.ts';
import type { SamePeriodSpec } from './samePeriod.ts';
import { processingIndicators } from './processingIndicators.ts';
import { cluster, districtCode, parkNames, totalGroupTradeColumn, type GroupComparison, type MirrorIndicator, type TradeMapIndicator, type UnitValueIndicator } from './cluster.ts';
import { firmAndEmploymentIndicators } from './firmIndicators.ts';

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
const mainGroups = cluster.headlineGroups;
// Texts that name the cluster's products take them from cluster.json: the total group's id and its word ("钻石" /
// "diamond"), the core industry's label; indicators only some clusters have (comparisons of groups, unit values,
// Trade Map headings) are listed there in full.
const total = cluster.totalGroup.id;
const noun = cluster.totalGroup.noun;
const texts = cluster.indicators;

export const INDICATORS: IndicatorDef[] = [
  // Overview: the four headline figures.
  {
    id: 'district-share',
    page: 'overview',
    title: text(`本区${noun.zh}进出口占全国比重`, `District share of China’s ${noun.en} trade`),
    subtitle: text('进出口合计，按金额（美元）计算', 'Imports plus exports, by value (USD)'),
    subject: text(`本区${noun.zh}进出口占全国的比重`, `the district’s share of China’s ${noun.en} trade`),
    notes: texts.totalNote,
    table: 'mart_trade_share',
    filter: { group_id: total, flow: 'total' },
    y: 'share_of_nation',
    unit: 'ratio',
    chart: 'line',
  },
  {
    id: 'district-trade-value',
    page: 'overview',
    title: text(`本区${noun.zh}进出口额`, `District ${noun.en} trade value`),
    subtitle: text('进出口合计', 'Imports plus exports'),
    subject: text(`本区${noun.zh}进出口额`, `the district’s ${noun.en} trade`),
    table: 'mart_trade_share',
    filter: { group_id: total, flow: 'total' },
    y: 'district_value_usd',
    unit: 'usd',
    chart: 'line',
    // A year of customs months still coming in is compared with the same months of the year before.
    samePeriod: { table: 'mart_trade_monthly', period: 'year', sub: 'month', unit: 'region_code', y: 'value_usd', where: { region_level: 'district', hs_group: cluster.totalGroup.groups } },
  },
  {
    id: 'core-firms',
    page: 'overview',
    title: text('核心行业存续企业数', 'Active firms in the core industry'),
    subtitle: text(`${texts.coreIndustry.zh}，年末存续，全区各园区合计`, `${texts.coreIndustry.en}, active at year end, all parks`),
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
    subtitle: texts.coreIndustry,
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
    title: text(`本区${noun.zh}进口、出口占全国比重`, `District share of China’s ${noun.en} imports and exports`),
    subject: text(`本区${noun.zh}贸易占全国的比重`, `the district’s share of China’s ${noun.en} trade`),
    table: 'mart_trade_share',
    filter: { group_id: total },
    y: 'share_of_nation',
    series: { column: 'flow', labelKeyPrefix: 'flow.', include: ['total', 'import', 'export'] },
    unit: 'ratio',
    chart: 'line',
  },
  ...(texts.comparisons ?? []).map(groupComparison),
  {
    id: 'partners-export',
    page: 'trade',
    title: text(`本区${noun.zh}出口的主要目的地`, `Main destinations of the district’s ${noun.en} exports`),
    subtitle: text('最近一年，前8位', 'Latest year, top 8'),
    subject: text('出口目的地', 'export destination'),
    table: 'mart_trade_partner_year',
    filter: { region_level: 'district', group_id: total, flow: 'export' },
    y: 'value_usd',
    series: { column: 'partner_code', labelColumns: { zh: 'partner_name_zh', en: 'partner_name_en' }, top: 8 },
    latestOnly: true,
    unit: 'usd',
    chart: 'barLatest',
  },
  {
    id: 'partners-import',
    page: 'trade',
    title: text(`本区${noun.zh}进口的主要来源地`, `Main origins of the district’s ${noun.en} imports`),
    subtitle: text('最近一年，前8位', 'Latest year, top 8'),
    subject: text('进口来源地', 'import origin'),
    table: 'mart_trade_partner_year',
    filter: { region_level: 'district', group_id: total, flow: 'import' },
    y: 'value_usd',
    series: { column: 'partner_code', labelColumns: { zh: 'partner_name_zh', en: 'partner_name_en' }, top: 8 },
    latestOnly: true,
    unit: 'usd',
    chart: 'barLatest',
  },
  ...(texts.unitValues ?? []).map(unitValue),
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
    title: text(`${cluster.totalGroup.noun.zh}出口市场的集中度`, `Concentration of ${cluster.totalGroup.noun.en} export markets`),
    subtitle: text('贸易伙伴的赫芬达尔—赫希曼指数（0–10000），本区与全国', 'Herfindahl–Hirschman index of partners (0–10,000), district and China'),
    subject: text(`${cluster.totalGroup.noun.zh}出口市场的集中度`, `the concentration of ${cluster.totalGroup.noun.en} export markets`),
    notes: text('高于2500为高度集中，1500–2500为中度集中。', 'Above 2,500: highly concentrated; 1,500–2,500: moderately.'),
    table: 'mart_partner_concentration',
    filter: { group_id: cluster.totalGroup.id, flow: 'export' },
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
    subtitle: text(`本区${noun.zh}进出口额，按贸易方式`, `District ${noun.en} imports plus exports, by trade mode`),
    subject: text(`本区${noun.zh}进出口额`, `the district’s ${noun.en} trade`),
    notes: texts.tradeModeNote,
    table: 'mart_trade_mode_year',
    filter: { region_level: 'district', group_id: total },
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
    // Only clusters that list the Kimberley Process source kind publish this table.
    optional: true,
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
    optional: true,
  },
  ...(texts.tradeMap ?? []).map(tradeMapLeaders),
  ...(texts.mirror ?? []).map(mirrorSides),
  ...(texts.mirrorRatio ? [mirrorRatio(texts.mirrorRatio)] : []),
  ...processingIndicators(),

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
    id: `parks-${cluster.totalGroup.slug}-trade`,
    page: 'parks',
    title: text(`各园区${cluster.totalGroup.tradeLabel.zh}额`, `${cluster.totalGroup.tradeLabel.en} by park`),
    subject: text(`${noun.zh}进出口额`, `${noun.en} trade`),
    table: 'mart_park_year',
    y: totalGroupTradeColumn(),
    series: { column: 'park_id', labels: parkNames() },
    unit: 'usd',
    chart: 'line',
  },
  ...firmAndEmploymentIndicators(),
];

/** Groups of HS groups drawn against each other, as cluster.json lists them. */
function groupComparison(c: GroupComparison): IndicatorDef {
  return {
    id: c.id,
    page: 'trade',
    title: c.title,
    subtitle: c.subtitle,
    subject: c.subject,
    notes: c.notes,
    table: 'mart_trade_share',
    filter: { flow: 'total' },
    y: 'district_value_usd',
    series: {
      column: 'group_id',
      groups: Object.fromEntries(c.series.map((x) => [x.id, x.groups])),
      labels: Object.fromEntries(c.series.map((x) => [x.id, x.name])),
    },
    unit: 'usd',
    chart: 'barStacked',
  };
}

/** A group's unit value, district against China. */
function unitValue(u: UnitValueIndicator): IndicatorDef {
  return {
    id: u.id,
    page: 'trade',
    title: u.title,
    subtitle: u.subtitle,
    subject: u.subject,
    table: 'mart_trade_share',
    filter: { group_id: u.group, flow: u.flow },
    y: [
      { column: 'district_usd_per_carat', labelKey: 'series.district_usd_per_carat' },
      { column: 'nation_usd_per_carat', labelKey: 'series.nation_usd_per_carat' },
    ],
    unit: 'usd_per_carat',
    chart: 'line',
  };
}

/** The leading reporters of one HS heading in Trade Map exports; left off when no Trade Map file is given. */
function tradeMapLeaders(m: TradeMapIndicator): IndicatorDef {
  return {
    id: m.id,
    page: 'trade',
    title: m.title,
    subtitle: m.subtitle,
    subject: m.subject,
    table: 'mart_global_trademap',
    filter: { hs_code: m.hs, flow: m.flow },
    y: 'value_usd_thousand',
    series: { column: 'reporter_iso3', labelColumns: { zh: 'reporter_name_zh', en: 'reporter_name_en' }, exclude: ['WLD'], top: 6 },
    unit: 'usd_thousand',
    chart: 'line',
    optional: true,
  };
}

/** One pair's mirror trade in one group: the importer's CIF figure beside the exporter's FOB figure (UN Comtrade). */
function mirrorSides(m: MirrorIndicator): IndicatorDef {
  return {
    id: m.id,
    page: 'trade',
    title: m.title,
    subtitle: m.subtitle,
    subject: m.subject,
    notes: m.notes,
    table: 'mart_mirror_trade',
    filter: { ...(m.group ? { group_id: m.group } : {}), importer_iso3: m.importer, exporter_iso3: m.exporter },
    y: [
      { column: 'importer_reported_usd', labelKey: 'series.mirror_importer' },
      { column: 'exporter_reported_usd', labelKey: 'series.mirror_exporter' },
    ],
    unit: 'usd',
    chart: 'line',
    method: 'mirror',
    // Comtrade exports are an optional input: without one the table is empty and the chart is left off.
    optional: true,
  };
}

/** One pair's mirror ratio in every group: 1 to 1 + the CIF/FOB margin is freight and insurance alone. */
function mirrorRatio(m: MirrorIndicator): IndicatorDef {
  return {
    id: m.id,
    page: 'trade',
    title: m.title,
    subtitle: m.subtitle,
    subject: m.subject,
    notes: m.notes,
    table: 'mart_mirror_trade',
    filter: { importer_iso3: m.importer, exporter_iso3: m.exporter },
    y: 'mirror_ratio',
    series: { column: 'group_id', labelColumns: groupLabels },
    unit: 'index',
    chart: 'line',
    method: 'mirror',
    optional: true,
  };
}

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

/** The name of an HS group or of the cluster's total group, from cluster.json. */
export function hsGroupName(group: string): Text {
  if (group === total) return cluster.totalGroup.name;
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
