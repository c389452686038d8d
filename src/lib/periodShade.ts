// Where to veil a time chart outside the chosen period. The chart stays the one drawn at build time (every year,
// the same picture as the download); the island only lays translucent rectangles over the years left out, so the
// chosen period stands out without a second way of drawing charts in the browser.

/** The plotting area, in the chart's SVG units. */
export interface Frame {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A year's horizontal position, fitted from two values drawn on the chart: px = at + perYear × (year − year0). */
export interface YearScale {
  year0: number;
  at: number;
  perYear: number;
}

export interface Shade {
  x: number;
  width: number;
}

/** Up to two rectangles: before the period and after it, each reaching half a year towards the period. */
export function periodShades(frame: Frame, scale: YearScale, from: number, to: number): Shade[] {
  const px = (year: number) => scale.at + scale.perYear * (year - scale.year0);
  const half = Math.abs(scale.perYear) / 2;
  const start = Math.min(frame.right, Math.max(frame.left, px(from) - half));
  const end = Math.max(frame.left, Math.min(frame.right, px(to) + half));
  const shades: Shade[] = [];
  if (start > frame.left) shades.push({ x: frame.left, width: start - frame.left });
  if (end < frame.right) shades.push({ x: end, width: frame.right - end });
  return shades;
}

/** The year scale from the positions of values in different years; null with fewer than two distinct years. */
export function fitYearScale(points: readonly { year: number; px: number }[]): YearScale | null {
  if (!points.length) return null;
  const first = points.reduce((a, p) => (p.year < a.year ? p : a));
  const last = points.reduce((a, p) => (p.year > a.year ? p : a));
  if (first.year === last.year) return null;
  return { year0: first.year, at: first.px, perYear: (last.px - first.px) / (last.year - first.year) };
}
