// The tracker as CSV for each language (policy-tracker/zh.csv, policy-tracker/en.csv), written at build time.
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, type Lang } from '../../lib/i18n.ts';
import { trackerCsv } from '../../lib/tracker.ts';

export const getStaticPaths: GetStaticPaths = () => LANGS.map((lang) => ({ params: { file: `${lang}.csv` }, props: { lang } }));

export const GET: APIRoute = ({ props }) => new Response(trackerCsv((props as { lang: Lang }).lang), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
