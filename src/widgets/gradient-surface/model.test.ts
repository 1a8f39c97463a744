import { describe, expect, it } from 'vitest';
import { Matrix } from '@lib';
import {
  W1_DOMAIN,
  W2_DOMAIN,
  bandsAt,
  descentArrow,
  gradientAt,
  lossAt,
  lossGrid,
  makeData,
  minimum,
  slice,
} from './model';

const tiny = {
  X: Matrix.from([
    [1, 0],
    [0, 1],
  ]),
  y: Matrix.column([1, 2]),
};

describe('gradient-surface model', () => {
  it('computes the loss and gradient of a tiny case by hand', () => {
    // ŷ = (0, 0): E = ((1 − 0)² + (2 − 0)²) / 2 = 2.5; ∂E/∂wₖ = (2/n) Σ (ŷ − y) xₖ = (−1, −2)
    expect(lossAt(tiny, 0, 0)).toBe(2.5);
    expect(gradientAt(tiny, 0, 0)).toEqual([-1, -2]);
    // at w = (1, 2) the fit is exact
    expect(lossAt(tiny, 1, 2)).toBe(0);
    expect(minimum(tiny)).toEqual([1, 2]);
  });

  it('agrees with a plain loop over the data and with central differences', () => {
    const d = makeData();
    const n = d.X.rows;
    for (const [w1, w2] of [
      [0.6, 0.4],
      [3, -2],
      [-0.5, 1.5],
    ] as const) {
      let sum = 0;
      let g1 = 0;
      let g2 = 0;
      for (let i = 0; i < n; i++) {
        const r = w1 * d.X.get(i, 0) + w2 * d.X.get(i, 1) - d.y.get(i, 0);
        sum += r * r;
        g1 += (2 / n) * r * d.X.get(i, 0);
        g2 += (2 / n) * r * d.X.get(i, 1);
      }
      expect(lossAt(d, w1, w2)).toBeCloseTo(sum / n, 12);
      const [a1, a2] = gradientAt(d, w1, w2);
      expect(a1).toBeCloseTo(g1, 12);
      expect(a2).toBeCloseTo(g2, 12);
      const h = 1e-6;
      expect(a1).toBeCloseTo((lossAt(d, w1 + h, w2) - lossAt(d, w1 - h, w2)) / (2 * h), 6);
      expect(a2).toBeCloseTo((lossAt(d, w1, w2 + h) - lossAt(d, w1, w2 - h)) / (2 * h), 6);
    }
  });

  it('finds the minimum near the rule that made the data (2, −1), with zero gradient there', () => {
    const d = makeData();
    const [m1, m2] = minimum(d);
    expect(Math.abs(m1 - 2)).toBeLessThan(0.3);
    expect(Math.abs(m2 + 1)).toBeLessThan(0.3);
    const [g1, g2] = gradientAt(d, m1, m2);
    expect(Math.abs(g1)).toBeLessThan(1e-12);
    expect(Math.abs(g2)).toBeLessThan(1e-12);
  });

  it('draws each slice through the point with a tangent that touches it and never goes below a convex slice', () => {
    const d = makeData();
    const s = slice(d, 'w2', 0.6, 0.4, 121);
    const at = s.find((p) => Math.abs(p.w - 0.4) < 1e-9)!;
    expect(at.loss).toBeCloseTo(lossAt(d, 0.6, 0.4), 12);
    expect(at.tangent).toBeCloseTo(at.loss, 12);
    for (const p of s) expect(p.loss).toBeGreaterThanOrEqual(p.tangent - 1e-9);
  });

  it('points the arrow downhill, and gives none at the minimum', () => {
    const d = makeData();
    const g = gradientAt(d, 0.6, 0.4);
    const a = descentArrow(0.6, 0.4, g, 1)!;
    expect(Math.hypot(a.x2 - a.x1, a.y2 - a.y1)).toBeCloseTo(1, 12);
    expect(lossAt(d, 0.6 + (a.x2 - 0.6) * 0.01, 0.4 + (a.y2 - 0.4) * 0.01)).toBeLessThan(lossAt(d, 0.6, 0.4));
    expect(descentArrow(1, 1, [0, 0], 1)).toBeUndefined();
  });

  it('fills the grid with the same loss as the engine, top row = highest w₂', () => {
    const d = makeData();
    const { values, n } = lossGrid(d, 5);
    const w1 = (i: number) => W1_DOMAIN[0] + ((W1_DOMAIN[1] - W1_DOMAIN[0]) * i) / (n - 1);
    const w2 = (j: number) => W2_DOMAIN[1] - ((W2_DOMAIN[1] - W2_DOMAIN[0]) * j) / (n - 1);
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) expect(values[j * n + i]).toBeCloseTo(lossAt(d, w1(i), w2(j)), 10);
  });

  it('shades higher losses with more layers', () => {
    expect(bandsAt(0.1)).toBe(0);
    expect(bandsAt(0.5)).toBe(2);
    expect(bandsAt(100)).toBe(8);
  });
});
