// The chart of every indicator as a standalone SVG file (charts/zh/<id>.svg, charts/en/<id>.svg), written at
// build time: title, legend, source line and, for synthetic data, the 示例数据 / Sample data marker.
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, pick, type Lang } from '../../../lib/i18n.ts';
import { allIndicators, getIndicator } from '../../../lib/indicators.ts';
import { buildIndicatorModel } from '../../../lib/indicatorModel.ts';
import { siteData } from '../../../lib/siteData.ts';
import { renderStandaloneSvg } from '../../../lib/chart.ts';
import { unitLabel } from '../../../lib/format.ts';

export const getStaticPaths: GetStaticPaths = () => {
  const data = siteData();
  return LANGS.flatMap((lang) =>
    allIndicators()
      .filter((d) => buildIndicatorModel(d, lang, data).points.some((p) => p.value !== null))
      .map((d) => ({ params: { lang, id: d.id } })),
  );
};

export const GET: APIRoute = ({ params }) => {
  const lang = params.lang as Lang;
  const def = getIndicator(String(params.id));
  const m = buildIndicatorModel(def, lang, siteData());
  const subtitle = [pick(lang, def.subtitle), unitLabel(def.unit, lang)].filter(Boolean).join(lang === 'zh' ? '；' : '; ');
  const svg = renderStandaloneSvg(m.points, {
    kind: def.chart,
    unit: def.unit,
    lang,
    refYear: siteData().refYear,
    title: m.title,
    subtitle,
    sourceLine: m.sourceLine,
    synthetic: m.synthetic,
  });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
