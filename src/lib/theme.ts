// Visual constants shared by the page CSS and the build-time charts.
import type { Lang } from './i18n.ts';

/** CJK system faces, by platform. */
const CJK_FACES = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei'";
/**
 * Latin system faces, by platform. No system-ui here: on a Chinese-language system it is the CJK UI face, which
 * draws ’ and digits full-width ("China ’ s").
 */
const LATIN_FACES = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Helvetica, Arial, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans'";

/**
 * System fonts only (no web fonts: the site works air-gapped). Chinese pages set CJK faces first (Latin letters
 * inside Chinese text take the CJK face's forms, as Chinese readers expect); English pages set Latin faces first,
 * with the CJK faces as fallback for the Chinese that appears there (the 示例数据 marker, names). Keep in step with
 * `--font` in src/styles/global.css.
 */
export const FONT_STACKS: Record<Lang, string> = {
  zh: `${CJK_FACES}, system-ui, sans-serif`,
  en: `${LATIN_FACES}, ${CJK_FACES}, sans-serif`,
};

/** The font stack for the reader's language. */
export function fontStack(lang: Lang): string {
  return FONT_STACKS[lang];
}

/** Series colours (Observable 10, distinguishable in print and for most colour-vision deficiencies). */
export const PALETTE = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];
