// Every indicator's files, written at build time: charts/<lang>/<id>.svg (title, legend, source line and, for
// synthetic data, the 示例数据 / Sample data marker), .png (the same drawing), .docx (the figure with caption and
// source for Word/WPS) and .csv (the rows the chart draws). See src/lib/chartFiles.ts.
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Lang } from '../../../lib/i18n.ts';
import { availableChartFileKinds, CHART_FILE_TYPES, chartCsv, chartDocxFile, chartPng, chartSvg, chartedIndicators, type ChartFileKind } from '../../../lib/chartFiles.ts';

export const getStaticPaths: GetStaticPaths = () =>
  chartedIndicators().flatMap(({ lang, def }) => availableChartFileKinds().map((kind) => ({ params: { lang, file: `${def.id}.${kind}` }, props: { id: def.id, kind } })));

/** A Buffer may be a view on a larger pool: copy exactly its bytes. */
function arrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

export const GET: APIRoute = async ({ params, props }) => {
  const lang = params.lang as Lang;
  const { id, kind } = props as { id: string; kind: ChartFileKind };
  const body: string | ArrayBuffer =
    kind === 'svg' ? chartSvg(lang, id) : kind === 'png' ? arrayBuffer(chartPng(lang, id).png) : kind === 'docx' ? arrayBuffer(await chartDocxFile(lang, id)) : chartCsv(lang, id);
  return new Response(body, { headers: { 'Content-Type': CHART_FILE_TYPES[kind] } });
};
