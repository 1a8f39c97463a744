import { describe, expect, it } from 'vitest';
import { createRng } from './random.ts';

describe('createRng (mulberry32)', () => {
  it('is reproducible: the same seed gives the same sequence, another seed another one', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('matches the reference mulberry32 output for seed 1', () => {
    // First value of the widely published mulberry32(1): ((t ^ t >>> 14) >>> 0) / 2^32
    let s = 1;
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    expect(createRng(1).next()).toBe(((t ^ (t >>> 14)) >>> 0) / 4294967296);
  });

  it('matches the textbook mulberry32 (unsigned state) for 1000 draws, also past 2³¹ and for large seeds; state reads unsigned', () => {
    // The generator keeps its state as a signed int32 to avoid boxing; the bits must not change.
    const textbook = (seed: number) => {
      let s = seed >>> 0;
      return () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return [((t ^ (t >>> 14)) >>> 0) / 4294967296, s] as const;
      };
    };
    for (const seed of [0, 1, 42, 0x7fffffff, 0x80000000, 0xdeadbeef, 4294967295]) {
      const ours = createRng(seed);
      const reference = textbook(seed);
      for (let i = 0; i < 1000; i++) {
        const [value, state] = reference();
        expect(ours.next()).toBe(value);
        expect(ours.state).toBe(state);
      }
    }
    const rng = createRng(0);
    rng.state = 0xdeadbeef;
    expect(rng.state).toBe(0xdeadbeef);
  });

  it('next() ∈ [0, 1), uniform(a, b) ∈ [a, b), int(n) ∈ {0..n−1} and hits every value', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const v = rng.uniform(-2, 3);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThan(3);
      const k = rng.int(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
      seen.add(k);
    }
    expect(seen.size).toBe(6);
    expect(() => rng.int(0)).toThrow(/positive integer/);
  });

  it('normal() has about the requested mean and standard deviation', () => {
    const rng = createRng(3);
    const n = 20000;
    const xs = Array.from({ length: n }, () => rng.normal(2, 0.5));
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    expect(mean).toBeCloseTo(2, 1);
    expect(sd).toBeCloseTo(0.5, 1);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('shuffle returns a permutation, reproducibly', () => {
    const a = createRng(5).shuffle(Array.from({ length: 50 }, (_, i) => i));
    const b = createRng(5).shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect(a).toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    const typed = createRng(5).shuffle(Int32Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(typed)).toEqual(a);
  });

  it('state can be saved and restored to resume the same sequence', () => {
    const rng = createRng(11);
    rng.next();
    const saved = rng.state;
    const expected = [rng.next(), rng.next(), rng.next()];
    const resumed = createRng(0);
    resumed.state = saved;
    expect([resumed.next(), resumed.next(), resumed.next()]).toEqual(expected);
  });

  it('rejects a non-finite seed', () => {
    expect(() => createRng(NaN)).toThrow(/finite/);
  });
});
