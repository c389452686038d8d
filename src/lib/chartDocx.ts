// One chart as a Word document (opens in Word and WPS): the figure caption with a SEQ field, so Word renumbers
// the figure when it is pasted into a proposal, the chart as PNG (WPS and older Word do not render SVG), the
// summary sentence, the source line and, for synthetic data, the sample-data marker in red next to the caption
// and again under the figure where it cannot be cropped away with the image.
import { AlignmentType, Document, ImageRun, Packer, Paragraph, SequentialIdentifier, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { t, type Lang } from './i18n.ts';

export interface ChartDocxInput {
  lang: Lang;
  title: string;
  subtitle?: string;
  summary: string;
  sourceLine: string;
  synthetic: boolean;
  png: Buffer;
  /** Pixel size of the PNG; the image is scaled to the text width of an A4 page. */
  width: number;
  height: number;
  /** The figure's rows as an editable Word table under it (the policy tracker), head first. */
  table?: { head: string[]; rows: string[][] };
}

/** A4 with 2.5 cm margins leaves about 16 cm of text width: 600 px at Word's 96 px to the inch. */
const TEXT_WIDTH_PX = 600;
const RED = 'B42318';

export function chartDocx(i: ChartDocxInput): Promise<Buffer> {
  const w = TEXT_WIDTH_PX;
  const h = Math.round((i.height / i.width) * w);
  const font = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: i.lang === 'zh' ? '黑体' : 'Arial' };
  const marker = `${t('zh', 'ind.synthetic_badge')} / ${t('en', 'ind.synthetic_badge')}`;
  const captionLabel = i.lang === 'zh' ? '图' : 'Figure';
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new TextRun({ text: `${captionLabel} `, bold: true, font }),
        new SequentialIdentifier(captionLabel),
        new TextRun({ text: i.lang === 'zh' ? `  ${i.title}` : `. ${i.title}`, bold: true, font }),
        ...(i.synthetic ? [new TextRun({ text: i.lang === 'zh' ? `（${marker}）` : ` (${marker})`, bold: true, color: RED, font })] : []),
      ],
    }),
    ...(i.subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text: i.subtitle, size: 18, color: '555555', font })] })] : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [new ImageRun({ type: 'png', data: i.png, transformation: { width: w, height: h }, altText: { name: i.title, title: i.title, description: i.summary } })],
    }),
    new Paragraph({ keepNext: true, children: [new TextRun({ text: i.sourceLine, size: 18, font })] }),
    ...(i.synthetic
      ? [new Paragraph({ children: [new TextRun({ text: `${marker}${t(i.lang, 'punct.colon')}${t(i.lang, 'ind.synthetic_title')}`, size: 18, bold: true, color: RED, font })] })]
      : []),
    new Paragraph({ children: [new TextRun({ text: i.summary, size: 18, font })] }),
    ...(i.table ? [wordTable(i.table, font)] : []),
  ];
  const doc = new Document({
    creator: t(i.lang, 'site.title'),
    title: i.title,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

function wordTable(table: { head: string[]; rows: string[][] }, font: { ascii: string; hAnsi: string; eastAsia: string }): Table {
  const cell = (text: string, bold: boolean) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18, font })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: table.head.map((h) => cell(h, true)) }),
      ...table.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}
