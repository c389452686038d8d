// The methods page's content: every formula the site computes, in notation and in words, with its canonical
// source, the published tables it reads and its caveats. Indicators and the workbench link here by id
// (/methods/#<id>), so a reader can always get from a figure to how it was made.
import type { Text } from './i18n.ts';
import { cluster } from './cluster.ts';
import { processingMethods } from './processingMethods.ts';

export interface Method {
  /** Anchor on the methods page; indicators name it in their `method` field. */
  id: string;
  title: Text;
  /** The formula in notation: trusted markup from this file only (var, sub, sup), the same in both languages. */
  formula: string;
  /** What the symbols are and how to read the result. */
  words: Text;
  /** Canonical sources, as a reader would cite them. */
  sources: string[];
  /** Published tables that hold the inputs and the result. */
  tables: string[];
  caveats?: Text[];
}

const text = (zh: string, en: string): Text => ({ zh, en });

const SHARE: Method = {
    id: 'share',
    title: text('本区占全国比重', 'District share of national trade'),
    formula: '<var>s</var> = <var>X</var><sub>d</sub> ÷ <var>X</var><sub>n</sub>',
    words: text(
      'X_d 为本区某商品组某年的进出口额（美元），X_n 为全国同一商品组、同一年份、同一方向的金额。',
      'X_d is the district’s trade in a commodity group in a year (USD); X_n is the nation’s in the same group, year and flow.',
    ),
    sources: ['WITS (World Bank), “Trade Indicators: Export Market Share”'],
    tables: ['mart_trade_share'],
    caveats: [
      text(
        '本区数值来自区内企业的进出口记录，全国数值来自海关统计：两者口径相同（按经营单位注册地），但由不同渠道取得。',
        'District values come from the district firms’ customs records, national values from customs statistics: the same basis (the firm’s registered place), obtained through different channels.',
      ),
    ],
};

function caratUnitValue(): Method {
  return {
    id: 'unit-value',
    title: text('单价（每克拉美元）', 'Unit value (USD per carat)'),
    formula: '<var>UV</var> = <var>V</var> ÷ <var>Q</var>',
    words: text(
      'V 为金额（美元），Q 为数量（克拉）。没有数量或数量为零时单价为空，不为零。',
      'V is the value (USD), Q the quantity (carats). With no quantity, or a zero one, the unit value is empty, not zero.',
    ),
    sources: ['WITS (World Bank), “Unit value”'],
    tables: ['mart_trade_share'],
    caveats: [
      text('中国海关对部分税目以克计量：按 1 克拉 = 0.2 克换算为克拉。', 'China’s customs record some tariff lines in grams: converted at 1 carat = 0.2 g.'),
    ],
  };
}

/** Mirror trade: only for a cluster that takes UN Comtrade exports (cluster.json "sourceKinds"). */
const MIRROR: Method = {
  id: 'mirror',
  title: text('镜像贸易（进口国申报与出口国申报对照）', 'Mirror trade (importer’s report against exporter’s report)'),
  formula:
    '<var>G</var><sub>ij,g</sub> = <var>M</var><sub>ij,g</sub> − <var>X</var><sub>ji,g</sub>,  <var>R</var><sub>ij,g</sub> = <var>M</var><sub>ij,g</sub> ÷ <var>X</var><sub>ji,g</sub>,  1 ≤ <var>R</var> ≤ 1 + <var>m</var>',
  words: text(
    'M_ij,g 为进口国 i 申报的自 j 进口（商品组 g，到岸价 CIF），X_ji,g 为出口国 j 申报的对 i 出口（离岸价 FOB），即 M 的“镜像”。G 为差额，R 为镜像比值；m 为惯用的到岸/离岸价差（运费和保险费），取 6%–10%。R 在 1 与 1 + m 之间，差额可由运保费解释；R 更高或低于 1，则另有原因（见注意事项）。任何一方没有数字时，差额和比值为空，并注明是对方当年尚未发布、没有该行，还是出口额为零，不记为 0，也不产生无穷大。',
    'M_ij,g is what importer i declares it bought from j (group g, CIF), X_ji,g what exporter j declares it sold to i (FOB): the “mirror” of M. G is the gap, R the mirror ratio; m is the conventional CIF/FOB margin (freight and insurance), taken as 6–10 %. With R between 1 and 1 + m, freight and insurance explain the gap; a higher R, or one below 1, has other causes (see the caveats). When either side has no figure the gap and ratio are empty, with the reason (the partner has not published the year, has no such line, or reports zero exports), never 0 and never infinite.',
  ),
  sources: [
    'Bustos, S., Jackson, E., Torun, D., Leonard, B., Tuzcu, N., Lukaszuk, P., White, A., Hausmann, R. and Yildirim, M. A. (2025), “Tackling Discrepancies in Trade Data: The Harvard Growth Lab International Trade Datasets”, Growth Lab Working Paper 251',
    'Gaulier, G. and Zignago, S. (2010), “BACI: International Trade Database at the Product-Level. The 1994–2007 Version”, CEPII Working Paper 2010-23',
    'IMF, Direction of Trade Statistics Yearbook (2017), introduction: CIF/FOB factor 1.06 (1.10 earlier)',
    'Miao, G. and Fortanier, F. (2017), “Estimating Transport and Insurance Costs of International Trade”, OECD Statistics Working Papers 2017/04 (trade-weighted average margin about 6 %)',
    'United Nations (2011), International Merchandise Trade Statistics: Concepts and Definitions 2010 (IMTS 2010): imports CIF by country of origin, exports FOB by country of last known destination',
  ],
  tables: ['mart_mirror_trade'],
  caveats: [
    text(
      '转口：进口国按原产地记录伙伴，出口国按已知的最后目的地记录。经香港等枢纽转运的货物，进口国记为自原产国进口，原产国却记为对枢纽出口，镜像比值因此高于 1 + m。',
      'Re-exports: importers record the country of origin, exporters the last known destination. Goods shipped through a hub such as Hong Kong are imports from the origin for the importer but exports to the hub for the origin, which lifts the ratio above 1 + m.',
    ),
    text(
      '时间差（年末发运、次年到港）、估价差异、归类不同（同一商品归入不同的 HS 子目，或 HS 版本不同）以及保密的税目（一方隐去该行）都会造成差额；单位重量价值高的货物运保费率远低于 6%。',
      'Timing (shipped at year end, arrived the next year), valuation, classification (the same goods under another HS subheading or edition) and confidential lines (one side withholding the line) all open gaps; goods of high value per kilogram carry freight and insurance far below 6 %.',
    ),
    text(
      '只比较年度合计（全部海关程序、运输方式和第二伙伴）。Growth Lab 与 BACI 进一步按各国申报的可靠性加权合并两方数字；本站只并列展示两方数字，不作调整。',
      'Only annual totals are compared (all customs procedures, modes of transport and second partners). The Growth Lab and BACI go on to combine the two figures weighted by each reporter’s reliability; the site shows both side by side without adjusting them.',
    ),
  ],
};

/** Every method, in the page's order; the unit value per carat only for a cluster whose goods are counted in carats. */
export const METHODS: readonly Method[] = [
  SHARE,
  ...(cluster.totalGroup.carats ? [caratUnitValue()] : []),
  {
    id: 'rca',
    title: text('显示性比较优势（巴拉萨指数）', 'Revealed comparative advantage (Balassa index)'),
    formula:
      '<var>RCA</var><sub>g</sub> = (<var>X</var><sub>d,g</sub> ÷ Σ<sub>k</sub> <var>X</var><sub>d,k</sub>) ÷ (<var>X</var><sub>r,g</sub> ÷ Σ<sub>k</sub> <var>X</var><sub>r,k</sub>)',
    words: text(
      'X_d,g 为本区商品组 g 的出口（或进口）额，X_r,g 为参照地区（全省或全国）的同一金额，k 取遍集群的全部商品组。RCA 大于 1 表示本区在该组上相对参照地区更专业化。本区当年没有任何贸易、或参照地区没有该组贸易时，指数为空并注明原因。',
      'X_d,g is the district’s exports (or imports) of group g, X_r,g the same for the reference region (province or nation), and k runs over the cluster’s groups. Above 1, the district is more specialised in the group than the reference region. With no district trade in the year, or no reference trade in the group, the index is empty and the reason is given.',
    ),
    sources: [
      'Balassa, B. (1965), “Trade Liberalisation and ‘Revealed’ Comparative Advantage”, The Manchester School 33(2): 99–123',
      'WITS (World Bank), “Trade Indicators: Revealed comparative advantage”',
    ],
    tables: ['mart_rca'],
    caveats: [
      text(
        '篮子只含集群的商品组（数据中没有其他商品），所以指数说明本区在集群商品内部的专业化程度，而不是相对全部商品的专业化程度。',
        'The basket holds only the cluster’s groups (the extracts hold no other goods), so the index measures specialisation within the cluster’s products, not against all goods.',
      ),
    ],
  },
  {
    id: 'hhi',
    title: text('贸易伙伴集中度（赫芬达尔—赫希曼指数）', 'Partner concentration (Herfindahl–Hirschman index)'),
    formula: '<var>HHI</var> = Σ<sub>j</sub> (100 · <var>s</var><sub>j</sub>)<sup>2</sup>,  <var>s</var><sub>j</sub> = <var>X</var><sub>j</sub> ÷ Σ<sub>k</sub> <var>X</var><sub>k</sub>',
    words: text(
      's_j 为贸易伙伴 j 在某年某商品组进口（或出口）中所占份额。指数在 0 到 10000 之间：只有一个伙伴时为 10000。解读分档：低于 1500 为分散，1500–2500 为中度集中，高于 2500 为高度集中。没有贸易的年份指数为空（no_trade）。',
      's_j is partner j’s share of the year’s imports (or exports) in a group. The index runs from 0 to 10,000 (a single partner). Reading bands: below 1,500 unconcentrated, 1,500–2,500 moderately concentrated, above 2,500 highly concentrated. A year with no trade has an empty index (no_trade).',
    ),
    sources: [
      'Hirschman, A. O. (1945), National Power and the Structure of Foreign Trade; Herfindahl, O. C. (1950), Concentration in the Steel Industry',
      'U.S. Department of Justice and Federal Trade Commission (2010), Horizontal Merger Guidelines, §5.3 (the reading bands)',
      'WITS (World Bank), “Trade Indicators: Hirschman Herfindahl index” (the same index on a 0–1 scale)',
    ],
    tables: ['mart_partner_concentration', 'mart_trade_partner_year'],
    caveats: [
      text(
        '2023 年美国《合并指南》把“高度集中”的门槛下调为 1800；本站沿用 2010 年的分档，并公布指数本身，读者可按需要分档。',
        'The 2023 US Merger Guidelines lowered the “highly concentrated” threshold to 1,800; the site keeps the 2010 bands and publishes the index itself, so readers can band it as they need.',
      ),
      text(
        '经香港转口的贸易记在香港名下，真实的最终市场可能更分散（或更集中于某一国家）。',
        'Trade re-exported through Hong Kong is recorded against Hong Kong, so the final markets may be more (or less) concentrated than the index shows.',
      ),
    ],
  },
  {
    id: 'cms',
    title: text('恒定市场份额分解', 'Constant-market-share decomposition'),
    formula:
      'Δ<var>V</var> = <var>r</var><var>V</var><sup>0</sup> + Σ<sub>i</sub> (<var>r</var><sub>i</sub> − <var>r</var>) <var>V</var><sub>i</sub><sup>0</sup> + Σ<sub>i</sub> Σ<sub>j</sub> (<var>r</var><sub>ij</sub> − <var>r</var><sub>i</sub>) <var>V</var><sub>ij</sub><sup>0</sup> + [Δ<var>V</var> − Σ<sub>i</sub> Σ<sub>j</sub> <var>r</var><sub>ij</sub> <var>V</var><sub>ij</sub><sup>0</sup>]',
    words: text(
      'V_ij 为本区商品组 i 对伙伴 j 的出口，上标 0 为基期（上一年）。r、r_i、r_ij 分别为全国出口总额、商品组 i、商品组 i 对伙伴 j 出口的增长率。四项依次为规模效应（全国出口增长带来的变化）、商品结构效应、市场结构效应和竞争力效应（份额的得失）。全国某格基期为零时，用上一级增长率代替，该格不计入相应效应。',
      'V_ij is the district’s exports of group i to partner j, superscript 0 the base (previous) year. r, r_i and r_ij are the growth of the nation’s exports in total, in group i, and in group i to partner j. The four terms are the scale effect (what national growth alone would have brought), the commodity effect, the market effect and the competitiveness effect (shares won or lost). Where the nation had no base-year exports in a cell, the next coarser growth rate stands in, so that cell adds nothing to that effect.',
    ),
    sources: [
      'Leamer, E. E. and Stern, R. M. (1970), Quantitative International Economics, ch. 7',
      'Richardson, J. D. (1971), “Constant-market-shares analysis of export growth”, Journal of International Economics 1(2): 227–239',
    ],
    tables: ['mart_export_cms', 'mart_trade_partner_year'],
    caveats: [
      text(
        '参照市场为全国出口，其中包含本区自身；本区份额越大，竞争力效应越被低估。',
        'The reference is the nation’s exports, which include the district itself; the larger the district’s share, the more the competitiveness effect is understated.',
      ),
      text(
        '分解按基期权重计算，结果取决于所选基期与商品、伙伴的划分粒度。',
        'The split uses base-year weights; it depends on the base year and on how finely groups and partners are divided.',
      ),
    ],
  },
  {
    id: 'lq',
    title: text('就业区位商', 'Employment location quotient'),
    formula: '<var>LQ</var><sub>i</sub> = (<var>e</var><sub>i</sub> ÷ <var>e</var>) ÷ (<var>E</var><sub>i</sub> ÷ <var>E</var>)',
    words: text(
      'e_i 为本区行业 i 的从业人员，e 为本区全部行业从业人员（年鉴“合计”行）；E_i、E 为参照地区（市、省或全国，年鉴表标题注明地区）的同一数字。LQ 大于 1 表示该行业在本区的就业比重高于参照地区，即相对集中。所需数字缺失或为零时区位商为空并注明原因（如 no_district_total、no_reference_employment_in_industry），不为 0；本区表格未报告的行业是缺失，不是零。',
      'e_i is the district’s persons employed in industry i, e its persons employed in all industries (the yearbook’s 合计 row); E_i and E are the same for the reference region (city, province or nation; the yearbook table’s title names it). Above 1, the industry’s share of employment is higher in the district than in the reference region: it is relatively concentrated there. Where a figure it needs is missing or zero the quotient is empty with the reason (e.g. no_district_total, no_reference_employment_in_industry), never 0; an industry the district’s table does not report is missing, not zero.',
    ),
    sources: [
      'U.S. Cluster Mapping (Harvard Business School / U.S. Economic Development Administration), “Location quotient” in its data definitions',
      'Isard, W. (1960), Methods of Regional Analysis, ch. 7',
    ],
    tables: ['mart_employment_lq', 'mart_employment_industry'],
    caveats: [
      text(
        '参照地区包含本区自身；本区占参照地区的比重越大，区位商越接近 1。',
        'The reference region includes the district itself; the larger the district’s part of it, the closer the quotient is pulled toward 1.',
      ),
      text(
        '年鉴的从业人员口径（城镇单位、全部从业人员、经济普查）各不相同：本区与参照地区应取同一口径的表格。',
        'Yearbooks count employment on different bases (urban units, all persons employed, economic census): the district and the reference region should come from tables on the same basis.',
      ),
    ],
  },
  {
    id: 'shift-share',
    title: text('偏离—份额分解（就业）', 'Shift-share decomposition (employment)'),
    formula:
      '<var>e</var><sub>i</sub><sup>t</sup> − <var>e</var><sub>i</sub><sup>0</sup> = <var>e</var><sub>i</sub><sup>0</sup><var>G</var> + <var>e</var><sub>i</sub><sup>0</sup>(<var>G</var><sub>i</sub> − <var>G</var>) + [<var>e</var><sub>i</sub><sup>t</sup> − <var>e</var><sub>i</sub><sup>0</sup>(1 + <var>G</var><sub>i</sub>)],  <var>G</var> = <var>E</var><sup>t</sup> ÷ <var>E</var><sup>0</sup> − 1,  <var>G</var><sub>i</sub> = <var>E</var><sub>i</sub><sup>t</sup> ÷ <var>E</var><sub>i</sub><sup>0</sup> − 1',
    words: text(
      'e_i 为本区行业 i 的从业人员，上标 0 为基准年（集群配置的参照年），t 为当年；E、E_i 为参照地区全部行业和行业 i 的从业人员。三项依次为：总体增长效应（本区该行业若按参照地区总就业增速增长应有的变化；以全国为参照即“全国增长效应”）、行业结构效应（该行业在参照地区比总体快或慢带来的部分）和本地竞争效应（其余部分，即本区比参照地区同一行业多增或少增的人数，= e_i⁰(g_i − G_i)）。三项之和等于变化量。基准年本区为零时，全部变化计入本地竞争效应；基准年或当年缺少数字、参照地区基准年为零时结果为空并注明原因。',
      'e_i is the district’s persons employed in industry i, superscript 0 the base year (the cluster’s reference year) and t the year; E and E_i are the reference region’s persons employed in all industries and in industry i. The terms are the growth effect (what the industry would have gained growing as fast as all employment in the reference region; against the nation, the “national growth” share), the industry mix (what the industry’s faster or slower growth in the reference region adds) and the local shift (the rest: how many more or fewer the district gained than the industry did in the reference region, = e_i⁰(g_i − G_i)). They add up to the change. With zero district employment in the base year the whole change is local shift; with a figure missing in the base year or the year, or a zero reference base, the result is empty with the reason.',
    ),
    sources: [
      'Dunn, E. S. (1960), “A statistical and analytical technique for regional analysis”, Papers and Proceedings of the Regional Science Association 6: 97–112',
      'Stevens, B. H. and Moore, C. L. (1980), “A critical review of the literature on shift-share as a forecasting technique”, Journal of Regional Science 20(4): 419–437',
    ],
    tables: ['mart_employment_shift_share', 'mart_employment_lq'],
    caveats: [
      text(
        '分解按基准年的结构计算，结果取决于所选基准年；本地竞争效应是“其余部分”，不能单独证明政策效果。',
        'The split uses the base year’s structure, so it depends on the base year chosen; the local shift is a remainder and does not by itself prove a policy’s effect.',
      ),
    ],
  },
  ...(!cluster.sourceKinds || cluster.sourceKinds.includes('comtrade') ? [MIRROR] : []),
  ...processingMethods(),
];

/** General caveats that apply to every trade figure. */
export const TRADE_CAVEATS: readonly { id: string; title: Text; body: Text }[] = [
  {
    id: 'cif-fob',
    title: text('到岸价与离岸价（CIF/FOB）', 'CIF and FOB'),
    body: text(
      '进口按到岸价（CIF，含运费和保险费）统计，出口按离岸价（FOB）统计。因此一国记录的自某国进口通常高于对方记录的对该国出口；镜像比较时两者之差不全是统计误差。',
      'Imports are valued CIF (including freight and insurance), exports FOB. One country’s recorded imports from another therefore usually exceed the other’s recorded exports to it; in a mirror comparison the gap is not all error.',
    ),
  },
  {
    id: 'hong-kong',
    title: text('经香港转口', 'Re-exports through Hong Kong'),
    body: text(
      '大量贸易经香港转口。中国海关按贸易伙伴（通常为香港）记录，而非最终目的地或原产地。',
      'Much of the trade passes through Hong Kong. China’s customs record the trading partner (often Hong Kong), not the final destination or the origin.',
    ),
  },
];

export function methodById(id: string): Method | undefined {
  return METHODS.find((m) => m.id === id);
}
