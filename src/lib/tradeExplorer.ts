// The trade explorer's choices at build time: one indicator model per HS group and flow that has data, shared by
// the page (menus, summaries) and the endpoint that writes each chart file.
import type { Lang } from './i18n.ts';
import { TRADE_EXPLORER_GROUPS, tradeShareChoice } from './indicators.ts';
import { buildIndicatorModel, type IndicatorModel } from './indicatorModel.ts';
import { siteData } from './siteData.ts';
import { TRADE_FLOWS } from './tradeChoice.ts';

export interface ExplorerChoice {
  /** "<group>|<flow>", the key the page script looks up. */
  key: string;
  group: string;
  flow: string;
  model: IndicatorModel;
}

const cache = new Map<Lang, ExplorerChoice[]>();

export function tradeExplorerModels(lang: Lang): ExplorerChoice[] {
  let list = cache.get(lang);
  if (!list) {
    list = TRADE_EXPLORER_GROUPS.flatMap((group) =>
      TRADE_FLOWS.map((flow) => ({ key: `${group}|${flow}`, group, flow, model: buildIndicatorModel(tradeShareChoice(group, flow), lang, siteData()) })),
    ).filter((c) => c.model.points.some((p) => p.value !== null));
    cache.set(lang, list);
  }
  return list;
}
