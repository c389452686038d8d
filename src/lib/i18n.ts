// The one translation table for every string a reader sees (zh-CN first, then English), and the helpers that
// pick a language from the route. Chinese lives at the site root, English under /en/.

export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A text in both languages, as it comes from configuration (cluster.json, catalog.json, indicator registry). */
export interface Text {
  zh: string;
  en: string;
}

const STRINGS = {
  'site.title': { zh: '番禺钻石珠宝产业集群数据看板', en: 'Panyu Diamond and Jewelry Cluster Dashboard' },
  'site.tagline': {
    zh: '面向区内干部的产业集群数据：贸易、就业、企业与园区',
    en: 'Industry-cluster data for district officials: trade, workforce, enterprises and parks',
  },
  'site.skip': { zh: '跳到正文', en: 'Skip to content' },
  'site.synthetic_banner': {
    zh: '本网站数据含示例数据（合成），不代表真实统计',
    en: 'This site shows synthetic sample data: the figures are not real statistics',
  },
  'site.footer_asof': { zh: '数据截至 {date}', en: 'Data as of {date}' },
  'site.footer_note': {
    zh: '开源项目；网站不从其他网站加载任何内容，可在内网离线使用。',
    en: 'Open source; the site loads nothing from other websites and works offline on an intranet.',
  },
  'site.lang_switch': { zh: 'English', en: '中文' },
  'site.lang_switch_label': { zh: '切换到英文版', en: 'Switch to Chinese' },
  'site.no_data': { zh: '暂无数据', en: 'No data yet' },
  'site.no_data_long': {
    zh: '数据尚未发布：请先运行数据管道（npm run pipeline）。',
    en: 'No data has been published yet: run the data pipeline (npm run pipeline) first.',
  },

  'punct.colon': { zh: '：', en: ': ' },
  'punct.semicolon': { zh: '；', en: '; ' },
  'punct.comma': { zh: '，', en: ', ' },

  'nav.label': { zh: '主导航', en: 'Main navigation' },
  'nav.overview': { zh: '概览', en: 'Overview' },
  'nav.trade': { zh: '贸易', en: 'Trade' },
  'nav.workforce': { zh: '就业', en: 'Workforce' },
  'nav.enterprises': { zh: '企业', en: 'Enterprises' },
  'nav.parks': { zh: '园区', en: 'Parks' },
  'nav.sources': { zh: '数据来源', en: 'Sources' },

  'page.overview.title': { zh: '概览', en: 'Overview' },
  'page.overview.lead': {
    zh: '集群的几项核心指标，以及与{year}年相比的变化。点击指标查看详情、数据表和来源。',
    en: 'The cluster’s headline indicators and how they changed since {year}. Follow an indicator for its chart, table and sources.',
  },
  'page.trade.title': { zh: '贸易', en: 'Trade' },
  'page.trade.lead': {
    zh: '本区钻石和首饰进出口：占全国的比重、商品结构、贸易伙伴、单价和贸易方式，以及全球背景。',
    en: 'The district’s diamond and jewelry trade: its share of China’s trade, product mix, partners, unit values, trade modes and the global context.',
  },
  'page.workforce.title': { zh: '就业', en: 'Workforce' },
  'page.workforce.lead': {
    zh: '集群相关行业的从业人员和企业规模分布。',
    en: 'Employment in the cluster’s industries and the size of its firms.',
  },
  'page.enterprises.title': { zh: '企业', en: 'Enterprises' },
  'page.enterprises.lead': {
    zh: '企业新设与退出、存续企业数，以及企业名录（仅公开登记信息中的非个人字段）。',
    en: 'Firm births and closures, active firms, and the firm list (non-personal registry fields only).',
  },
  'page.parks.title': { zh: '园区', en: 'Parks' },
  'page.parks.lead': {
    zh: '各珠宝产业园区的企业、就业和进出口对比。',
    en: 'Firms, employment and trade compared across the jewelry parks.',
  },
  'page.park.lead': {
    zh: '{park}的企业、就业和进出口。',
    en: 'Firms, employment and trade in {park}.',
  },
  'page.sources.title': { zh: '数据来源与方法', en: 'Sources and methodology' },
  'page.sources.lead': {
    zh: '网站使用的每一个数据来源，以及数据质量报告：每个文件读入、载入和隔离的行数，和每项数据校验的结果。',
    en: 'Every data source the site uses, and the quality report: rows read, loaded and quarantined per file, and the result of every data check.',
  },
  'page.notfound.title': { zh: '页面不存在', en: 'Page not found' },
  'page.notfound.body': { zh: '找不到这个页面。', en: 'This page does not exist.' },
  'page.back_home': { zh: '返回概览', en: 'Back to the overview' },

  'ind.details': { zh: '查看详情', en: 'Details' },
  'ind.synthetic_badge': { zh: '示例数据', en: 'Sample data' },
  'ind.synthetic_title': {
    zh: '由示例（合成）数据计算，不代表真实统计',
    en: 'Computed from synthetic sample data; not real statistics',
  },
  'ind.table_view': { zh: '数据表', en: 'Data table' },
  'ind.provenance': { zh: '来源与计算方法', en: 'Sources and method' },
  'ind.cite': { zh: '引用', en: 'Cite' },
  'ind.download': { zh: '下载', en: 'Download' },
  'ind.download_csv': { zh: '表格（CSV）', en: 'Table (CSV)' },
  'ind.download_parquet': { zh: '表格（Parquet）', en: 'Table (Parquet)' },
  'ind.download_svg': { zh: '图表（SVG）', en: 'Chart (SVG)' },
  'ind.sources': { zh: '数据来源', en: 'Sources' },
  'ind.last_updated': { zh: '数据截至', en: 'Data as of' },
  'ind.how_computed': { zh: '计算方法', en: 'How it is computed' },
  'ind.how_computed_text': {
    zh: '由数据管道中的汇总表 {mart} 计算（SQL 文件 {file}），见下方 SQL。',
    en: 'Computed from the mart {mart} of the data pipeline (SQL file {file}), shown below.',
  },
  'ind.selection': { zh: '本图使用的行', en: 'Rows used in this chart' },
  'ind.show_sql': { zh: '显示 SQL', en: 'Show the SQL' },
  'ind.cite_gbt': { zh: 'GB/T 7714 格式', en: 'GB/T 7714 form' },
  'ind.cite_plain': { zh: '一般格式', en: 'Plain form' },
  'ind.notes': { zh: '说明', en: 'Notes' },
  'ind.col_year': { zh: '年份', en: 'Year' },
  'ind.col_series': { zh: '类别', en: 'Category' },
  'ind.col_value': { zh: '数值', en: 'Value' },
  'ind.col_share': { zh: '占比', en: 'Share' },
  'ind.unit': { zh: '单位：{unit}', en: 'Unit: {unit}' },
  'ind.source_line': { zh: '数据来源：{sources}。数据截至{date}。', en: 'Source: {sources}. Data as of {date}.' },
  'ind.ref_year': { zh: '{year}年', en: '{year}' },
  'ind.since': { zh: '较{year}年', en: 'since {year}' },
  'ind.no_rows': { zh: '此指标暂无数据。', en: 'No data for this indicator yet.' },
  'ind.licence': { zh: '许可', en: 'Licence' },
  'ind.publisher': { zh: '发布者', en: 'Publisher' },
  'ind.latest_year': { zh: '{year}年', en: '{year}' },

  'summary.level': { zh: '{year}年，{subject}为{value}', en: 'In {year}, {subject} was {value}' },
  'summary.up_pct': { zh: '，比{year}年（{ref}）增长{change}', en: ', up {change} from {ref} in {year}' },
  'summary.down_pct': { zh: '，比{year}年（{ref}）下降{change}', en: ', down {change} from {ref} in {year}' },
  'summary.up_pp': { zh: '，比{year}年（{ref}）上升{change}个百分点', en: ', up {change} percentage points from {ref} in {year}' },
  'summary.down_pp': { zh: '，比{year}年（{ref}）下降{change}个百分点', en: ', down {change} percentage points from {ref} in {year}' },
  'summary.flat': { zh: '，与{year}年（{ref}）持平', en: ', unchanged from {ref} in {year}' },
  'summary.end': { zh: '。', en: '.' },
  'summary.join': { zh: '；', en: '; ' },
  'summary.top': {
    zh: '{year}年，{subject}最大的是{label}（{value}，占{share}）',
    en: 'In {year}, the largest {subject} was {label} ({value}, {share} of the total)',
  },
  'summary.none': { zh: '此指标暂无数据。', en: 'There are no data for this indicator yet.' },
  'summary.synthetic': { zh: '（示例数据）', en: ' (sample data)' },

  'change.up': { zh: '↑ {change}', en: '↑ {change}' },
  'change.down': { zh: '↓ {change}', en: '↓ {change}' },
  'change.flat': { zh: '持平', en: 'unchanged' },
  'change.pp': { zh: '{value}个百分点', en: '{value} pp' },

  'flow.import': { zh: '进口', en: 'Imports' },
  'flow.export': { zh: '出口', en: 'Exports' },
  'flow.total': { zh: '进出口合计', en: 'Imports + exports' },
  'mode.processing': { zh: '加工贸易', en: 'Processing trade' },
  'mode.general': { zh: '一般贸易', en: 'General trade' },
  'mode.other': { zh: '其他贸易方式', en: 'Other trade modes' },
  'series.natural': { zh: '天然钻石', en: 'Natural diamonds' },
  'series.lab_grown': { zh: '培育钻石', en: 'Lab-grown diamonds' },
  'series.rough': { zh: '毛坯（未加工）', en: 'Rough (unworked)' },
  'series.polished': { zh: '成品（已加工）', en: 'Polished (worked)' },
  'series.district_usd_per_carat': { zh: '本区', en: 'District' },
  'series.nation_usd_per_carat': { zh: '全国', en: 'China' },
  'series.births': { zh: '新设企业', en: 'New firms' },
  'series.closures': { zh: '退出企业', en: 'Closed firms' },
  'series.core': { zh: '核心行业', en: 'Core industry' },
  'series.related': { zh: '相关行业', en: 'Related industries' },
  'series.other': { zh: '其他', en: 'Other' },
  'series.world': { zh: '全球合计', en: 'World total' },

  'unit.usd': { zh: '美元', en: 'USD' },
  'unit.cny': { zh: '元', en: 'CNY' },
  'unit.ratio': { zh: '%', en: '%' },
  'unit.carat': { zh: '克拉', en: 'carats' },
  'unit.persons': { zh: '人', en: 'persons' },
  'unit.firms': { zh: '家', en: 'firms' },
  'unit.usd_per_carat': { zh: '美元/克拉', en: 'USD per carat' },
  'unit.usd_thousand': { zh: '千美元', en: 'USD thousand' },

  'sources.list': { zh: '数据来源', en: 'Data sources' },
  'sources.col_source': { zh: '来源', en: 'Source' },
  'sources.col_publisher': { zh: '发布者', en: 'Publisher' },
  'sources.col_licence': { zh: '许可', en: 'Licence' },
  'sources.col_asof': { zh: '数据截至', en: 'As of' },
  'sources.col_synthetic': { zh: '性质', en: 'Nature' },
  'sources.col_files': { zh: '文件', en: 'Files' },
  'sources.real': { zh: '真实数据', en: 'Real data' },
  'sources.synthetic': { zh: '示例数据（合成）', en: 'Synthetic sample' },
  'sources.quality': { zh: '数据质量报告', en: 'Data quality report' },
  'sources.quality_lead': {
    zh: '每个输入文件：读入行数 = 载入行数 + 隔离行数。被隔离的行不会丢失，可在“隔离行”表中按文件和行号查到。',
    en: 'For every input file: rows read = rows loaded + rows quarantined. Quarantined rows are kept in the quarantine table with their file and line.',
  },
  'sources.col_file': { zh: '文件', en: 'File' },
  'sources.col_kind': { zh: '数据类型', en: 'Kind' },
  'sources.col_rows_in': { zh: '读入行数', en: 'Rows read' },
  'sources.col_loaded': { zh: '载入', en: 'Loaded' },
  'sources.col_quarantined': { zh: '隔离', en: 'Quarantined' },
  'sources.col_by_rule': { zh: '隔离原因（规则：行数）', en: 'Quarantined by rule (rule: rows)' },
  'sources.col_warnings': { zh: '警告', en: 'Warnings' },
  'sources.totals': { zh: '合计', en: 'Total' },
  'sources.checks': { zh: '数据校验', en: 'Data checks' },
  'sources.col_check': { zh: '校验', en: 'Check' },
  'sources.col_table': { zh: '数据表', en: 'Table' },
  'sources.col_result': { zh: '结果', en: 'Result' },
  'sources.col_failing': { zh: '不合格行数', en: 'Failing rows' },
  'sources.passed': { zh: '通过', en: 'Passed' },
  'sources.failed': { zh: '未通过', en: 'Failed' },
  'sources.tables': { zh: '发布的数据表', en: 'Published tables' },
  'sources.col_rows': { zh: '行数', en: 'Rows' },
  'sources.col_downloads': { zh: '下载', en: 'Downloads' },
  'sources.method': { zh: '计算方法', en: 'Methodology' },
  'sources.method_text': {
    zh: '数据管道把原始文件逐行校验后载入 DuckDB，再由 SQL 汇总表（marts）计算网站上的每个指标。本区的贸易额来自区内企业的进出口记录，全国、省、市的贸易额来自海关统计；本区占比 = 本区贸易额 ÷ 全国贸易额。',
    en: 'The data pipeline checks every row of the raw files, loads them into DuckDB, and computes every indicator on this site in SQL summary tables (marts). The district’s trade comes from its firms’ customs records; national, provincial and city trade from customs statistics; the district’s share = district trade ÷ national trade.',
  },
  'sources.link': { zh: '链接', en: 'Link' },

  'ent.list': { zh: '企业名录', en: 'Firm list' },
  'ent.search': { zh: '搜索企业名称、代码或园区', en: 'Search name, code or park' },
  'ent.count': { zh: '共 {n} 家企业', en: '{n} firms' },
  'ent.shown': { zh: '显示 {n} 家', en: '{n} shown' },
  'ent.col_name': { zh: '企业名称', en: 'Name' },
  'ent.col_uscc': { zh: '统一社会信用代码', en: 'USCC' },
  'ent.col_park': { zh: '园区', en: 'Park' },
  'ent.col_industry': { zh: '行业', en: 'Industry' },
  'ent.col_status': { zh: '登记状态', en: 'Status' },
  'ent.col_established': { zh: '成立年份', en: 'Established' },
  'ent.col_capital': { zh: '注册资本（万元）', en: 'Capital (CNY 10k)' },
  'ent.col_employees': { zh: '从业人数', en: 'Employees' },
  'ent.sort': { zh: '点击列标题排序', en: 'Click a column heading to sort' },
  'ent.truncated': { zh: '只显示前 {n} 家；完整名录请下载 CSV。', en: 'Only the first {n} are shown; download the CSV for the full list.' },
  'status.active': { zh: '存续', en: 'Active' },
  'status.revoked': { zh: '吊销', en: 'Revoked' },
  'status.deregistered': { zh: '注销', en: 'Deregistered' },
  'status.moved_out': { zh: '迁出', en: 'Moved out' },
  'status.other': { zh: '其他', en: 'Other' },

  'parks.compare': { zh: '园区对比', en: 'Park comparison' },
  'parks.list': { zh: '各园区', en: 'The parks' },
  'parks.latest': { zh: '{year}年', en: '{year}' },
  'parks.col_park': { zh: '园区', en: 'Park' },
  'parks.col_active': { zh: '存续企业', en: 'Active firms' },
  'parks.col_core': { zh: '其中核心行业', en: 'of which core industry' },
  'parks.col_employees': { zh: '从业人员', en: 'Employees' },
  'parks.col_trade': { zh: '钻石进出口', en: 'Diamond trade' },
} as const satisfies Record<string, Text>;

export type Key = keyof typeof STRINGS;

/** Every key, for tests that check both languages are filled in. */
export const KEYS = Object.keys(STRINGS) as Key[];

/**
 * The string for `key` in `lang`, with `{name}` placeholders filled from `params`. An unknown placeholder is
 * left as it is, so a missing parameter shows up on the page instead of disappearing.
 */
export function t(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  const entry: Text = STRINGS[key];
  const s = entry[lang];
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** True when `key` is in the table (for keys built from data, such as `flow.export`). */
export function hasKey(key: string): key is Key {
  return Object.prototype.hasOwnProperty.call(STRINGS, key);
}

/** Picks the language of a {zh, en} text from configuration, falling back to Chinese. */
export function pick(lang: Lang, text: Text | null | undefined): string {
  if (!text) return '';
  return text[lang] || text.zh;
}

/** The route parameter `[...lang]` is undefined for Chinese (site root) and "en" for English. */
export function langFromParam(param: string | undefined): Lang {
  return param === 'en' ? 'en' : 'zh';
}

/** Static paths for a page that exists in both languages. */
export function langStaticPaths(): { params: { lang: string | undefined } }[] {
  return [{ params: { lang: undefined } }, { params: { lang: 'en' } }];
}

/** The BCP 47 tag for the html lang attribute. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** Text in parentheses with the language's punctuation: "（2025年）" / " (2025)". */
export function paren(lang: Lang, s: string): string {
  return lang === 'zh' ? `（${s}）` : ` (${s})`;
}
