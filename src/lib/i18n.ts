// The one translation table for every string a reader sees (zh-CN first, then English), and the helpers that
// pick a language from the route. Chinese lives at the site root, English under /en/. The few texts that name the
// cluster (its title, what its trade is) come from its cluster.json.
import { cluster } from './cluster.ts';

export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A text in both languages, as it comes from configuration (cluster.json, catalog.json, indicator registry). */
export interface Text {
  zh: string;
  en: string;
}

const STRINGS = {
  'site.title': cluster.site.title,
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

  'search.label': { zh: '搜索本站', en: 'Search this site' },
  'search.placeholder': { zh: '搜索指标、方法、来源', en: 'Search indicators, methods, sources' },
  'search.loading': { zh: '正在搜索…', en: 'Searching…' },
  'search.count': { zh: '找到 {n} 项', en: '{n} found' },
  'search.none': { zh: '没有找到“{q}”', en: 'Nothing found for “{q}”' },
  'search.failed': { zh: '搜索索引无法加载。', en: 'The search index could not be loaded.' },
  'search.results': { zh: '搜索结果', en: 'Search results' },

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
  'nav.methods': { zh: '方法', en: 'Methods' },
  'nav.policy': { zh: '政策跟踪', en: 'Policy tracker' },
  'page.policy.title': { zh: '政策跟踪', en: 'Policy tracker' },
  'page.policy.lead': {
    zh: '发展建议的各项措施是否见效：每个指标的最新完整年度数值、基期值、目标、进度和状态。状态规则：实际进度（从基期到目标已走完的比例）不低于应有进度（基期到目标年份已过去的时间比例）为“按计划推进”，否则为“落后”。',
    en: 'Are the plan’s measures working? Each indicator’s latest complete-year value, its baseline, the target, progress and status. The rule: on track when the share of the way from baseline to target already covered is at least the share of the time to the target year that has passed; behind otherwise.',
  },
  'policy.col_indicator': { zh: '指标', en: 'Indicator' },
  'policy.col_latest': { zh: '最新值', en: 'Latest' },
  'policy.col_baseline': { zh: '基期值', en: 'Baseline' },
  'policy.col_target': { zh: '目标', en: 'Target' },
  'policy.col_progress': { zh: '进度', en: 'Progress' },
  'policy.col_status': { zh: '状态', en: 'Status' },
  'policy.col_trend': { zh: '走势', en: 'Trend' },
  'policy.status.on_track': { zh: '按计划推进', en: 'On track' },
  'policy.status.behind': { zh: '落后', en: 'Behind' },
  'policy.status.no_target': { zh: '未设目标', en: 'No target' },
  'policy.status.no_data': { zh: '无数据', en: 'No data' },
  'policy.in_year': { zh: '（{year}年）', en: ' ({year})' },
  'policy.by_year': { zh: '{year}年达到 {value}', en: '{value} by {year}' },
  'policy.illustrative': { zh: '示例目标', en: 'Illustrative target' },
  'policy.target_source': { zh: '出处：{document}，{date}', en: 'Source: {document}, {date}' },
  'policy.no_indicators': { zh: '该措施暂无可跟踪的指标。', en: 'No indicator tracks this measure yet.' },
  'policy.expected': { zh: '应有进度 {value}', en: 'expected {value}' },
  'policy.download_csv': { zh: '下载跟踪表（CSV）', en: 'Download the tracker (CSV)' },
  'policy.brief': { zh: '生成政策跟踪简报（A4）', en: 'Policy tracking brief (A4)' },
  'policy.trend_label': { zh: '{title}的走势', en: 'Trend of {title}' },
  'policy.col_measure': { zh: '措施', en: 'Measure' },
  'policy.file_note': { zh: '来源：{site}（政策跟踪页载有状态规则和目标出处）；数据截至{date}。', en: 'Source: {site} (the policy tracker page states the status rule and each target’s source); data as of {date}.' },
  'policy.downloads': { zh: '导出跟踪表', en: 'Export the tracker' },
  'policy.embed_help': { zh: '把下面的代码粘贴到内网网页中，即可显示跟踪表（含示例标记）：', en: 'Paste this code into an intranet page to show the tracker (with its sample markers):' },

  'page.overview.title': { zh: '概览', en: 'Overview' },
  'page.overview.lead': {
    zh: '集群的几项核心指标，以及与{year}年相比的变化。点击指标查看详情、数据表和来源。',
    en: 'The cluster’s headline indicators and how they changed since {year}. Follow an indicator for its chart, table and sources.',
  },
  'page.methods.title': { zh: '计算方法', en: 'Methods' },
  'page.methods.lead': {
    zh: '本站计算的每一个指标：公式、文字说明、出处、所用数据表和注意事项。数值为空时，数据表的说明列给出原因。',
    en: 'Every measure the site computes: its formula, in words, its source, the tables it reads and its caveats. Where a value is empty, the table’s note column says why.',
  },
  'methods.formula': { zh: '公式', en: 'Formula' },
  'methods.sources': { zh: '出处', en: 'Sources' },
  'methods.tables': { zh: '数据表', en: 'Tables' },
  'methods.caveats': { zh: '注意事项', en: 'Caveats' },
  'methods.trade_caveats': { zh: '贸易数据的一般注意事项', en: 'Caveats for all trade figures' },
  'methods.contents': { zh: '目录', en: 'Contents' },
  'ind.method': { zh: '计算方法', en: 'Method' },
  'page.trade.title': { zh: '贸易', en: 'Trade' },
  'page.trade.lead': cluster.site.tradeLead,
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
  'page.brief.title': { zh: '指标简报', en: 'Indicator brief' },
  'page.brief.lead': {
    zh: '选择指标，生成带图号、图题和数据来源的简报，可打印或另存为 PDF（A4）。',
    en: 'Choose indicators for a brief with numbered figures, captions and sources, to print or save as PDF (A4).',
  },
  'brief.choose': { zh: '选择指标', en: 'Choose indicators' },
  'brief.apply': { zh: '生成简报', en: 'Make the brief' },
  'brief.print': { zh: '打印 / 另存为 PDF', en: 'Print / save as PDF' },
  'brief.link': { zh: '本简报的链接', en: 'Link to this brief' },
  'brief.count': { zh: '共 {n} 幅图', en: '{n} figures' },
  'explorer.title': { zh: '按商品和流向查看本区占全国比重', en: 'District share of China’s trade by product and flow' },
  'explorer.lead': {
    zh: '选择商品类别、贸易流向和时期；地址栏中的链接可保存或分享当前选择。',
    en: 'Choose a product group, a trade flow and a period; the address bar keeps the choice for saving or sharing.',
  },
  'explorer.group': { zh: '商品类别', en: 'Product group' },
  'explorer.flow': { zh: '贸易流向', en: 'Flow' },
  'explorer.from': { zh: '起始年份', en: 'From' },
  'explorer.to': { zh: '截止年份', en: 'To' },
  'explorer.period': { zh: '{from}年至{to}年：由{a}变为{b}', en: '{from} to {to}: from {a} to {b}' },
  'explorer.period_one': { zh: '{from}年：{a}', en: '{from}: {a}' },

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
  'ind.download_png': { zh: '图片（PNG）', en: 'Image (PNG)' },
  'ind.download_docx': { zh: 'Word 文档（DOCX）', en: 'Word document (DOCX)' },
  'ind.download_chart_csv': { zh: '图中数据（CSV）', en: 'Chart data (CSV)' },
  'ind.embed': { zh: '嵌入网页', en: 'Embed' },
  'ind.embed_help': {
    zh: '把下面的代码粘贴到内网网页中，即可显示此图表（含标题、来源和示例数据标记）：',
    en: 'Paste this code into an intranet page to show the chart (with its title, source and sample-data marker):',
  },
  'ind.embed_code': { zh: '嵌入代码', en: 'Embed code' },
  'ind.embed_open': { zh: '在数据看板中查看', en: 'View on the dashboard' },
  'ind.figure': { zh: '图{n}', en: 'Figure {n}' },
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
  // Complete periods (periodCompleteness.ts): a period whose coverage falls short of the previous complete one.
  'period.partial': { zh: '不完整', en: 'partial' },
  'summary.partial': { zh: '{periods}年数据不完整（图中以虚线、空心标记），未计入比较和排名。', en: ' Data for {periods} are incomplete (dashed, hollow marks) and left out of changes and rankings.' },
  'ind.source_line_complete': { zh: '数据来源：{sources}。数据截至{date}，完整数据截至{period}年。', en: 'Source: {sources}. Data as of {date}; complete through {period}.' },
  'sources.complete_through': { zh: '完整数据截至{period}年', en: 'complete through {period}' },
  'period.h1': { zh: '上半年', en: 'H1' },
  'period.h2': { zh: '下半年', en: 'H2' },
  'period.months': { zh: '{from}–{to}月', en: 'months {from}–{to}' },
  'summary.same_period_up': { zh: '{year}年{part}为{value}，比{previous}年同期（{ref}，同一批报告方）增长{change}。', en: ' In {year} {part}, it was {value}, up {change} from {ref} in the same part of {previous} (same reporters).' },
  'summary.same_period_down': { zh: '{year}年{part}为{value}，比{previous}年同期（{ref}，同一批报告方）下降{change}。', en: ' In {year} {part}, it was {value}, down {change} from {ref} in the same part of {previous} (same reporters).' },
  'sources.periods': { zh: '不完整的期间', en: 'Incomplete periods' },
  'sources.periods_lead': { zh: '覆盖范围（月份、半年度、报告国、报告企业）未达到上一个完整期间的期间：图中以虚线、空心标出，不计入比较和排名。', en: 'Periods whose coverage (months, half-years, reporters, firms reporting) falls short of the last complete period: drawn dashed and hollow, left out of changes and rankings.' },
  'sources.col_period': { zh: '期间', en: 'Period' },
  'sources.col_measure': { zh: '覆盖指标', en: 'Coverage measure' },
  'sources.col_coverage': { zh: '覆盖', en: 'Coverage' },
  'sources.col_reference': { zh: '参照（完整期间）', en: 'Reference (complete period)' },
  'sources.csv_omitted': { zh: '行数超过电子表格的上限，未提供CSV：请下载Parquet或使用SQL工作台。', en: 'Too many rows for a spreadsheet, so no CSV: use the Parquet file or the SQL workbench.' },

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
  'series.district_usd_per_carat': { zh: '本区', en: 'District' },
  'series.nation_usd_per_carat': { zh: '全国', en: 'China' },
  'series.mirror_importer': { zh: '进口国申报的进口（到岸价）', en: 'Imports as the importer reports them (CIF)' },
  'series.mirror_exporter': { zh: '出口国申报的出口（离岸价，镜像）', en: 'Exports as the exporter reports them (FOB, the mirror)' },
  'series.births': { zh: '新设企业', en: 'New firms' },
  'series.largest_firm': { zh: '最大企业', en: 'Largest firm' },
  'series.top5_firms': { zh: '前五大企业合计', en: 'Five largest firms together' },
  'series.ss_growth': { zh: '总体增长效应', en: 'Growth effect' },
  'series.ss_mix': { zh: '行业结构效应', en: 'Industry mix' },
  'series.ss_shift': { zh: '本地竞争效应', en: 'Local shift' },
  'series.closures': { zh: '退出企业', en: 'Closed firms' },
  'series.core': { zh: '核心行业', en: 'Core industry' },
  'series.related': { zh: '相关行业', en: 'Related industries' },
  'series.other': { zh: '其他', en: 'Other' },
  'series.world': { zh: '全球合计', en: 'World total' },
  'series.rough_exports_to_rival': { zh: '毛坯出口', en: 'Rough exports' },
  'series.polished_imports_from_rival': { zh: '成品进口', en: 'Polished imports' },
  'level.district': { zh: '本区', en: 'District' },
  'level.nation': { zh: '全国', en: 'China' },

  'unit.usd': { zh: '美元', en: 'USD' },
  'unit.cny': { zh: '元', en: 'CNY' },
  'unit.ratio': { zh: '%', en: '%' },
  'unit.carat': { zh: '克拉', en: 'carats' },
  'unit.persons': { zh: '人', en: 'persons' },
  'unit.firms': { zh: '家', en: 'firms' },
  'unit.usd_per_carat': { zh: '美元/克拉', en: 'USD per carat' },
  'unit.usd_thousand': { zh: '千美元', en: 'USD thousand' },
  'unit.index': { zh: '指数', en: 'index' },

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
  'sources.names': { zh: '未识别的名称', en: 'Names not recognised' },
  'sources.names_lead': {
    zh: '下列名称在参考表中找不到中文或英文名称（规则 name_unmatched）。相关行的数值照常计入合计，页面上显示为“名称未识别”而不显示原文；把该写法加入 data/reference/countries/country_aliases.csv（或相应参考表）即可修正。',
    en: 'These names have no Chinese or English form in the reference tables (rule name_unmatched). Their rows still count in every total; pages label them “name not recognised” instead of showing the raw text. Adding the spelling to data/reference/countries/country_aliases.csv (or the matching reference table) fixes it.',
  },
  'sources.names_none': { zh: '所有名称均已识别。', en: 'Every name was recognised.' },
  'sources.col_name_raw': { zh: '原文名称', en: 'Name as written' },
  'sources.col_column': { zh: '字段', en: 'Column' },
  'sources.col_missing': { zh: '缺少', en: 'Missing' },
  'names.missing_zh': { zh: '中文名称', en: 'Chinese name' },
  'names.missing_en': { zh: '英文名称', en: 'English name' },
  'names.missing_both': { zh: '中英文名称', en: 'Chinese and English names' },
  'names.unmatched': { zh: '名称未识别', en: 'Name not recognised' },
  'names.code_only': { zh: '代码 {code}（名称未识别）', en: 'Code {code} (name not recognised)' },
  'names.industry_code': { zh: '行业 {code}（GB/T 4754）', en: 'Industry {code} (GB/T 4754)' },
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
  'parks.choose': { zh: '突出显示园区', en: 'Bring a park forward' },
  'parks.all': { zh: '全部园区', en: 'All parks' },
  'parks.open': { zh: '查看{park}的详细数据', en: 'Open the page of {park}' },
  'parks.list': { zh: '各园区', en: 'The parks' },
  'parks.latest': { zh: '{year}年', en: '{year}' },
  'parks.col_park': { zh: '园区', en: 'Park' },
  'parks.col_active': { zh: '存续企业', en: 'Active firms' },
  'parks.col_core': { zh: '其中核心行业', en: 'of which core industry' },
  'parks.col_employees': { zh: '从业人员', en: 'Employees' },
  'parks.col_trade': cluster.totalGroup.tradeLabel,

  'sql.nav': { zh: 'SQL 查询', en: 'SQL' },
  'sql.title': { zh: 'SQL 工作台', en: 'SQL workbench' },
  'sql.lead': {
    zh: '用 SQL 直接查询本站发布的全部数据表。查询引擎（DuckDB）在您的浏览器中运行：数据不离开本机，也不会访问其他网站。',
    en: 'Query every table this site publishes with SQL. The engine (DuckDB) runs in your browser: the data stays on your computer and nothing is fetched from other websites.',
  },
  'sql.loading': { zh: '正在加载 DuckDB 查询引擎（首次加载约需几秒）…', en: 'Loading the DuckDB engine (a few seconds the first time)…' },
  'sql.ready': { zh: '就绪：{n} 张表可供查询。', en: 'Ready: {n} tables to query.' },
  'sql.load_failed': { zh: 'DuckDB 加载失败：{message}', en: 'DuckDB failed to load: {message}' },
  'sql.needs_js': { zh: 'SQL 工作台需要启用 JavaScript 和 WebAssembly。', en: 'The SQL workbench needs JavaScript and WebAssembly.' },
  'sql.tables': { zh: '数据表', en: 'Tables' },
  'sql.tables_hint': { zh: '点击表名把它插入编辑器；“预览”查看前 100 行。', en: 'Click a table name to insert it; “Preview” shows its first 100 rows.' },
  'sql.table_rows': { zh: '{n} 行', en: '{n} rows' },
  'sql.preview': { zh: '预览', en: 'Preview' },
  'sql.col_name': { zh: '列名', en: 'Column' },
  'sql.col_type': { zh: '类型', en: 'Type' },
  'sql.col_desc': { zh: '说明', en: 'Description' },
  'sql.col_unit': { zh: '单位', en: 'Unit' },
  'sql.examples': { zh: '示例问题', en: 'Example questions' },
  'sql.examples_hint': { zh: '点击即运行，可在编辑器中修改。', en: 'Click to run; edit the query afterwards.' },
  'sql.editor_label': { zh: 'SQL 编辑器', en: 'SQL editor' },
  'sql.run': { zh: '运行', en: 'Run' },
  'sql.run_hint': { zh: 'Ctrl+Enter（Mac：⌘+Enter）', en: 'Ctrl+Enter (Mac: ⌘+Enter)' },
  'sql.cancel': { zh: '停止', en: 'Stop' },
  'sql.running': { zh: '正在运行…', en: 'Running…' },
  'sql.summary': { zh: '{rows} 行，{cols} 列，用时 {ms} 毫秒', en: '{rows} rows, {cols} columns in {ms} ms' },
  'sql.truncated': { zh: '结果超过 {n} 行，只保留了前 {n} 行。请在 SQL 中汇总或加 LIMIT。', en: 'The result has more than {n} rows; only the first {n} were kept. Aggregate in SQL or add a LIMIT.' },
  'sql.no_rows': { zh: '查询已执行，没有返回行。', en: 'The query ran and returned no rows.' },
  'sql.results': { zh: '查询结果', en: 'Result' },
  'sql.page': { zh: '第 {page} 页，共 {pages} 页', en: 'Page {page} of {pages}' },
  'sql.page_first': { zh: '首页', en: 'First' },
  'sql.page_prev': { zh: '上一页', en: 'Previous' },
  'sql.page_next': { zh: '下一页', en: 'Next' },
  'sql.page_last': { zh: '末页', en: 'Last' },
  'sql.page_go': { zh: '跳到页', en: 'Go to page' },
  'sql.export_csv': { zh: '下载 CSV', en: 'Download CSV' },
  'sql.export_xlsx': { zh: '下载 Excel（XLSX）', en: 'Download Excel (XLSX)' },
  'sql.chart': { zh: '快速图表', en: 'Quick chart' },
  'sql.chart_x': { zh: '横轴', en: 'x' },
  'sql.chart_y': { zh: '纵轴', en: 'y' },
  'sql.chart_colour': { zh: '颜色', en: 'Colour' },
  'sql.chart_mark': { zh: '图形', en: 'Mark' },
  'sql.chart_none': { zh: '（无）', en: '(none)' },
  'sql.mark_line': { zh: '折线', en: 'Line' },
  'sql.mark_bar': { zh: '柱形', en: 'Bar' },
  'sql.mark_dot': { zh: '散点', en: 'Dot' },
  'sql.chart_draw': { zh: '绘制', en: 'Draw' },
  'sql.chart_svg': { zh: '下载 SVG', en: 'Download SVG' },
  'sql.chart_png': { zh: '下载 PNG', en: 'Download PNG' },
  'sql.chart_capped': { zh: '图中只画前 {n} 行。', en: 'Only the first {n} rows are drawn.' },
  'sql.share': { zh: '复制分享链接', en: 'Copy share link' },
  'sql.share_done': { zh: '链接已放入地址栏并复制：打开它的人会看到同一条查询。', en: 'The link is in the address bar and copied: whoever opens it gets the same query.' },
  'sql.share_shown': { zh: '链接已放入地址栏（请手动复制）。', en: 'The link is in the address bar (copy it from there).' },
  'sql.save_name': { zh: '查询名称', en: 'Query name' },
  'sql.save': { zh: '保存', en: 'Save' },
  'sql.saved': { zh: '已保存的查询', en: 'Saved queries' },
  'sql.history': { zh: '最近运行', en: 'History' },
  'sql.open': { zh: '打开', en: 'Open' },
  'sql.delete': { zh: '删除', en: 'Delete' },
  'sql.saved_ok': { zh: '已保存“{name}”（保存在本浏览器中）。', en: 'Saved “{name}” (kept in this browser).' },
  'sql.name_needed': { zh: '请先输入查询名称。', en: 'Enter a name for the query first.' },
  'sql.import_csv': { zh: '导入本地 CSV、Excel（XLSX）或 Parquet 文件（也可拖放到本页；只在本机处理）', en: 'Import a local CSV, Excel (XLSX) or Parquet file (or drop it on the page; it stays on this computer)' },
  'sql.importing': { zh: '正在读取 {name}……', en: 'Reading {name}…' },
  'sql.imported': { zh: '已导入为表 {table}（{rows} 行）。', en: 'Imported as table {table} ({rows} rows).' },
  'sql.imported_sheet': { zh: '工作表“{sheet}”已导入为表 {table}（{rows} 行）。', en: 'Worksheet “{sheet}” imported as table {table} ({rows} rows).' },
  'sql.other_sheets': { zh: '只导入了第一个工作表；其余工作表未导入：{sheets}。', en: 'Only the first worksheet was imported; not imported: {sheets}.' },
  'sql.xlsx_legacy': {
    zh: '这是旧版 Excel 97–2003 工作簿（.xls）或加了密码的文件，无法在这里读取。请在 Excel 或 WPS 中另存为 .xlsx（或 CSV，并去掉密码）后再导入。',
    en: 'This is an old Excel 97–2003 workbook (.xls) or a password-protected file, which cannot be read here. Save it as .xlsx (or CSV, without a password) in Excel or WPS and import that.',
  },
  'sql.xlsx_not_xlsx': { zh: '这不是 Excel 工作簿（.xlsx）。', en: 'This is not an Excel workbook (.xlsx).' },
  'sql.xlsx_damaged': { zh: '文件已损坏或不完整，无法作为 Excel 工作簿读取。', en: 'The file is damaged or incomplete and cannot be read as an Excel workbook.' },
  'sql.xlsx_no_sheet': { zh: '文件中没有工作表。', en: 'The file has no worksheet.' },
  'sql.xlsx_empty': { zh: '第一个工作表“{sheet}”是空的。', en: 'The first worksheet, “{sheet}”, is empty.' },
  'sql.err_title': { zh: '查询出错', en: 'The query failed' },
  'sql.err_sql': { zh: 'DuckDB 无法执行这条 SQL：', en: 'DuckDB could not run this SQL:' },
  'sql.err_memory': { zh: '浏览器内存不足：请在 SQL 中先汇总、筛选或加 LIMIT，减少返回的行数。', en: 'The browser ran out of memory: aggregate, filter or add a LIMIT so the query returns fewer rows.' },
  'sql.err_network': { zh: '已拒绝：工作台只能读取本站的数据，不能访问其他网站或网络地址。', en: 'Refused: the workbench reads only this site’s data and cannot reach other websites or network addresses.' },
  'sql.err_extension': { zh: '这条查询需要 DuckDB 扩展，而扩展要从互联网下载，离线环境中不可用（Parquet 或 Excel 文件请用上方的导入按钮）。', en: 'This query needs a DuckDB extension, which would be downloaded from the internet and is unavailable offline (for a Parquet or Excel file, use the import button above).' },
  'sql.err_extensions_disabled': { zh: '此工作台已禁用 DuckDB 扩展：INSTALL、LOAD 不会安装或加载任何扩展，这条语句未执行。已发布的数据表和导入的 CSV、Excel、Parquet 文件无需扩展即可查询。', en: 'Extensions are disabled in this workbench: INSTALL and LOAD install or load nothing, and this statement was not run. The published tables and imported CSV, Excel and Parquet files need no extension.' },
  'sql.err_cancelled': { zh: '查询已停止。', en: 'The query was stopped.' },
  'sql.err_file': { zh: '无法读取这个文件：', en: 'This file could not be read:' },
  'sql.err_other': { zh: '出现错误：', en: 'Something went wrong:' },
  'sql.err_at': { zh: '出错位置已在编辑器中标出（第 {line} 行第 {col} 列）。', en: 'The editor cursor marks where (line {line}, column {col}).' },
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
