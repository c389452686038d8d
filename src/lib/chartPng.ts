// PNG copies of the standalone chart SVGs, rendered at build time with resvg (a registry package with prebuilt
// binaries; nothing is downloaded at build or run time). A PNG carries no fonts, so the Chinese glyphs must come
// from a CJK font file on the build machine: rendering in the reader's browser (canvas) was the alternative, but
// an SVG drawn into a canvas from an <img> cannot use system fonts reliably across browsers, and the DOCX export
// needs the PNG at build time anyway.
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

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

let font: CjkFont | null = null;
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
export function svgToPng(svg: string, scale = 2, cjk: CjkFont = (font ??= findCjkFont())): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    // Only the one known font: the same PNG on every build machine, and no time spent scanning system fonts.
    font: { loadSystemFonts: false, fontFiles: [cjk.file], defaultFontFamily: cjk.family, sansSerifFamily: cjk.family },
    background: '#ffffff',
  });
  const img = resvg.render();
  return { png: img.asPng(), width: img.width, height: img.height };
}
