import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../shared/url-state';
import { chainRuleSchema } from './state';
import { chain, curve } from './model';

const defaults = defaultsOf(chainRuleSchema);
const sig = (z: number) => 1 / (1 + Math.exp(-z));

describe('chain-rule model', () => {
  it("reproduces the lecture's example: two sigmoids, w₁ = 0.5, w₂ = −1.5, x = 2", () => {
    const c = chain(defaults);
    // By hand: u = 1, a = σ(1), g = −1.5σ(1), F′ = σ′(g)·(−1.5)·σ′(1)·0.5 with σ′(z) = σ(z)(1 − σ(z))
    const a = sig(1);
    const g = -1.5 * a;
    const expected = sig(g) * (1 - sig(g)) * -1.5 * (a * (1 - a)) * 0.5;
    expect(c.u).toBe(1);
    expect(c.a).toBeCloseTo(0.7310585786, 10);
    expect(c.g).toBeCloseTo(-1.0965878679, 9);
    expect(c.analytic).toBeCloseTo(expected, 14);
    expect(c.analytic).toBeCloseTo(-0.02768, 5); // 0.18766 · (−1.5) · 0.19661 · 0.5
    expect(c.numeric).toBeCloseTo(c.analytic, 8);
    expect(c.relError).toBeLessThan(1e-7);
  });

  it('gets a polynomial chain exactly: square after linear is (w₂w₁x)², derivative 2(w₂w₁)²x', () => {
    const c = chain({ ...defaults, f1: 'linear', f2: 'square', x: 1.5, w1: 2, w2: -3 });
    expect(c.y).toBeCloseTo(81, 12); // (−3·2·1.5)² = 81
    expect(c.analytic).toBeCloseTo(2 * 36 * 1.5, 12); // 108
    expect(c.factors).toEqual([2 * -9, -3, 1, 2]);
    expect(c.numeric).toBeCloseTo(108, 5);
  });

  it('tanh inside square: d/dx tanh(w₁x)² = 2 tanh(w₁x)(1 − tanh²(w₁x))w₁ (w₂ = 1)', () => {
    const c = chain({ ...defaults, f1: 'tanh', f2: 'square', x: 0.7, w1: 1.2, w2: 1 });
    const t = Math.tanh(0.84);
    expect(c.analytic).toBeCloseTo(2 * t * (1 - t * t) * 1.2, 12);
    expect(c.relError).toBeLessThan(1e-7);
  });

  it('a switched-off ReLU gives a zero derivative, and both methods agree', () => {
    const c = chain({ ...defaults, f1: 'relu', x: -1, w1: 1 });
    expect(c.factors[2]).toBe(0);
    expect(c.analytic).toBe(0);
    expect(c.numeric).toBe(0);
    expect(c.relError).toBe(0);
    expect(c.atKink).toBe(false);
  });

  it('flags the ReLU kink, where the numeric slope is the average of the two sides', () => {
    const c = chain({ ...defaults, f1: 'relu', f2: 'linear', x: 0, w1: 2, w2: 1 });
    expect(c.atKink).toBe(true);
    expect(c.analytic).toBe(0); // ReLU′(0) taken as 0
    expect(c.numeric).toBeCloseTo(1, 6); // (2h − 0) / 2h
    expect(c.relError).toBeCloseTo(1, 6);
  });

  it('draws the tangent through the point', () => {
    const c = chain(defaults);
    const pts = curve(defaults, c, 81);
    const at = pts.find((p) => Math.abs(p.x - 2) < 1e-9)!;
    expect(at.tangent).toBeCloseTo(at.y, 12);
  });
});
