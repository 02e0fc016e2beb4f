// Seeded pseudo-random numbers for tests and the bench: the same seed gives the same kills, key
// timings and databases on every run and machine. mulberry32: tiny, fast, and its successive draws
// are not correlated the way a plain LCG's are. Not for anything secret.

/** Uniform numbers in [0, 1) from `seed`. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
