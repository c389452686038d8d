// Indicators of processing trade and peer places, made from the cluster's "processingTrade" and "customsPlaces"
// blocks (cluster.json): product and place words come from there, so a cluster without the blocks gets none of them
// (and the pipeline builds none of their marts).
import type { IndicatorDef } from './indicators.ts';
import type { Text } from './i18n.ts';
import { cluster, type ProcessingChain } from './cluster.ts';

const text = (zh: string, en: string): Text => ({ zh, en });
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function stageLabels(c: ProcessingChain): Record<string, Text> {
  return {
    rough_import: text(`${c.name.zh}毛坯进口`, `${c.name.en}: rough imports`),
    polished_export: text(`${c.name.zh}成品出口`, `${c.name.en}: polished exports`),
  };
}

function processingTradeIndicators(): IndicatorDef[] {
  const pt = cluster.processingTrade;
  const focus = pt?.chains.find((c) => c.id === pt.focusChain);
  if (!pt || !focus) return [];
  const n = focus.name;
  const base = { page: 'trade' as const, table: 'mart_processing_trade', filter: { chain_id: focus.id }, series: { column: 'stage', labels: stageLabels(focus), include: ['rough_import', 'polished_export'] } };
  const note = text('加工贸易指海关贸易方式中的来料加工装配贸易和进料加工贸易（cluster.json tradeModes.processing）。', 'Processing trade is the customs trade modes of processing with supplied and with imported materials (cluster.json tradeModes.processing).');
  const out: IndicatorDef[] = [
    {
      ...base,
      id: 'processing-trade',
      title: text(`本区${n.zh}加工贸易`, `District processing trade in ${lower(n.en)}`),
      subtitle: text('加工贸易方式下的毛坯进口与成品出口，美元', 'Rough imported and polished exported under processing trade, USD'),
      subject: text(`本区${n.zh}加工贸易额`, `the district’s processing trade in ${lower(n.en)}`),
      notes: note,
      y: 'district_value_usd',
      unit: 'usd',
      chart: 'line',
      method: 'processing-trade',
    },
    {
      ...base,
      id: 'processing-trade-carats',
      title: text(`本区${n.zh}加工贸易数量`, `District processing trade in ${lower(n.en)}, carats`),
      subtitle: text('加工贸易方式下的毛坯进口与成品出口，克拉', 'Rough imported and polished exported under processing trade, carats'),
      subject: text(`本区${n.zh}加工贸易数量`, `the district’s processing trade in ${lower(n.en)} in carats`),
      notes: note,
      y: 'district_carats',
      unit: 'carat',
      chart: 'line',
      method: 'processing-trade',
    },
    {
      ...base,
      id: 'processing-trade-share',
      title: text(`本区${n.zh}加工贸易占全国比重`, `District share of China’s processing trade in ${lower(n.en)}`),
      subtitle: text('按金额（美元）', 'By value (USD)'),
      subject: text(`本区${n.zh}加工贸易占全国的比重`, `the district’s share of China’s processing trade in ${lower(n.en)}`),
      notes: note,
      y: 'share_of_nation',
      unit: 'ratio',
      chart: 'line',
      method: 'processing-trade',
    },
    ...pt.chains.map((c): IndicatorDef => ({
      id: `value-added-${c.id.replaceAll('_', '-')}`,
      page: 'trade',
      title: text(`${c.name.zh}每克拉加工增值`, `Processing value added per carat: ${lower(c.name.en)}`),
      subtitle: text('（加工贸易成品出口 − 加工贸易毛坯进口）÷ 出口克拉数，本区与全国', '(Processing exports − processing imports of rough) ÷ carats exported, district and China'),
      subject: text(`${c.name.zh}每克拉加工增值`, `the processing value added per carat of ${lower(c.name.en)}`),
      notes: text('加工费的代理指标：加工贸易出口额与进口料件额之差，按出口克拉数平均。', 'A proxy for the cutting fee: processing exports less the imported materials, per carat exported.'),
      table: 'mart_processing_value_added',
      filter: { chain_id: c.id },
      y: 'value_added_usd_per_carat',
      series: { column: 'region_level', labelKeyPrefix: 'level.', include: ['district', 'nation'] },
      unit: 'usd_per_carat',
      chart: 'line',
      method: 'processing-value-added',
    })),
  ];
  const rival = pt.rivalPartner;
  const nation = { table: 'mart_rival_orders', filter: { chain_id: focus.id, region_level: 'nation' }, page: 'trade' as const };
  if (rival) {
    out.push({
      ...nation,
      id: 'rival-orders',
      title: text(`全国${n.zh}：对${rival.name.zh}的毛坯出口与自${rival.name.zh}的成品进口`, `China’s ${lower(n.en)}: rough exports to ${rival.name.en}, polished imports from it`),
      subtitle: text('海关统计贸易伙伴数据，美元', 'Customs statistics by partner, USD'),
      subject: text(`全国对${rival.name.zh}的${n.zh}毛坯出口`, `China’s rough ${lower(n.en)} exports to ${rival.name.en}`),
      y: [
        { column: 'rough_exports_to_rival_usd', labelKey: 'series.rough_exports_to_rival' },
        { column: 'polished_imports_from_rival_usd', labelKey: 'series.polished_imports_from_rival' },
      ],
      unit: 'usd',
      chart: 'line',
      method: 'home-cut-share',
    });
  }
  out.push({
    ...nation,
    id: 'home-cut-share',
    title: text(`全国${n.zh}出口中在国内加工的比重`, `Share of China’s ${lower(n.en)} exports cut at home`),
    subtitle: text('成品出口克拉 ÷（成品出口克拉 + 毛坯出口克拉）', 'Polished export carats ÷ (polished + rough export carats)'),
    subject: text(`全国${n.zh}出口中在国内加工的比重`, `the share of China’s ${lower(n.en)} exports cut at home`),
    y: 'home_cut_share',
    unit: 'ratio',
    chart: 'line',
    method: 'home-cut-share',
  });
  return out;
}

function peerPlaceIndicators(): IndicatorDef[] {
  if (!cluster.customsPlaces?.places.length) return [];
  const total = cluster.totalGroup;
  const province = cluster.regions.find((r) => r.level === 'province')?.name ?? text('全省', 'the province');
  const places = { column: 'place_code', labelColumns: { zh: 'place_name_zh', en: 'place_name_en' } };
  const base = { page: 'trade' as const, table: 'mart_peer_places', series: places, chart: 'line' as const, method: 'peer-places' };
  const notes = text('按海关统计的注册地（经营单位注册所在地）比较，各地同一口径。', 'Compared by the registration place (注册地) in customs statistics: the same basis for every place.');
  const out: IndicatorDef[] = [
    {
      ...base,
      id: 'peer-places-share',
      title: text(`${province.zh}各注册地${total.tradeLabel.zh}占全省比重`, `${total.tradeLabel.en}: places of ${province.en} compared`),
      subtitle: text('进出口合计，按金额', 'Imports plus exports, by value'),
      subject: text(`各注册地占全省${total.tradeLabel.zh}的比重`, `each place’s share of ${province.en}’s ${lower(total.tradeLabel.en)}`),
      notes,
      filter: { group_id: total.id, flow: 'total' },
      y: 'share_of_province',
      unit: 'ratio',
    },
    {
      ...base,
      id: 'peer-places-processing',
      title: text(`${province.zh}各注册地进口中加工贸易的比重`, `Processing share of imports: places of ${province.en}`),
      subtitle: text(`${total.name.zh}，按金额`, `${total.name.en}, by value`),
      subject: text('各注册地进口中加工贸易的比重', 'the processing-trade share of each place’s imports'),
      notes,
      filter: { group_id: total.id, flow: 'import' },
      y: 'processing_share',
      unit: 'ratio',
    },
  ];
  const uv = cluster.indicators.unitValues?.[0];
  if (total.carats && uv) {
    out.splice(1, 0, {
      ...base,
      id: 'peer-places-unit-value',
      title: text(`${province.zh}各注册地：${uv.title.zh}`, `${uv.title.en}: places of ${province.en}`),
      subtitle: text('每克拉美元', 'USD per carat'),
      subject: text(`各注册地的${uv.subject.zh}`, `${uv.subject.en} of each place`),
      notes,
      filter: { group_id: uv.group, flow: uv.flow },
      y: 'usd_per_carat',
      unit: 'usd_per_carat',
    });
  }
  return out;
}

/** Every indicator of this module, in the trade page's order. */
export function processingIndicators(): IndicatorDef[] {
  return [...processingTradeIndicators(), ...peerPlaceIndicators()];
}
