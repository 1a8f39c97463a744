import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matrix } from '@lib';
import { decodeState, defaultsOf, encodeState } from '../shared/url-state';
import { linearCollapseSchema, type LinearCollapseState } from './state';
import {
  INPUT_RANGE,
  SAMPLES,
  agrees,
  collapse,
  compare,
  keepDomain,
  ladder,
  niceDomain,
  networkOf,
  randomInputs,
  weightedSumTex,
  weightsOf,
} from './model';

const defaults = defaultsOf(linearCollapseSchema);
const weight = fc.integer({ min: -50, max: 50 }).map((i) => i / 10);

describe('linear-collapse widget model', () => {
  it('the defaults are the slide network: h11 = 1x1, h21 = 2x2, h12 = 2h11 + 3h21, h22 = 1h21 + 2h11, y = 3h12 + 1h22', () => {
    const net = networkOf(weightsOf(defaults), 'linear');
    // One input at a time, by hand: x = (1, 0) and x = (0, 1).
    const y = net.predict(
      Matrix.from([
        [1, 0],
        [0, 1],
        [0.5, -2],
      ]),
    );
    const byHand = (x1: number, x2: number) => {
      const h11 = 1 * x1;
      const h21 = 2 * x2;
      const h12 = 2 * h11 + 3 * h21;
      const h22 = 1 * h21 + 2 * h11;
      return 3 * h12 + 1 * h22;
    };
    expect(y.toArray()).toEqual([[byHand(1, 0)], [byHand(0, 1)], [byHand(0.5, -2)]]);
  });

  it('the product of the slide weights is [[8], [20]], not the slip 4x1 of the slide', () => {
    const product = collapse(weightsOf(defaults));
    expect(product.toArray()).toEqual([[8], [20]]);
    expect(product.get(0, 0)).not.toBe(1 * 2 + 1 * 2 * 1);
  });

  it('with linear hidden units the network equals its single layer on every random input', () => {
    const r = compare(defaults);
    expect(r.samples).toHaveLength(SAMPLES);
    expect(r.mismatches).toBe(0);
    expect(r.maxDifference).toBeLessThan(1e-12);
    for (const p of r.samples) expect(p.network).toBeCloseTo(8 * p.x1 + 20 * p.x2, 10);
  });

  it('with ReLU the same weights no longer collapse: many inputs disagree, by a lot', () => {
    const r = compare({ ...defaults, act: 'relu' });
    expect(r.mismatches).toBeGreaterThan(SAMPLES / 4);
    expect(r.maxDifference).toBeGreaterThan(5);
    // The mismatch happens only where a ReLU switched a neuron off.
    for (const p of r.samples) if (!p.clipped) expect(p.agree).toBe(true);
    expect(r.worst.agree).toBe(false);
    expect(Math.abs(r.worst.difference)).toBe(r.maxDifference);
  });

  it('the product equals the network for any weights when linear (property)', () => {
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: 4, maxLength: 4 }),
        fc.array(weight, { minLength: 4, maxLength: 4 }),
        fc.array(weight, { minLength: 2, maxLength: 2 }),
        fc.integer({ min: 1, max: 9999 }),
        (w1, w2, w3, seed) => {
          const s: LinearCollapseState = { w1, w2, w3, act: 'linear', seed };
          const r = compare(s, randomInputs(seed, 20));
          expect(r.mismatches).toBe(0);
        },
      ),
      { seed: 3, numRuns: 60 },
    );
  });

  it('ReLU with only positive weights on positive inputs changes nothing (the mismatch needs a negative sum)', () => {
    const positive = Matrix.from([
      [0.2, 0.9],
      [0.7, 0.1],
    ]);
    const r = compare({ ...defaults, act: 'relu' }, positive);
    expect(r.clipped).toBe(0);
    expect(r.mismatches).toBe(0);
  });

  it('random inputs are seeded, in range and use both signs', () => {
    const a = randomInputs(4);
    expect(a.toArray()).toEqual(randomInputs(4).toArray());
    expect(randomInputs(5).toArray()).not.toEqual(a.toArray());
    expect(Math.max(...a.data)).toBeLessThanOrEqual(INPUT_RANGE);
    expect(Math.min(...a.data)).toBeGreaterThanOrEqual(-INPUT_RANGE);
    expect(a.data.some((v) => v < 0) && a.data.some((v) => v > 0)).toBe(true);
  });

  it('agrees() allows rounding but not a real difference', () => {
    expect(agrees(0.1 + 0.2, 0.3)).toBe(true);
    expect(agrees(1e6, 1e6 + 1e-4)).toBe(true);
    expect(agrees(1, 1.001)).toBe(false);
  });

  it('writes weighted sums without zero terms and with minus signs', () => {
    const f = (x: number) => String(x);
    expect(
      weightedSumTex(
        [
          [1, 'x_1'],
          [0, 'x_2'],
        ],
        f,
      ),
    ).toBe('1\\,x_1');
    expect(
      weightedSumTex(
        [
          [2, 'h'],
          [-3, 'g'],
        ],
        f,
      ),
    ).toBe('2\\,h - 3\\,g');
    expect(
      weightedSumTex(
        [
          [-0.5, 'h'],
          [1, 'g'],
        ],
        f,
      ),
    ).toBe('-0.5\\,h + 1\\,g');
    expect(
      weightedSumTex(
        [
          [0, 'h'],
          [0, 'g'],
        ],
        f,
      ),
    ).toBe('0');
  });

  it('the state round-trips through a link, and garbage falls back to the slide weights', () => {
    const s = { ...defaults, w2: [2, 2, -3, 1], act: 'relu' as const };
    expect(decodeState(linearCollapseSchema, encodeState(linearCollapseSchema, s)).state).toEqual(s);
    const bad = decodeState(linearCollapseSchema, 'w1:1_2,act:gelu');
    expect(bad.problems).toHaveLength(2);
    expect(bad.state).toEqual(defaults);
  });
});

describe('the chart range', () => {
  const slide = (w11: number) => compare({ ...defaults, w1: [w11, 0, 0, 2] });
  it('rounds the padded outputs out to a coarse ladder (the slide weights: ±30)', () => {
    expect(ladder(27.5)).toBe(30);
    expect(ladder(30.3)).toBe(50);
    expect(niceDomain(slide(1))).toEqual([-30, 30]);
    expect(niceDomain(slide(1.1))).toEqual([-30, 50]);
  });
  it('keeps the range shown while a weight goes back and forth across a rounding step', () => {
    let shown = niceDomain(slide(1));
    const ranges = new Set<[number, number]>();
    for (const w of [1.1, 1, 1.1, 1, 1.1]) {
      shown = keepDomain(shown, slide(w));
      ranges.add(shown);
    }
    // It grows once (1.1 needs more room), then stays: the same array, so the chart is not redrawn.
    expect([...ranges]).toEqual([[-30, 50]]);
  });
  it('shrinks again when the outputs fill too little of it, and never cuts an output off', () => {
    const shown: [number, number] = [-300, 300];
    expect(keepDomain(shown, slide(1))).toEqual([-30, 30]);
    const tight: [number, number] = [-2, 2];
    const grown = keepDomain(tight, slide(1));
    expect(grown[0]).toBeLessThanOrEqual(-25.73);
    expect(grown[1]).toBeGreaterThanOrEqual(26.42);
  });
});
