// Catalog text for the published tables that are not marts: reference tables and the quarantine.
import type { TableSchema } from '../checks.ts';

const t = (zh: string, en: string, unit?: string) => ({ zh, en, ...(unit ? { unit } : {}) });

export const REFERENCE_DOCS: Record<string, TableSchema> = {
  ref_hs: {
    title: t('HS 2022 第71章商品编码', 'HS 2022 chapter 71 nomenclature'),
    description: t('协调制度第71章（珍珠、宝石、贵金属及首饰）编码与名称。', 'Harmonized System chapter 71 codes and descriptions.'),
    order: ['hscode'],
    columns: { hscode: t('HS编码', 'HS code'), level: t('位数', 'Digits'), parent: t('上级编码', 'Parent code'), description_en: t('英文名称', 'Description'), name_zh: t('中文名称', 'Chinese name') },
  },
  ref_hs_in_force: {
    title: t('HS编码的生效年份', 'Years an HS code was in force'),
    description: t('HS 2022 新增或取代的编码生效的年份；不在其间的年份数值为空（不适用），不是0。', 'The years codes added or replaced by HS 2022 were in force; figures outside them are NULL (not applicable), never 0.'),
    order: ['hscode'],
    columns: { hscode: t('HS编码', 'HS code'), in_force_from: t('起始年份', 'First year in force'), in_force_to: t('终止年份', 'Last year in force'), note: t('说明', 'Note') },
  },
  ref_industry: {
    title: t('国民经济行业分类（GB/T 4754-2017）', 'Industrial classification (GB/T 4754-2017)'),
    description: t('门类、大类、中类、小类及说明。', 'Sections, divisions, groups and classes with notes.'),
    order: ['code'],
    columns: { level: t('层级', 'Level'), level_name: t('层级名称', 'Level name'), section: t('门类', 'Section'), division: t('大类', 'Division'), group: t('中类', 'Group'), class: t('小类', 'Class'), code: t('代码', 'Code'), name: t('名称', 'Name'), remark: t('说明', 'Note') },
  },
  ref_division: {
    title: t('行政区划代码', 'Administrative division codes'),
    description: t('省、广东各市、广州各区及本区街镇代码。', 'Provinces, Guangdong cities, Guangzhou districts and the district’s streets/towns.'),
    order: ['code'],
    columns: { code: t('代码', 'Code'), name: t('名称', 'Name'), level: t('层级', 'Level'), parent: t('上级代码', 'Parent code') },
  },
  ref_country: {
    title: t('国家和地区（ISO 3166）', 'Countries (ISO 3166)'),
    description: t('ISO 3166-1 代码及中英文名称。', 'ISO 3166-1 codes with English and Chinese names.'),
    order: ['alpha3'],
    columns: { alpha2: t('二位字母代码', 'Alpha-2'), alpha3: t('三位字母代码', 'Alpha-3'), numeric: t('数字代码', 'Numeric'), name_en: t('英文名称', 'English name'), name_zh: t('中文名称', 'Chinese name') },
  },
  ref_country_alias: {
    title: t('国家和地区名称的来源写法', 'Country spellings used by the sources'),
    description: t(
      '各来源文件中不同于ISO英文名称的国家写法及其ISO三位字母代码（本项目整理）。',
      'Spellings of countries in the source files that differ from the ISO English name, with their alpha-3 code (this project’s mapping).',
    ),
    order: ['source_name'],
    columns: { source_name: t('来源写法', 'Spelling in the source'), alpha3: t('三位字母代码', 'Alpha-3'), source: t('使用该写法的来源', 'Sources using it'), note: t('说明', 'Note') },
  },
  ref_country_project: {
    title: t('本项目设定的国家和地区名称', 'Country names set by this project'),
    description: t(
      'ISO 3166-1 没有的地区（世界、欧盟等）及按我国官方用法显示的名称（如中国香港）。',
      'Areas ISO 3166-1 has no entry for (World, European Union, …) and display names following Chinese official usage (e.g. Hong Kong, China).',
    ),
    order: ['alpha3'],
    columns: { alpha3: t('三位字母代码', 'Alpha-3'), name_en: t('英文名称', 'English name'), name_zh: t('中文名称', 'Chinese name'), note: t('说明', 'Note') },
  },
  ref_customs_partner: {
    title: t('海关国别（地区）代码', 'China Customs partner codes'),
    description: t('海关统计使用的三位贸易伙伴编码。', 'The 3-digit partner codes used in China Customs statistics.'),
    order: ['customs_code'],
    columns: { customs_code: t('海关代码', 'Customs code'), name_zh: t('中文名称', 'Chinese name'), name_en: t('英文名称（照录）', 'English name (as in source)'), iso_alpha3: t('ISO三位字母代码', 'ISO alpha-3') },
  },
  ref_customs_partner_en: {
    title: t('海关贸易伙伴英文名称（无ISO代码者）', 'English names of China Customs partners without an ISO code'),
    description: t('地区“其他”合计、属地和不详等海关代码的英文名称（本项目整理）。', 'English names for regional "other" aggregates, territories and "unknown" partner codes (this project’s).'),
    order: ['customs_code'],
    columns: { customs_code: t('海关代码', 'Customs code'), name_en: t('英文名称', 'English name'), note: t('说明', 'Note') },
  },
  ref_cny_usd: {
    title: t('人民币对美元年平均汇率', 'Annual average CNY per USD'),
    description: t('用于把人民币金额折算为美元。', 'Used to convert CNY values to USD.'),
    order: ['year'],
    columns: { year: t('年份', 'Year'), cny_per_usd: t('1美元折合人民币', 'CNY per USD', 'CNY/USD') },
  },
  ref_kp_world_total: {
    title: t('金伯利进程公布的全球毛坯钻石年产量', 'World rough-diamond production as published by the Kimberley Process'),
    description: t('金伯利进程年度汇总公布的全球产量（引自转述该汇总的报道，附链接），用于核对金伯利进程数据文件。', "KP's published annual world totals (quoted from the reports named), to reconcile the KP export against."),
    order: ['year'],
    columns: {
      year: t('年份', 'Year'),
      carats: t('产量（克拉）', 'Production', 'carat'),
      carats_rounding: t('克拉数的取整单位', 'Rounding unit of carats', 'carat'),
      value_usd: t('产值', 'Value', 'USD'),
      value_rounding: t('产值的取整单位', 'Rounding unit of value', 'USD'),
      as_published: t('原文', 'As published'),
      source_url: t('出处', 'Source'),
      difference_note_zh: t('与导出文件差异的原因', 'Why the export differs (Chinese)'),
      difference_note_en: t('与导出文件差异的原因（英文）', 'Why the export differs'),
    },
  },
};

export const QUARANTINE_DOC: TableSchema = {
  title: t('隔离行（未通过校验的输入行）', 'Quarantined input rows'),
  description: t('每一条未能载入的输入行及其文件、行号、字段、规则和原始内容。', 'Every input row that was not loaded, with its file, line, column, rule and raw text.'),
  order: ['kind', 'file', 'line', 'rule'],
  columns: {
    source_id: t('来源', 'Source'),
    kind: t('数据类型', 'Extract kind'),
    file: t('文件', 'File'),
    line: t('行号', 'Line'),
    column: t('字段', 'Column'),
    rule: t('规则', 'Rule'),
    message: t('原因', 'Reason'),
    raw: t('原始内容', 'Raw row'),
  },
};
