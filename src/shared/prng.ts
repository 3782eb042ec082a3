// mulberry32: a tiny, fast, seedable pseudo-random generator (uniform in [0, 1)), so seeded data
// (the sandbox's --seed-transactions, the bench's rows) is the same on every run. Not for secrets.
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
