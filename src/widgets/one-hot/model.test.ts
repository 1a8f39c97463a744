import { describe, expect, it } from 'vitest';
import { decodeState, defaultsOf } from '../shared/url-state';
import { oneHotSchema } from './state';
import { BUILT_IN, MAX_CATEGORIES, allPairs, checkLabel, compare, usable, vectorOf } from './model';

const defaults = defaultsOf(oneHotSchema);

describe('one-hot widget model', () => {
  it('encodes Dog, Pear, House, Grass as the rows of the identity', () => {
    expect(vectorOf(0, 4)).toEqual([1, 0, 0, 0]);
    expect(vectorOf(1, 4)).toEqual([0, 1, 0, 0]);
    expect(vectorOf(2, 4)).toEqual([0, 0, 1, 0]);
    expect(vectorOf(3, 4)).toEqual([0, 0, 0, 1]);
    expect(vectorOf(4, 5)).toEqual([0, 0, 0, 0, 1]);
  });

  it("the slides' two examples: Pear vs House and Dog vs Grass both give 2 (a sum), 0.5 as a mean", () => {
    expect(BUILT_IN[defaults.truth]).toBe('Pear');
    expect(BUILT_IN[defaults.guess]).toBe('House');
    const a = compare(4, 1, 2);
    expect(a.yTrue).toEqual([0, 1, 0, 0]);
    expect(a.yPredict).toEqual([0, 0, 1, 0]);
    expect(a.differences).toEqual([0, 1, -1, 0]);
    expect(a.squares).toEqual([0, 1, 1, 0]);
    expect(a.sum).toBe(2);
    expect(a.mean).toBe(0.5);
    const b = compare(4, 0, 3);
    expect(b.sum).toBe(2);
    expect(b.mean).toBe(0.5);
  });

  it('every mismatch costs exactly 2 and every match 0, whatever the number of categories', () => {
    for (let k = 2; k <= MAX_CATEGORIES; k++) {
      const pairs = allPairs(k);
      pairs.forEach((row, t) => row.forEach((v, g) => expect(v).toBe(t === g ? 0 : 2)));
      // The mean (the engine's MSE) shrinks with k although nothing about the mistake changed.
      expect(compare(k, 0, 1).mean).toBeCloseTo(2 / k, 15);
    }
  });

  it('numbering the categories would invent distances: Dog→Grass 9, Dog→Pear 1', () => {
    expect(compare(4, 0, 3).numbered).toBe(9);
    expect(compare(4, 0, 1).numbered).toBe(1);
    expect(compare(4, 2, 2).numbered).toBe(0);
  });

  it('positions beyond the list fall back to the last category', () => {
    expect(usable(6, 4)).toBe(3);
    expect(usable(-1, 4)).toBe(0);
    expect(compare(4, 6, 6).sum).toBe(0);
  });

  it("checks the reader's category names", () => {
    const list = [...BUILT_IN];
    expect(checkLabel('  Cat ', list)).toEqual({ ok: true, label: 'Cat' });
    expect(checkLabel('ice  cream', list)).toEqual({ ok: true, label: 'ice cream' });
    expect(checkLabel('Café', list)).toEqual({ ok: true, label: 'Café' });
    expect(checkLabel('', list).ok).toBe(false);
    expect(checkLabel('   ', list).ok).toBe(false);
    expect(checkLabel('pear', list)).toMatchObject({ ok: false, reason: expect.stringContaining('already') });
    expect(checkLabel('<script>', list)).toMatchObject({ ok: false, reason: expect.stringContaining('characters') });
    expect(checkLabel('a,b', list).ok).toBe(false);
    expect(checkLabel('x'.repeat(17), list)).toMatchObject({ ok: false, reason: expect.stringContaining('too long') });
    expect(checkLabel('Cat', ['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('remove'),
    });
  });

  it('a garbage link keeps the defaults', () => {
    const r = decodeState(oneHotSchema, 'truth:pear,guess:9');
    expect(r.problems).toHaveLength(2);
    expect(r.state).toEqual({ truth: 1, guess: 6 });
  });
});
