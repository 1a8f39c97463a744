/**
 * Seeded pseudo-random numbers. Everything random in lib/ (initial weights,
 * shuffling, data sets) takes an `Rng` argument, so a seed reproduces a run
 * exactly — in Node, in the browser and in a Web Worker. Math.random is never used.
 */

/** A seeded random number generator. Its whole state is one 32-bit integer. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  uniform(min: number, max: number): number;
  /** Standard normal sample N(mean, std²) via Box–Muller (defaults: mean 0, std 1). */
  normal(mean?: number, std?: number): number;
  /** Uniform integer in {0, 1, …, n − 1}. */
  int(n: number): number;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T;
  /** The internal state; `createRng(0).state = s` resumes a saved sequence. */
  state: number;
}

/**
 * mulberry32: a tiny, fast 32-bit generator (period 2³²), good enough for
 * initialising weights and shuffling — not for cryptography.
 * state ← state + 0x6D2B79F5, then a few xor-shift-multiply rounds map it to [0, 2³²), divided by 2³².
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`createRng: seed must be a finite number, got ${seed}`);
  // The 32 state bits are kept as a signed int32 (`| 0`), not as the unsigned value: a closure
  // variable holding a number ≥ 2³¹ is a boxed heap number, re-allocated on every draw.
  // The bit operations below read the same 32 bits either way.
  let state = Math.trunc(seed) | 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  return {
    next,
    uniform(min: number, max: number): number {
      return min + (max - min) * next();
    },
    normal(mean = 0, std = 1): number {
      // Box–Muller: two uniforms → one normal. 1 − u keeps log away from log(0).
      const u = 1 - next();
      const v = next();
      return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    int(n: number): number {
      if (!Number.isInteger(n) || n <= 0) throw new Error(`Rng.int: n must be a positive integer, got ${n}`);
      return Math.floor(next() * n);
    },
    shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
    get state(): number {
      return state >>> 0;
    },
    set state(value: number) {
      if (!Number.isFinite(value)) throw new Error(`Rng.state must be a finite number, got ${value}`);
      state = Math.trunc(value) | 0;
    },
  };
}
