// The trade explorer's choices at build time: one indicator model per HS group and flow that has data, shared by
// the page (menus, summaries) and the endpoint that writes each chart file.
import type { Lang } from './i18n.ts';
import { renderStandaloneSvg } from './chart.ts';
import { unitLabel } from './format.ts';
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

const svgs = new Map<string, string>();

/**
 * One choice's chart as a standalone SVG (title, unit, source line, 示例数据 marker): the file the island fetches
 * and the download, and, for the default choice, the picture written into the page so it shows without script.
 */
export function explorerSvg(lang: Lang, choice: ExplorerChoice): string {
  const k = `${lang}/${choice.key}`;
  let svg = svgs.get(k);
  if (!svg) {
    const m = choice.model;
    svg = renderStandaloneSvg(m.points, {
      kind: m.def.chart,
      unit: m.def.unit,
      lang,
      refYear: siteData().refYear,
      title: m.title,
      subtitle: unitLabel(m.def.unit, lang),
      sourceLine: m.sourceLine,
      synthetic: m.synthetic,
    });
    svgs.set(k, svg);
  }
  return svg;
}
