// Integer splitting. Every level of the trade model is cut from its parent with these, so children always
// sum exactly to their parent and never exceed it: the consistency the pipeline's share indicators rely on.

/** Splits a non-negative integer into parts proportional to weights (largest remainder), summing exactly. */
export function splitInteger(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

/** A child share of a parent amount, rounded down so the child can never exceed the parent. */
export function shareOf(total: number, share: number): number {
  return Math.floor(total * Math.min(Math.max(share, 0), 1));
}
