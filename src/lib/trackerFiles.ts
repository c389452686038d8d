// The policy tracker's files beside its CSV (policy-tracker/<lang>.png, .docx): the tracker drawn as a table in a
// standalone SVG (title, one block per measure, the 示例 markers, the rule and date), turned into PNG and Word by
// the chart exports' own code (chartPng.ts, chartDocx.ts), so the tracker is exported like every indicator.
import { paren, pick, t, type Lang } from './i18n.ts';
import { escapeXml, textWidth, wrapText } from './chart.ts';
import { fontStack } from './theme.ts';
import { formatDate } from './format.ts';
import { policy } from './policy.ts';
import { siteData } from './siteData.ts';
import { svgToPng } from './chartPng.ts';
import { chartDocx } from './chartDocx.ts';
import { progressText, rowValue, statusLabel, trackerModel, type ShownMeasure, type ShownRow } from './tracker.ts';

/** File kinds written beside the tracker CSV (policy-tracker/<lang>.<kind>), PNG and DOCX only with a CJK font. */
export const TRACKER_FILE_KINDS = ['csv', 'png', 'docx'] as const;
export type TrackerFileKind = (typeof TRACKER_FILE_KINDS)[number];

export function trackerFilePath(lang: Lang, kind: TrackerFileKind): string {
  return `policy-tracker/${lang}.${kind}`;
}

/** Whether anything the tracker shows is sample data or an illustrative target: its files then carry the marker. */
export function trackerIsSample(measures: ShownMeasure[]): boolean {
  return measures.some((m) => m.rows.some((r) => r.synthetic || r.illustrative));
}

/** The tracker's rows as text, one array per row, in the page's columns (indicator, latest, baseline, target, progress, status). */
export function trackerCells(lang: Lang, r: ShownRow): string[] {
  const target = r.tracked.target;
  return [
    r.title,
    r.latest ? `${rowValue(r, r.latest.value, lang)}${t(lang, 'policy.in_year', { year: r.latest.year })}` : '–',
    `${rowValue(r, r.baseline?.value, lang)}${t(lang, 'policy.in_year', { year: r.tracked.baselineYear })}`,
    target ? `${t(lang, 'policy.by_year', { value: rowValue(r, target.value, lang), year: target.year })}${r.illustrative ? paren(lang, t(lang, 'policy.illustrative')) : ''}` : '–',
    progressText(r),
    statusLabel(lang, r.result.status),
  ];
}

export function trackerHead(lang: Lang): string[] {
  return (['policy.col_indicator', 'policy.col_latest', 'policy.col_baseline', 'policy.col_target', 'policy.col_progress', 'policy.col_status'] as const).map((k) => t(lang, k));
}

/** The line under the exported tracker: the status rule's home and the data's date. */
export function trackerSourceLine(lang: Lang): string {
  return t(lang, 'policy.file_note', { site: t(lang, 'site.title'), date: formatDate(siteData().catalog.asOf, lang) });
}

const WIDTH = 900;
const PAD = 16;
/** Column widths; the indicator column takes what is left. */
const COLS = [0, 130, 130, 170, 70, 90];
const LINE = 16;

/** The tracker as a self-contained SVG document. */
export function trackerSvg(lang: Lang, measures = trackerModel(lang)): string {
  const cols = [WIDTH - 2 * PAD - COLS.slice(1).reduce((a, b) => a + b, 0), ...COLS.slice(1)];
  const xs = cols.map((_, i) => PAD + cols.slice(0, i).reduce((a, b) => a + b, 0));
  const sample = trackerIsSample(measures);
  const title = t(lang, 'page.policy.title');
  const parts: string[] = [];
  let y = 30;
  parts.push(`<text x="${PAD}" y="${y}" font-size="18" font-weight="bold">${escapeXml(title)}</text>`);
  for (const line of wrapText(pick(lang, policy.plan.title), 12, WIDTH - 2 * PAD - 200)) {
    y += 18;
    parts.push(`<text x="${PAD}" y="${y}" font-size="12" fill="#555">${escapeXml(line)}</text>`);
  }
  if (sample) {
    const label = `${t('zh', 'ind.synthetic_badge')} / ${t('en', 'ind.synthetic_badge')}`;
    const w = textWidth(label, 13) + 20;
    parts.push(
      `<g class="synthetic-marker"><rect x="${WIDTH - PAD - w}" y="10" width="${w}" height="26" rx="4" fill="#b42318"/>` +
        `<text x="${WIDTH - PAD - w / 2}" y="28" font-size="13" font-weight="bold" fill="#fff" text-anchor="middle">${escapeXml(label)}</text></g>`,
    );
  }
  /** One table row: every cell wrapped to its column, the row as tall as its tallest cell. */
  const row = (cells: string[], o: { bold?: boolean; fill?: string } = {}) => {
    const wrapped = cells.map((c, i) => wrapText(c, 12, cols[i] - 8));
    const lines = Math.max(...wrapped.map((w) => w.length));
    if (o.fill) parts.push(`<rect x="${PAD}" y="${y}" width="${WIDTH - 2 * PAD}" height="${lines * LINE + 8}" fill="${o.fill}"/>`);
    wrapped.forEach((w, i) =>
      w.forEach((l, j) => parts.push(`<text x="${xs[i] + 4}" y="${y + 16 + j * LINE}" font-size="12"${o.bold ? ' font-weight="bold"' : ''}>${escapeXml(l)}</text>`)),
    );
    y += lines * LINE + 8;
    parts.push(`<line x1="${PAD}" x2="${WIDTH - PAD}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
  };
  for (const { measure, rows } of measures) {
    y += 22;
    parts.push(`<text x="${PAD}" y="${y}" font-size="14" font-weight="bold">${escapeXml(pick(lang, measure.title))}</text>`);
    y += 6;
    if (!rows.length) {
      y += 16;
      parts.push(`<text x="${PAD}" y="${y}" font-size="12" fill="#555">${escapeXml(t(lang, 'policy.no_indicators'))}</text>`);
      continue;
    }
    row(trackerHead(lang), { bold: true, fill: '#f2f2f2' });
    for (const r of rows) row(trackerCells(lang, r));
  }
  y += 8;
  for (const line of wrapText(trackerSourceLine(lang), 11, WIDTH - 2 * PAD)) {
    y += 16;
    parts.push(`<text x="${PAD}" y="${y}" font-size="11" fill="#444">${escapeXml(line)}</text>`);
  }
  const height = y + 14;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${escapeXml(fontStack(lang))}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title><rect width="${WIDTH}" height="${height}" fill="#fff"/>${parts.join('')}</svg>\n`
  );
}

const pngs = new Map<Lang, { png: Buffer; width: number; height: number }>();

export function trackerPng(lang: Lang): { png: Buffer; width: number; height: number } {
  let png = pngs.get(lang);
  if (!png) pngs.set(lang, (png = svgToPng(trackerSvg(lang), 2, undefined, { lang })));
  return png;
}

/** The tracker as a Word document: the figure (the PNG above) and the same rows as an editable Word table. */
export function trackerDocx(lang: Lang, measures = trackerModel(lang)): Promise<Buffer> {
  const { png, width, height } = trackerPng(lang);
  return chartDocx({
    lang,
    title: t(lang, 'page.policy.title'),
    subtitle: pick(lang, policy.plan.title),
    summary: t(lang, 'page.policy.lead'),
    sourceLine: trackerSourceLine(lang),
    synthetic: trackerIsSample(measures),
    png,
    width,
    height,
    table: {
      head: [t(lang, 'policy.col_measure'), ...trackerHead(lang)],
      rows: measures.flatMap(({ measure, rows }) => rows.map((r) => [pick(lang, measure.title), ...trackerCells(lang, r)])),
    },
  });
}

/**
 * A frame height that shows the whole tracker embed at 760 px without a scroll bar: title and plan, each measure's
 * heading and lever, the table head, and rows of up to about eight lines (the indicator's title and marker, the
 * target with its source wrap in narrow columns), measured in Chromium in zh and en (tests/e2e/policyExports).
 */
export function trackerEmbedHeight(measures: ShownMeasure[], lang: Lang): number {
  const rows = measures.reduce((a, m) => a + m.rows.length, 0);
  const tables = measures.filter((m) => m.rows.length).length;
  return Math.ceil((EMBED_FRAME_PX + measures.length * EMBED_MEASURE_PX + tables * EMBED_TABLE_HEAD_PX + rows * EMBED_ROW_PX[lang]) / 10) * 10;
}
const EMBED_FRAME_PX = 160;
const EMBED_MEASURE_PX = 120;
const EMBED_TABLE_HEAD_PX = 50;
// English rows wrap to more lines than Chinese ones (measured: about 180 px a row in zh, 205 px in en); with twenty
// rows one figure for both leaves the zh frame 500 px taller than its content.
const EMBED_ROW_PX: Record<Lang, number> = { zh: 190, en: 210 };
