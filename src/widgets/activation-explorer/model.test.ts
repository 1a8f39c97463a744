import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { relu, sigmoid, step, tanh } from '@lib';
import { decodeState, defaultsOf } from '../shared/url-state';
import { activationExplorerSchema } from './state';
import {
  FUNCTIONS,
  SATURATED,
  X_MAX,
  X_MIN,
  curve,
  derivative,
  lessons,
  probe,
  shownFunctions,
  value,
  yDomain,
} from './model';
import { leakyRelu, leakyReluDerivative } from '@lib';

const defaults = defaultsOf(activationExplorerSchema);
const central = (f: (x: number) => number, x: number, h = 1e-5) => (f(x + h) - f(x - h)) / (2 * h);

describe('activation-explorer widget model', () => {
  it('uses the engine for the lecture functions', () => {
    for (const x of [-2.5, -0.3, 0, 0.7, 3]) {
      expect(value('step', x, 0.1)).toBe(step(x));
      expect(value('sigmoid', x, 0.1)).toBe(sigmoid(x));
      expect(value('tanh', x, 0.1)).toBe(tanh(x));
      expect(value('relu', x, 0.1)).toBe(relu(x));
      expect(value('linear', x, 0.1)).toBe(x);
    }
  });

  it('every derivative matches a central difference away from the corners (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FUNCTIONS),
        fc.double({ min: X_MIN, max: X_MAX, noNaN: true }).filter((x) => Math.abs(x) > 1e-3),
        fc.integer({ min: 1, max: 50 }).map((i) => i / 100),
        (fn, x, alpha) => {
          const numeric = central((t) => value(fn, t, alpha), x);
          expect(derivative(fn, x, alpha)!).toBeCloseTo(numeric, 6);
        },
      ),
      { seed: 21, numRuns: 400 },
    );
  });

  it('at the corner the one-sided slopes differ, so the value there is a convention', () => {
    const h = 1e-6;
    const right = (fn: 'relu' | 'leaky') => (value(fn, h, 0.1) - value(fn, 0, 0.1)) / h;
    const left = (fn: 'relu' | 'leaky') => (value(fn, 0, 0.1) - value(fn, -h, 0.1)) / h;
    expect(right('relu')).toBeCloseTo(1, 9);
    expect(left('relu')).toBeCloseTo(0, 9);
    expect(right('leaky')).toBeCloseTo(1, 9);
    expect(left('leaky')).toBeCloseTo(0.1, 9);
    expect(probe('relu', 0, 0.1)).toMatchObject({ df: 0, convention: true });
    expect(probe('relu', 0.5, 0.1).convention).toBe(false);
  });

  it('the step has slope 0 and none at its jump, where a central difference blows up', () => {
    expect(derivative('step', 1.3, 0.1)).toBe(0);
    expect(derivative('step', -0.2, 0.1)).toBe(0);
    expect(derivative('step', 0, 0.1)).toBeUndefined();
    expect(Math.abs(central((t) => value('step', t, 0.1), 0, 1e-6))).toBeGreaterThan(1e5);
  });

  it('leaky ReLU: x for x > 0, αx otherwise', () => {
    expect(leakyRelu(2, 0.1)).toBe(2);
    expect(leakyRelu(-2, 0.1)).toBeCloseTo(-0.2, 15);
    expect(leakyRelu(0, 0.3)).toBe(0);
    expect(leakyReluDerivative(-5, 0.3)).toBe(0.3);
    expect(leakyReluDerivative(5, 0.3)).toBe(1);
  });

  it('draws the step and the derivatives of ReLU in separate pieces, never a line across the jump', () => {
    const stepCurve = curve('step', 'f', 0.1);
    expect(new Set(stepCurve.map((p) => p.piece)).size).toBe(2);
    for (const p of stepCurve) expect(p.y).toBe(p.piece === 'step-0' ? 0 : 1);
    // Both pieces reach x = 0, each with its own side's value.
    expect(stepCurve.filter((p) => p.x === 0).map((p) => p.y)).toEqual([0, 1]);
    const reluSlope = curve('relu', 'df', 0.1);
    expect(reluSlope.filter((p) => p.x === 0).map((p) => p.y)).toEqual([0, 1]);
    // Smooth curves and the ReLU itself are one piece, covering the whole range.
    const s = curve('sigmoid', 'f', 0.1);
    expect(new Set(s.map((p) => p.piece)).size).toBe(1);
    expect(s[0]!.x).toBe(X_MIN);
    expect(s.at(-1)!.x).toBe(X_MAX);
    expect(new Set(curve('relu', 'f', 0.1).map((p) => p.piece)).size).toBe(1);
    for (const fn of FUNCTIONS)
      for (const k of ['f', 'df'] as const) expect(curve(fn, k, 0.2).every((p) => Number.isFinite(p.y))).toBe(true);
  });

  it('the y range fits the shown curves and always includes 0 and 1', () => {
    const [lo, hi] = yDomain(['sigmoid'], 'f', 0.1);
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(1);
    expect(hi).toBeLessThan(1.2);
    const [lo2, hi2] = yDomain(['linear', 'relu'], 'f', 0.1);
    expect(lo2).toBeLessThanOrEqual(X_MIN);
    expect(hi2).toBeGreaterThanOrEqual(X_MAX);
    expect(yDomain([], 'df', 0.1)[1]).toBeGreaterThan(1);
  });

  it('explains what the slope means at the probe', () => {
    expect(shownFunctions(defaults)).toEqual(['sigmoid', 'tanh', 'relu']);
    expect(lessons(defaults)).toEqual([]); // x = 1: nothing saturated, ReLU on
    const far = lessons({ ...defaults, x: -3.5 });
    expect(far.some((l) => l.startsWith('Sigmoid: saturated'))).toBe(true);
    expect(far.some((l) => l.startsWith('Tanh: saturated'))).toBe(true);
    expect(far.some((l) => l.includes('dead'))).toBe(true);
    expect(derivative('sigmoid', -3.5, 0)!).toBeLessThan(SATURATED);
    expect(lessons({ ...defaults, step: true, x: 2 }).some((l) => l.includes('no gradient'))).toBe(true);
    expect(
      lessons({ ...defaults, leaky: true, relu: false, x: -1 }).some((l) => l.includes('some gradient still flows')),
    ).toBe(true);
  });

  it('a garbage link keeps the defaults', () => {
    const r = decodeState(activationExplorerSchema, 'step:yes,x:NaN,alpha:9');
    expect(r.problems).toHaveLength(3);
    expect(r.state).toEqual({ ...defaults, alpha: 0.5 });
  });
});
