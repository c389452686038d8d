// A tiny seeded PRNG so the committed sample is byte-identical on every machine and every run.
// Math.random and clocks are never used by the generator: a reviewer must be able to regenerate
// data/raw/ and get no diff.

/** A stream of numbers in [0, 1) plus the few draws the generator needs. */
export interface Rng {
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Roughly normal, mean 0, sd 1 (sum of uniforms: cheap and bounded, good enough for noise). */
  gauss(): number;
}

/** mulberry32: 32-bit state, passes the usual smoke tests, and is a dozen lines. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive an independent stream per topic from one seed. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * One stream per topic (firms, trade, dirty rows…), so that changing how one file is drawn does not
 * reshuffle every other file.
 */
export function makeRng(seed: number, topic: string): Rng {
  const next = mulberry32((seed ^ hashLabel(topic)) >>> 0);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (weights) => {
      const total = weights.reduce((s, w) => s + w, 0);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    chance: (p) => next() < p,
    gauss: () => next() + next() + next() + next() + next() + next() - 3,
  };
  return rng;
}
