/** mulberry32: a small seeded PRNG (32-bit state), enough to make a simulation replayable by its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Rng {
  /** [0, 1) */
  next(): number;
  chance(p: number): boolean;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** One of the keys, each as likely as its weight (weights of 0 never). */
  weighted<K extends string>(weights: Partial<Record<K, number>>): K;
}

export function rngOf(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    chance: (p) => next() < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: <K extends string>(weights: Partial<Record<K, number>>): K => {
      const entries = (Object.entries(weights) as [K, number][]).filter(([, w]) => w > 0);
      let r = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      return entries.at(-1)![0];
    },
  };
  return rng;
}
