import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeState, defaultsOf } from '../shared/url-state';
import { crossEntropySchema } from './state';
import { LOSS_CAP, PRESETS, compute, curve, lossCurves, setProbability } from './model';

const defaults = defaultsOf(crossEntropySchema);

describe('cross-entropy widget model', () => {
  it("the defaults are the slides' blue prediction for Pear: −ln 0.301 ≈ 1.2006 (the slide's 1.20)", () => {
    const r = compute(defaults);
    expect(r.trueName).toBe('Pear');
    expect(r.pTrue).toBe(0.301);
    // ln 0.301 = ln 301 − ln 1000 = 5.70711026 − 6.90775528
    expect(r.loss).toBeCloseTo(1.20064502, 7);
    expect(r.loss.toFixed(2)).toBe('1.20');
    expect(r.sum).toBeCloseTo(0.999, 12);
  });

  it("the yellow prediction: −ln 0.789 ≈ 0.2370 (the slide's 0.24); uniform: ln 4 ≈ 1.3863", () => {
    const y = compute({ ...defaults, p: [...PRESETS.yellow] });
    expect(y.loss).toBeCloseTo(0.23699, 5);
    expect(y.loss.toFixed(2)).toBe('0.24');
    expect(compute({ ...defaults, p: [...PRESETS.uniform] }).loss).toBeCloseTo(Math.log(4), 12);
    // The rounded vectors the slide feeds to NumPy give the same two-decimal numbers.
    expect((-Math.log(0.3)).toFixed(2)).toBe('1.20');
    expect((-Math.log(0.79)).toFixed(2)).toBe('0.24');
  });

  it('without clipping, p = 0 gives Infinity; with clipping, −ln(1e-7) ≈ 16.118', () => {
    const zero = setProbability(PRESETS.blue, 1, 0);
    const clipped = compute({ ...defaults, p: zero });
    expect(clipped.loss).toBeCloseTo(16.11809565, 7);
    expect(LOSS_CAP).toBeCloseTo(16.11809565, 7);
    expect(clipped.clipMatters).toBe(true);
    const raw = compute({ ...defaults, p: zero, clip: false });
    expect(raw.loss).toBe(Infinity);
    expect(Number.isNaN(raw.loss)).toBe(false);
    // Away from the ends clipping changes nothing.
    expect(compute({ ...defaults, clip: false }).loss).toBe(compute(defaults).loss);
    expect(compute(defaults).clipMatters).toBe(false);
  });

  it('binary: y = 1 uses −ln ŷ, y = 0 uses −ln(1 − ŷ)', () => {
    const b = { ...defaults, mode: 'binary' as const };
    expect(compute({ ...b, y: '1', yhat: 0.8 }).loss).toBeCloseTo(0.22314355, 7);
    expect(compute({ ...b, y: '0', yhat: 0.8 }).loss).toBeCloseTo(1.60943791, 7);
    expect(compute({ ...b, y: '0', yhat: 0.8 }).pTrue).toBeCloseTo(0.2, 12);
    // The sign slip of the slide would give ln(0.1) < 0 for a confident wrong answer; the real loss is ln 10.
    expect(compute({ ...b, y: '0', yhat: 0.9 }).loss).toBeCloseTo(2.30258509, 7);
    expect(compute({ ...b, y: '1', yhat: 0, clip: false }).loss).toBe(Infinity);
    expect(compute({ ...b, y: '0', yhat: 1, clip: false }).loss).toBe(Infinity);
    expect(compute({ ...b, y: '0', yhat: 1 }).loss).toBeCloseTo(16.118, 3);
  });

  it('moving one probability keeps the others in proportion and the sum at exactly 1', () => {
    expect(setProbability([0.25, 0.25, 0.25, 0.25], 1, 0.7)).toEqual([0.1, 0.7, 0.1, 0.1]);
    expect(setProbability([0.2, 0.2, 0.6, 0], 0, 0.6)).toEqual([0.6, 0.1, 0.3, 0]);
    expect(setProbability([0, 1, 0, 0], 1, 0.4)).toEqual([0.2, 0.4, 0.2, 0.2]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 1000 }),
        (raw, i, v) => {
          const probs = raw.map((x) => x / 1000);
          const next = setProbability(probs, i, v / 1000);
          expect(next[i]).toBe(v / 1000);
          const units = next.map((x) => Math.round(x * 1000));
          expect(units.reduce((a, b) => a + b, 0)).toBe(1000);
          for (const x of next) expect(x >= 0 && x <= 1).toBe(true);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });

  it('the curves are finite everywhere they are drawn; clipped, they never pass the cap', () => {
    const raw = curve(false);
    expect(raw.every((d) => Number.isFinite(d.loss))).toBe(true);
    expect(raw.some((d) => d.p === 0)).toBe(false);
    const c = curve(true);
    expect(c[0]).toEqual({ p: 0, loss: LOSS_CAP });
    expect(Math.max(...c.map((d) => d.loss))).toBeCloseTo(LOSS_CAP, 12);
    const other = curve(true, 'one-minus-p');
    expect(other.at(-1)!.p).toBe(1);
    expect(other.at(-1)!.loss).toBeCloseTo(LOSS_CAP, 12);
  });

  it('the drawn curves: the true branch, the other one only in the binary case, cut at yMax + 2', () => {
    const categorical = lossCurves('categorical', true, '0', 5);
    expect(categorical.other).toEqual([]);
    expect(categorical.main).toEqual(curve(true).map((d) => [d.p, Math.min(d.loss, 7)]));
    expect(Math.max(...categorical.main.map(([, loss]) => loss))).toBe(7);
    // y = 1: −log ŷ is the main curve, −log(1 − ŷ) the other; y = 0 swaps them.
    const one = lossCurves('binary', false, '1', 17.5);
    const zero = lossCurves('binary', false, '0', 17.5);
    expect(one.main).toEqual(curve(false, 'p').map((d) => [d.p, Math.min(d.loss, 19.5)]));
    expect(one.other).toEqual(curve(false, 'one-minus-p').map((d) => [d.p, Math.min(d.loss, 19.5)]));
    expect(zero.main).toEqual(one.other);
    expect(zero.other).toEqual(one.main);
    // Unclipped the loss climbs past the tall axis's top near p = 0; it is cut 2 above it.
    expect(one.main[0]).toEqual([1e-9, 19.5]);
    expect(one.main.every(([, loss]) => Number.isFinite(loss) && loss <= 19.5)).toBe(true);
  });

  it('a garbage link keeps the defaults', () => {
    const r = decodeState(crossEntropySchema, 'mode:ternary,cls:7,p:1_2,y:2,clip:yes');
    expect(r.problems).toHaveLength(5);
    expect(r.state).toEqual({ ...defaults, cls: 3 });
  });
});
