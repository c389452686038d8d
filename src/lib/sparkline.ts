// A sparkline: the shape of a series in a small inline SVG, drawn at build time (no script, no chart library), so
// the tracker page stays a few kilobytes. Missing values break the line rather than being drawn as zero.

export interface SparkPoint {
  x: number;
  value: number | null;
}

export interface SparklineOptions {
  width?: number;
  height?: number;
  /** Accessible name of the picture. */
  label: string;
  /** Draw a mark at the last value (the figure the row reports). */
  markLast?: boolean;
}

/** The SVG markup of a sparkline; an empty string when fewer than two values are present. */
export function sparklineSvg(points: SparkPoint[], o: SparklineOptions): string {
  const width = o.width ?? 96;
  const height = o.height ?? 24;
  const present = points.filter((p): p is { x: number; value: number } => p.value !== null && Number.isFinite(p.value));
  if (present.length < 2) return '';
  const xs = present.map((p) => p.x);
  const vs = present.map((p) => p.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [v0, v1] = [Math.min(...vs), Math.max(...vs)];
  const pad = 2;
  const sx = (x: number) => pad + ((x - x0) / (x1 - x0 || 1)) * (width - 2 * pad);
  // A flat series is drawn across the middle, not on the floor.
  const sy = (v: number) => (v1 === v0 ? height / 2 : pad + (1 - (v - v0) / (v1 - v0)) * (height - 2 * pad));
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const segments: string[] = [];
  let current = '';
  for (const p of sorted) {
    if (p.value === null || !Number.isFinite(p.value)) {
      if (current) segments.push(current);
      current = '';
      continue;
    }
    current += `${current ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.value).toFixed(1)}`;
  }
  if (current) segments.push(current);
  const last = present.reduce((a, b) => (b.x > a.x ? b : a));
  const dot = o.markLast === false ? '' : `<circle cx="${sx(last.x).toFixed(1)}" cy="${sy(last.value).toFixed(1)}" r="2" fill="currentColor"/>`;
  const label = o.label.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return (
    `<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}">` +
    `<path d="${segments.join('')}" fill="none" stroke="currentColor" stroke-width="1.5"/>${dot}</svg>`
  );
}
