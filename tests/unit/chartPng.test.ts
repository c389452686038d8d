import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCjkFont, svgToPng } from '../../src/lib/chartPng.ts';

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
