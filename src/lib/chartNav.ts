// Which value of a chart the pointer or the keyboard is on. Pure, so the chart island stays a thin layer of
// events and the choice of point is unit-tested.

/** A value's place on screen: its centre, and for a bar the rectangle the bar fills. */
export interface Anchor {
  x: number;
  y: number;
  box?: { left: number; top: number; right: number; bottom: number };
}

/**
 * The value under the pointer: the bar that contains it (the smallest, where bars overlap), otherwise the value whose
 * centre is nearest. -1 for a chart without values.
 */
export function nearestPoint(anchors: readonly Anchor[], px: number, py: number): number {
  let best = -1;
  let bestArea = Infinity;
  anchors.forEach((a, i) => {
    const b = a.box;
    if (!b || px < b.left || px > b.right || py < b.top || py > b.bottom) return;
    const area = (b.right - b.left) * (b.bottom - b.top);
    if (area < bestArea) [best, bestArea] = [i, area];
  });
  if (best >= 0) return best;
  let bestDist = Infinity;
  anchors.forEach((a, i) => {
    const d = (a.x - px) ** 2 + (a.y - py) ** 2;
    if (d < bestDist) [best, bestDist] = [i, d];
  });
  return best;
}

/** A value by its series (index in legend order) and its year. */
export interface NavPoint {
  s: number;
  x: number;
}

/**
 * Where a key moves from value `i`: Left/Right to the previous/next year of the same series, Up/Down to the
 * previous/next series in the same year, Home/End to the series' first/last year. A series with a single value (a
 * ranking of partners) has no years to walk, so there every arrow walks the values in order. Returns `i` when
 * there is nowhere to go and null for a key that does not move.
 */
export function stepPoint(points: readonly NavPoint[], i: number, key: string): number | null {
  const cur = points[i];
  if (!cur) return null;
  const sameSeries = points.map((p, j) => j).filter((j) => points[j].s === cur.s).sort((a, b) => points[a].x - points[b].x);
  const linear = sameSeries.length === 1;
  const clamp = (j: number) => Math.max(0, Math.min(points.length - 1, j));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowLeft': {
      if (linear) return clamp(i + (key === 'ArrowRight' ? 1 : -1));
      const k = sameSeries.indexOf(i) + (key === 'ArrowRight' ? 1 : -1);
      return sameSeries[k] ?? i;
    }
    case 'ArrowDown':
    case 'ArrowUp': {
      if (linear) return clamp(i + (key === 'ArrowDown' ? 1 : -1));
      const dir = key === 'ArrowDown' ? 1 : -1;
      const sameX = points.map((p, j) => j).filter((j) => points[j].x === cur.x && (points[j].s - cur.s) * dir > 0);
      sameX.sort((a, b) => (points[a].s - points[b].s) * dir);
      return sameX[0] ?? i;
    }
    case 'Home':
      return linear ? 0 : sameSeries[0];
    case 'End':
      return linear ? points.length - 1 : sameSeries[sameSeries.length - 1];
    default:
      return null;
  }
}
