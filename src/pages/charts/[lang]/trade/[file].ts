// The trade explorer's charts, one standalone SVG per HS group and flow (charts/<lang>/trade/trade-share-*.svg),
// each with its title, source line and 示例数据 marker, so the picture the island swaps in is complete on its own.
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Lang } from '../../../../lib/i18n.ts';
import { explorerSvg, tradeExplorerModels } from '../../../../lib/tradeExplorer.ts';

export const getStaticPaths: GetStaticPaths = () =>
  (['zh', 'en'] as const).flatMap((lang) => tradeExplorerModels(lang).map((c) => ({ params: { lang, file: `${c.model.def.id}.svg` }, props: { key: c.key } })));

export const GET: APIRoute = ({ params, props }) => {
  const lang = params.lang as Lang;
  const choice = tradeExplorerModels(lang).find((c) => c.key === (props as { key: string }).key)!;
  return new Response(explorerSvg(lang, choice), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
