// Formulas of the processing-trade and peer-place figures for the methods page, listed only for a cluster whose
// configuration has the blocks they read (cluster.json "processingTrade", "customsPlaces").
import type { Text } from './i18n.ts';
import type { Method } from './methods.ts';
import { cluster } from './cluster.ts';

const text = (zh: string, en: string): Text => ({ zh, en });

function chainGroupNotes(): Text[] {
  const ids = new Set((cluster.processingTrade?.chains ?? []).flatMap((c) => [c.rough, c.polished]));
  return cluster.hsGroups.filter((g) => ids.has(g.id) && g.note).map((g) => text(`${g.name.zh}：${g.note!.zh}`, `${g.name.en}: ${g.note!.en}`));
}

const PROCESSING_TRADE: Method = {
  id: 'processing-trade',
  title: text('加工贸易：毛坯进口、成品出口及本区占比', 'Processing trade: rough in, polished out, and the district’s share'),
  formula: '<var>M</var><sup>p</sup><sub>d,r</sub>,  <var>X</var><sup>p</sup><sub>d,c</sub>,  <var>s</var> = <var>X</var><sup>p</sup><sub>d,c</sub> ÷ <var>X</var><sup>p</sup><sub>n,c</sub>',
  words: text(
    'M^p_d,r 为本区在加工贸易方式（来料加工装配贸易、进料加工贸易，见 cluster.json tradeModes.processing）下进口的毛坯（加工链的毛坯商品组），X^p_d,c 为加工贸易方式下出口的成品（成品商品组），均按金额（美元）和数量（克拉）统计；s 为本区占全国同一项的比重。本区当年有记录但没有该项时为零；全国为零或缺失时比重为空并注明原因。',
    'M^p_d,r is what the district imports of the chain’s rough group under processing trade (processing with supplied or imported materials, cluster.json tradeModes.processing), X^p_d,c what it exports of the polished group under processing trade, both in USD and in carats; s is the district’s share of the nation’s same figure. A year with district records but none in the stage is a zero; with no national figure the share is empty and the note says why.',
  ),
  sources: ['General Administration of Customs of China, 海关统计数据在线查询平台: 贸易方式 (trade modes) 14 来料加工装配贸易 and 15 进料加工贸易'],
  tables: ['mart_processing_trade', 'mart_trade_monthly'],
  caveats: [
    text('中国海关对部分税目以克计量：按 1 克拉 = 0.2 克换算为克拉。', 'China’s customs record some tariff lines in grams: converted at 1 carat = 0.2 g.'),
    // What changed in the chains' codes (an HS revision, say), as cluster.json notes it under each group.
    ...chainGroupNotes(),
  ],
};

const VALUE_ADDED: Method = {
  id: 'processing-value-added',
  title: text('每克拉加工增值（加工费代理指标）', 'Processing value added per carat (cutting-fee proxy)'),
  formula: '<var>VA</var><sub>c</sub> = (<var>X</var><sup>p</sup><sub>c</sub> − <var>M</var><sup>p</sup><sub>r</sub>) ÷ <var>Q</var><sup>p</sup><sub>c</sub>',
  words: text(
    'X^p_c 为某年加工贸易方式下成品的出口额（美元），M^p_r 为同年加工贸易方式下毛坯（料件）的进口额，Q^p_c 为这些出口的克拉数。差额是加工环节在料件之上增加的价值，按每出口一克拉平均，可作为加工费的代理指标；本区与全国分别计算、并列比较。没有加工贸易出口、出口没有克拉数或当年没有贸易方式数据时为空，并注明原因（no_processing_exports、no_exported_carats、no_trade_mode_data），不记为零。',
    'X^p_c is the year’s exports of polished under processing trade (USD), M^p_r the same year’s imports of rough (the materials) under processing trade, Q^p_c the carats of those exports. The difference is what processing adds to the materials; per carat exported it is a proxy for the cutting fee, computed for the district and the nation side by side. With no processing exports, no carats on them or no trade-mode data in the year it is empty with the reason (no_processing_exports, no_exported_carats, no_trade_mode_data), never zero.',
  ),
  sources: [
    'Koopman, R., Wang, Z. and Wei, S.-J. (2012), “Estimating domestic content in exports when processing trade is pervasive”, Journal of Development Economics 99(1): 178–189 (processing exports less imported inputs as the domestic value added of processing trade)',
  ],
  tables: ['mart_processing_value_added', 'mart_trade_monthly'],
  caveats: [
    text(
      '料件进口与成品出口不一定在同一年：库存增减会使某年的增值偏高或偏低，甚至为负。成品的克拉数小于所用毛坯的克拉数（出成率），所以这是每克拉成品的增值，不是每克拉毛坯的加工费。',
      'Materials imported and stones exported need not fall in the same year: stock changes push a year’s figure up or down, even below zero. Polished carats are fewer than the rough carats they were cut from (the yield), so this is value added per polished carat, not the fee per rough carat.',
    ),
    text(
      '加工贸易下进口的成品（如镶嵌用石）不计入料件；出口额按离岸价、进口额按到岸价统计。',
      'Polished stones imported under processing trade (for setting, say) are not counted as materials; exports are valued FOB, imports CIF.',
    ),
  ],
};

function homeCutShare(rival: Text | undefined): Method {
  return {
    id: 'home-cut-share',
    title: text('出口中在国内加工的比重与订单回流', 'Share of exports cut at home, and orders coming back'),
    formula: '<var>h</var> = <var>Q</var><sup>X</sup><sub>c</sub> ÷ (<var>Q</var><sup>X</sup><sub>c</sub> + <var>Q</var><sup>X</sup><sub>r</sub>)',
    words: text(
      `Q^X_c 为全国某年成品出口的克拉数，Q^X_r 为毛坯出口的克拉数（全部贸易伙伴、全部贸易方式）。h 是该加工链的出口中在国内切磨后才离境的比重：h 上升说明更多原石在国内加工。与之并列的是对${rival?.zh ?? '竞争加工地'}的毛坯出口（在那里加工的原料）和自${rival?.zh ?? '竞争加工地'}的成品进口（在那里加工的成品），均取海关统计的贸易伙伴数据。没有出口或没有克拉数时 h 为空并注明原因。`,
      `Q^X_c is the carats of the nation’s polished exports in a year, Q^X_r the carats of its rough exports (all partners, all trade modes). h is the share of the chain’s exported stones that leave the country already cut: a rising h means more rough is cut at home. Beside it stand the rough exports to ${rival?.en ?? 'the rival cutting centre'} (material cut there) and the polished imports from it (stones cut there), from the customs partner rows. With no exports or no carats, h is empty with the reason.`,
    ),
    sources: ['General Administration of Customs of China, 海关统计数据在线查询平台: imports and exports by partner (贸易伙伴) and commodity'],
    tables: ['mart_rival_orders', 'mart_trade_share', 'mart_trade_partner_year'],
    caveats: [
      text(
        '没有国内毛坯产量和国内销售的数据，所以 h 只描述出口的那部分：内销的毛坯和成品、库存都不在其中。成品克拉数小于原石克拉数（出成率约三分之一），按克拉计算的 h 低估了国内加工的原石所占比重。经香港转口的毛坯记在香港名下，对竞争加工地的实际出口可能更多。',
        'There is no data on domestic rough production or domestic sales, so h describes exports only: stones sold or stocked at home are outside it. A polished carat comes from several rough carats (a yield of about a third), so h in carats understates the share of rough cut at home. Rough re-exported through Hong Kong is recorded against Hong Kong, so exports to the rival may be larger.',
      ),
    ],
  };
}

const PEER_PLACES: Method = {
  id: 'peer-places',
  title: text('省内注册地比较', 'Peer places in the province'),
  formula: '<var>s</var><sub>p</sub> = <var>X</var><sub>p</sub> ÷ Σ<sub>q</sub> <var>X</var><sub>q</sub>,  <var>UV</var><sub>p</sub> = <var>X</var><sub>p</sub> ÷ <var>Q</var><sub>p</sub>,  <var>π</var><sub>p</sub> = <var>X</var><sup>proc</sup><sub>p</sub> ÷ <var>X</var><sub>p</sub>',
  words: text(
    'X_p 为海关统计中注册地 p 某年某商品组的进口、出口或进出口额，q 取遍省内全部注册地；s_p 为其占全省的比重，UV_p 为每克拉单价，π_p 为其中加工贸易的比重。本区自身的注册地与其他地方同取海关统计，口径一致。来源文件不含贸易方式时 π_p 为空（no_trade_mode_in_source），没有克拉数时单价为空（no_carats）。',
    'X_p is place p’s imports, exports or both in a group and year in the customs statistics by registration place, q runs over every place of the province; s_p is its share of the province, UV_p its unit value per carat, π_p the share of processing trade in it. The district’s own place is taken from the same statistics as its peers, so all are on one basis. Where the source file has no trade-mode column π_p is empty (no_trade_mode_in_source); without carats the unit value is empty (no_carats).',
  ),
  sources: ['General Administration of Customs of China, 海关统计数据在线查询平台: statistics by 注册地 (registration place of the trading firm)'],
  tables: ['mart_peer_places'],
  caveats: [
    text(
      '注册地是经营单位的注册地，不是货物的生产地或通关口岸；总部在外地的企业的贸易记在总部所在地。',
      'The registration place is where the trading firm is registered, not where the goods were made or cleared; a firm headquartered elsewhere is counted there.',
    ),
  ],
};

/** The methods of this module that the cluster's configuration calls for. */
export function processingMethods(): Method[] {
  const pt = cluster.processingTrade;
  return [
    ...(pt ? [PROCESSING_TRADE, VALUE_ADDED, homeCutShare(pt.rivalPartner?.name)] : []),
    ...(cluster.customsPlaces?.places.length ? [PEER_PLACES] : []),
  ];
}
