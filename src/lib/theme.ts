// Visual constants shared by the page CSS and the build-time charts.

/** System fonts only (no web fonts: the site works air-gapped). CJK faces first, by platform. */
export const FONT_STACK =
  "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, sans-serif";

/** Series colours (Observable 10, distinguishable in print and for most colour-vision deficiencies). */
export const PALETTE = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];
