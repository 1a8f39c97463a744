import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../shared/url-state';
import { chainRuleSchema } from './state';
import { chain, composite, graph, keepDomain, ladder, tangentLine, yDomain } from './model';

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
    const [[x0, y0], [x1, y1]] = tangentLine(defaults, c) as [[number, number], [number, number]];
    expect([x0, x1]).toEqual([-4, 4]);
    expect((y1 - y0) / (x1 - x0)).toBeCloseTo(c.analytic, 12); // its slope is F′(x)
    expect(y0 + c.analytic * (defaults.x - x0)).toBeCloseTo(composite(defaults)(defaults.x), 12); // through (x, F(x))
  });
});

describe('the chart of F', () => {
  const at = (s: Partial<typeof defaults>) => graph({ ...defaults, ...s });
  it('samples F over x from −4 to 4', () => {
    const pts = graph(defaults);
    expect(pts).toHaveLength(161);
    expect(pts[0]![0]).toBe(-4);
    expect(pts[160]![0]).toBe(4);
    expect(pts[120]![1]).toBeCloseTo(chain(defaults).y, 12); // x = 2
  });

  it('rounds up on a coarse ladder', () => {
    expect(ladder(1)).toBe(1);
    expect(ladder(1.08)).toBe(1.5);
    expect(ladder(2.43)).toBe(3);
    expect(ladder(7.1)).toBe(10);
    expect(ladder(0.324)).toBe(0.5);
    expect(ladder(1296 * 1.08)).toBe(1500);
  });

  it('a sigmoid or tanh outside fixes the axis to its range, whatever the weights and the inner piece', () => {
    for (const f1 of chainRuleSchema.f1.options) {
      for (const w of [-3, -0.1, 0, 1.2, 3]) {
        expect(yDomain('sigmoid', at({ f1, w1: w, w2: -w }))).toEqual([0, 1]);
        expect(yDomain('tanh', at({ f1, w1: w, w2: w }))).toEqual([-1, 1]);
      }
    }
  });

  it('otherwise reaches the curve plus 8 % on a ladder step, keeps 0 on the axis, and is at least 0…1', () => {
    // (−1.5 · 0.5x)² peaks at 9 at x = ±4: 9.72 → 10; a tenth of that below 0.
    expect(yDomain('square', at({ f1: 'linear', f2: 'square' }))).toEqual([-1, 10]);
    // −0.75x from −3 to 3, symmetric: 3.24 → 5 both ways.
    expect(yDomain('linear', at({ f1: 'linear', f2: 'linear' }))).toEqual([-5, 5]);
    // −1.5σ(0.5x) lies in −1.32…−0.18: the axis hangs below 0.
    expect(yDomain('linear', at({ f1: 'sigmoid', f2: 'linear' }))).toEqual([-1.5, 0.15]);
    // ReLU of a negative number is 0 everywhere: the axis is still −0.1…1.
    expect(yDomain('relu', at({ f1: 'sigmoid', f2: 'relu' }))).toEqual([-0.1, 1]);
    // A small symmetric curve gets the floor of 1 on both sides.
    expect(yDomain('linear', at({ f1: 'linear', f2: 'linear', w2: 0.1 }))).toEqual([-1, 1]);
  });

  it('every axis holds its curve', () => {
    const outside: string[] = [];
    for (const f1 of chainRuleSchema.f1.options) {
      for (const f2 of chainRuleSchema.f2.options) {
        for (const w1 of [-3, -0.7, 0, 0.5, 3]) {
          for (const w2 of [-3, -0.2, 0, 1, 3]) {
            const pts = at({ f1, f2, w1, w2 });
            const [lo, hi] = yDomain(f2, pts);
            const ys = pts.map(([, y]) => y);
            if (Math.min(...ys) < lo || Math.max(...ys) > hi) outside.push(`${f1} ${f2} ${w1} ${w2}`);
          }
        }
      }
    }
    expect(outside).toEqual([]);
  });

  it('keeps the axis shown while a weight moves inside a ladder step, and returns the same array', () => {
    const state = { f1: 'linear', f2: 'square' } as const;
    let shown = yDomain('square', at({ ...state, w1: 0.5 }));
    const first = shown;
    // (1.5 · w₁ · 4)² from w₁ = 0.5 to 0.3 and back: 9 → 3.24, still more than 40 % of −1…10.
    for (const w1 of [0.4, 0.3, 0.4, 0.5]) shown = keepDomain(shown, 'square', at({ ...state, w1 }));
    expect(shown).toBe(first);
    // Across a step of the ladder and back: it grows once, then stays.
    const ranges = new Set<[number, number]>();
    for (const w1 of [0.6, 0.5, 0.6, 0.5]) {
      shown = keepDomain(shown, 'square', at({ ...state, w1 }));
      ranges.add(shown);
    }
    expect([...ranges]).toEqual([[-1.5, 15]]);
  });

  it('grows when the curve leaves the axis, shrinks when it fills too little of it, and switches with f₂', () => {
    const state = { f1: 'linear', f2: 'square' } as const;
    expect(keepDomain([-1, 10], 'square', at({ ...state, w1: 1 }))).toEqual([-5, 50]); // peak 36
    expect(keepDomain([-5, 50], 'square', at({ ...state, w1: 0.3 }))).toEqual([-0.5, 5]); // peak 3.24
    expect(keepDomain([-5, 50], 'sigmoid', at({ ...state, f2: 'sigmoid' }))).toEqual([0, 1]);
    const fixed: [number, number] = [0, 1];
    expect(keepDomain(fixed, 'sigmoid', at({ f2: 'sigmoid', w1: 3, w2: 3 }))).toBe(fixed);
  });
});
