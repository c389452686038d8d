import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Resvg } from '@resvg/resvg-js';
import { findCjkFont, findLatinFont, pngFontOptions, svgToPng } from '../../src/lib/chartPng.ts';
import { FONT_STACKS } from '../../src/lib/theme.ts';

test('findCjkFont prefers CJK_FONT_FILE, then known paths, and refuses to go without one', () => {
  assert.deepEqual(findCjkFont({ CJK_FONT_FILE: '/f.ttc', CJK_FONT_FAMILY: 'X' }, () => true), { file: '/f.ttc', family: 'X' });
  assert.throws(() => findCjkFont({ CJK_FONT_FILE: '/missing.ttc' }, () => false), /does not exist/);
  assert.equal(findCjkFont({}, (p) => p.includes('wqy-microhei')).family, 'WenQuanYi Micro Hei');
  assert.throws(() => findCjkFont({}, () => false), /fonts-wqy-microhei/);
});

let font: ReturnType<typeof findCjkFont> | null = null;
try {
  font = findCjkFont();
} catch {
  font = null;
}

/** Dark pixels of a PNG rendering of one line of text: zero when the font has no glyphs for it. */
function inkOf(text: string): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="40"><text x="4" y="28" font-size="20" font-family="'PingFang SC', sans-serif">${text}</text></svg>`;
  const { png } = svgToPng(svg, 1, font!);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return png.length;
}

test('Chinese text is drawn into the PNG (a CJK font is found and used)', { skip: !font && 'no CJK font on this machine' }, () => {
  // An empty canvas compresses to a few hundred bytes; drawn glyphs make the file several times larger.
  const blank = inkOf('');
  const chinese = inkOf('示例数据');
  assert.ok(chinese > blank * 3, `PNG with 示例数据 is ${chinese} bytes, blank ${blank}`);
});

test('English PNGs draw Latin text in a Latin font: ’ is not a full-width CJK glyph', { skip: (!font || !findLatinFont()) && 'no CJK or Latin font file on this machine' }, () => {
  const latin = findLatinFont();
  assert.ok(latin && font);
  const widthOf = (lang: 'zh' | 'en') => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40" font-family="${FONT_STACKS[lang].replace(/'/g, '&apos;')}"><text x="4" y="28" font-size="20">M’’’’’’’’’’M</text></svg>`;
    return new Resvg(svg, { font: pngFontOptions(font!, latin, lang) }).getBBox()!.width;
  };
  const zh = widthOf('zh');
  const en = widthOf('en');
  // Ten full-width apostrophes are ten em wide; Latin ones about two.
  assert.ok(en < zh / 2, `English text is ${en.toFixed(0)} px wide, Chinese-page text ${zh.toFixed(0)} px`);
});

test('findLatinFont prefers LATIN_FONT_FILE, then known paths, and is null without one', () => {
  assert.deepEqual(findLatinFont({ LATIN_FONT_FILE: '/l.ttf', LATIN_FONT_FAMILY: 'L' }, () => true), { files: ['/l.ttf'], family: 'L' });
  assert.throws(() => findLatinFont({ LATIN_FONT_FILE: '/missing.ttf' }, () => false), /does not exist/);
  assert.equal(findLatinFont({}, (p) => p.includes('DejaVuSans'))?.family, 'DejaVu Sans');
  assert.equal(findLatinFont({}, () => false), null);
});
