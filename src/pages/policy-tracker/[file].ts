// The tracker's files for each language, written at build time: policy-tracker/<lang>.csv (the rows as data),
// .png (the tracker drawn as a table, with its 示例 markers) and .docx (that picture and the rows as a Word table).
// PNG and DOCX need a CJK font on the build machine, as the chart files do (chartPng.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, type Lang } from '../../lib/i18n.ts';
import { trackerCsv } from '../../lib/tracker.ts';
import { trackerDocx, trackerPng, TRACKER_FILE_KINDS, type TrackerFileKind } from '../../lib/trackerFiles.ts';
import { CHART_FILE_TYPES } from '../../lib/chartFiles.ts';
import { pngChartsAvailable } from '../../lib/chartPng.ts';

export const getStaticPaths: GetStaticPaths = () =>
  LANGS.flatMap((lang) => TRACKER_FILE_KINDS.filter((kind) => kind === 'csv' || pngChartsAvailable()).map((kind) => ({ params: { file: `${lang}.${kind}` }, props: { lang, kind } })));

/** A Buffer may be a view on a larger pool: copy exactly its bytes. */
function arrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

export const GET: APIRoute = async ({ props }) => {
  const { lang, kind } = props as { lang: Lang; kind: TrackerFileKind };
  const body = kind === 'csv' ? trackerCsv(lang) : kind === 'png' ? arrayBuffer(trackerPng(lang).png) : arrayBuffer(await trackerDocx(lang));
  return new Response(body, { headers: { 'Content-Type': CHART_FILE_TYPES[kind] } });
};
