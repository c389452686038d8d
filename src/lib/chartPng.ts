// PNG copies of the standalone chart SVGs, rendered at build time with resvg (a registry package with prebuilt
// binaries; nothing is downloaded at build or run time). A PNG carries no fonts, so the Chinese glyphs must come
// from a CJK font file on the build machine: rendering in the reader's browser (canvas) was the alternative, but
// an SVG drawn into a canvas from an <img> cannot use system fonts reliably across browsers, and the DOCX export
// needs the PNG at build time anyway.
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { Lang } from './i18n.ts';

/** Where common systems keep a CJK sans-serif font, with the family name inside the file. */
const CJK_FONT_CANDIDATES: { file: string; family: string }[] = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { file: '/System/Library/Fonts/PingFang.ttc', family: 'PingFang SC' },
  { file: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'Microsoft YaHei' },
];

export interface CjkFont {
  file: string;
  family: string;
}

/**
 * The CJK font used for PNGs: CJK_FONT_FILE (with CJK_FONT_FAMILY) when set, else the first candidate present.
 * Throws rather than render boxes or blanks where the Chinese text should be.
 */
export function findCjkFont(env: Record<string, string | undefined> = process.env, exists: (p: string) => boolean = existsSync): CjkFont {
  if (env.CJK_FONT_FILE) {
    if (!exists(env.CJK_FONT_FILE)) throw new Error(`CJK_FONT_FILE ${env.CJK_FONT_FILE} does not exist`);
    return { file: env.CJK_FONT_FILE, family: env.CJK_FONT_FAMILY || 'Noto Sans CJK SC' };
  }
  const found = CJK_FONT_CANDIDATES.find((c) => exists(c.file));
  if (!found) {
    throw new Error(
      'No CJK font found for the PNG charts: install one (Debian: apt-get install fonts-wqy-microhei) or set CJK_FONT_FILE to a .ttf/.ttc/.otf with Chinese glyphs',
    );
  }
  return found;
}

/**
 * Latin fonts for the English charts: resvg draws a <text> in its default family when the SVG's first family is
 * not loaded, so English PNGs get a Latin default ("China’s" with a Latin apostrophe, not a full-width one) and
 * fall back to the CJK font for a text with Chinese in it (the 示例数据 marker). Regular and bold, since titles
 * are bold and resvg does not embolden a regular face.
 */
const LATIN_FONT_CANDIDATES: LatinFont[] = [
  { files: ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'], family: 'Liberation Sans' },
  { files: ['/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf'], family: 'Liberation Sans' },
  { files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'], family: 'DejaVu Sans' },
  { files: ['/System/Library/Fonts/Helvetica.ttc'], family: 'Helvetica' },
  { files: ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'], family: 'Arial' },
];

export interface LatinFont {
  files: string[];
  family: string;
}

/**
 * The Latin font for English PNGs: LATIN_FONT_FILE (with LATIN_FONT_FAMILY) when set, else the first candidate
 * present. Null when there is none: English PNGs are then drawn in the CJK font, as before, rather than not at all.
 */
export function findLatinFont(env: Record<string, string | undefined> = process.env, exists: (p: string) => boolean = existsSync): LatinFont | null {
  if (env.LATIN_FONT_FILE) {
    if (!exists(env.LATIN_FONT_FILE)) throw new Error(`LATIN_FONT_FILE ${env.LATIN_FONT_FILE} does not exist`);
    return { files: [env.LATIN_FONT_FILE], family: env.LATIN_FONT_FAMILY || 'Liberation Sans' };
  }
  const found = LATIN_FONT_CANDIDATES.find((c) => exists(c.files[0]));
  return found ? { files: found.files.filter((f) => exists(f)), family: found.family } : null;
}

/**
 * resvg's font options for a chart in one language. Only the known fonts: the same PNG on every build machine, and
 * no time spent scanning system fonts. resvg does not walk the SVG's font-family list (a first family it lacks sends
 * it to the default), so the default family is what follows the reader: Latin for English charts.
 */
export function pngFontOptions(cjk: CjkFont, latin: LatinFont | null, lang: Lang) {
  const family = lang === 'en' && latin ? latin.family : cjk.family;
  return { loadSystemFonts: false, fontFiles: [cjk.file, ...(latin?.files ?? [])], defaultFontFamily: family, sansSerifFamily: family };
}

let font: CjkFont | null = null;
let latin: LatinFont | null | undefined;
let warned = false;

/**
 * Whether PNG (and so DOCX) charts can be drawn on this build machine. Without a CJK font the build still
 * succeeds (so `npm ci && npm start` works on a bare machine); the PNG and Word downloads are then left out, with
 * a warning, rather than drawn with boxes where the Chinese should be. CI installs a font, so they are tested.
 */
export function pngChartsAvailable(env: Record<string, string | undefined> = process.env, exists: (p: string) => boolean = existsSync): boolean {
  try {
    findCjkFont(env, exists);
    return true;
  } catch (e) {
    if (env.CJK_FONT_FILE) throw e;
    if (!warned) console.warn(`[charts] ${(e as Error).message}. PNG and Word downloads are left out of this build.`);
    warned = true;
    return false;
  }
}

/** Renders an SVG document to PNG bytes; `scale` 2 gives print quality at the SVG's nominal size. */
export function svgToPng(
  svg: string,
  scale = 2,
  cjk: CjkFont = (font ??= findCjkFont()),
  opts: { lang?: Lang; latin?: LatinFont | null } = {},
): { png: Buffer; width: number; height: number } {
  const lf = opts.latin !== undefined ? opts.latin : latin === undefined ? (latin = findLatinFont()) : latin;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: pngFontOptions(cjk, lf, opts.lang ?? 'zh'),
    background: '#ffffff',
  });
  const img = resvg.render();
  return { png: img.asPng(), width: img.width, height: img.height };
}
