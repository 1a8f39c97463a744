import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import { Dense } from '@lib';
import { decodeState, defaultsOf, encodeState } from '../shared/url-state';
import { layerMatmulSchema, type LayerMatmulState } from './state';
import {
  announceZ,
  engineCode,
  explain,
  explanationTex,
  explanationText,
  formatEntry,
  formatResult,
  keyStep,
  logits,
  matricesOf,
  names,
  nudge,
  numpyCode,
  readTyped,
  withEntry,
} from './model';

const defaults = defaultsOf(layerMatmulSchema);
const entry = fc.integer({ min: -1000, max: 1000 }).map((i) => i / 100);
const anyState = fc.record({
  rows: fc.constantFrom('1' as const, '2' as const, '3' as const),
  x: fc.array(entry, { minLength: 12, maxLength: 12 }),
  w: fc.array(entry, { minLength: 12, maxLength: 12 }),
  b: fc.array(entry, { minLength: 3, maxLength: 3 }),
});

/** The slide's three equations, z_j = x₁w₁ⱼ + x₂w₂ⱼ + x₃w₃ⱼ + x₄w₄ⱼ + bⱼ, written out by hand. */
function slideEquations(x: number[], w: number[], b: number[]): number[] {
  const W = (i: number, j: number) => w[(i - 1) * 3 + (j - 1)]!;
  const [x1, x2, x3, x4] = x as [number, number, number, number];
  return [
    x1 * W(1, 1) + x2 * W(2, 1) + x3 * W(3, 1) + x4 * W(4, 1) + b[0]!,
    x1 * W(1, 2) + x2 * W(2, 2) + x3 * W(3, 2) + x4 * W(4, 2) + b[1]!,
    x1 * W(1, 3) + x2 * W(2, 3) + x3 * W(3, 3) + x4 * W(4, 3) + b[2]!,
  ];
}

describe('layer-matmul widget model', () => {
  it("starts from the lecture's example and gets its Z = [1.0, 1.3, −1.7]", () => {
    const Z = logits(defaults);
    expect(Z).toHaveLength(1);
    expect(Z[0]![0]).toBeCloseTo(1.0, 12); // 1×0.5 + 2×0.3 + 0×(−1) + (−1)×0.2 + 0.1
    expect(Z[0]![1]).toBeCloseTo(1.3, 12);
    expect(Z[0]![2]).toBeCloseTo(-1.7, 12);
  });

  it("agrees with the slide's equations for every example of any batch", () => {
    fc.assert(
      fc.property(anyState, (s) => {
        const Z = logits(s);
        expect(Z).toHaveLength(Number(s.rows));
        Z.forEach((row, r) => {
          const hand = slideEquations(s.x.slice(r * 4, r * 4 + 4), s.w, s.b);
          row.forEach((z, j) => expect(z).toBeCloseTo(hand[j]!, 9));
        });
      }),
    );
  });

  it('computes the same as a Dense layer with these weights (what the lecture code runs)', () => {
    fc.assert(
      fc.property(anyState, (s) => {
        const { X, W, B } = matricesOf(s);
        const dense = Dense.fromWeights(W, B);
        // Dense adds the bias first (one fused pass), the widget last: equal up to rounding.
        const expected = dense.forward(X).toArray();
        logits(s).forEach((row, i) => row.forEach((z, j) => expect(z).toBeCloseTo(expected[i]![j]!, 12)));
      }),
    );
  });

  it('adds the bias row to every example: the examples differ only by their own XW', () => {
    const s: LayerMatmulState = { ...defaults, rows: '3', b: [5, 5, 5] };
    const withBias = logits(s);
    const without = logits({ ...s, b: [0, 0, 0] });
    withBias.forEach((row, r) => row.forEach((z, j) => expect(z - without[r]![j]!).toBeCloseTo(5, 12)));
  });

  it('uses only the first `rows` rows of X', () => {
    const s: LayerMatmulState = { ...defaults, rows: '1', x: withEntry(defaults.x, 4, 9.99) };
    expect(logits(s)).toEqual(logits(defaults));
    expect(logits({ ...s, rows: '2' })[1]).not.toEqual(logits({ ...defaults, rows: '2' })[1]);
  });

  it('writes out one z as the row-times-column sum, equal to the engine', () => {
    fc.assert(
      fc.property(anyState, fc.nat(2), fc.nat(2), (s, r0, j) => {
        const r = r0 % Number(s.rows);
        const e = explain(s, logits(s), r, j);
        expect(e.terms.map((t) => t.x)).toEqual(s.x.slice(r * 4, r * 4 + 4));
        expect(e.terms.map((t) => t.w)).toEqual([s.w[j], s.w[3 + j], s.w[6 + j], s.w[9 + j]]);
        expect(e.bySum).toBeCloseTo(e.z, 9);
      }),
    );
    const e = explain(defaults, logits(defaults), 0, 0);
    expect(explanationText(e, false)).toBe('z₁ = 1.0 × 0.5 + 2.0 × 0.3 + 0.0 × (−1.0) + (−1.0) × 0.2 + 0.1 = 1.00');
    const tex = explanationTex(e, false);
    expect(tex).toContain('z_{1} &= x_{1} w_{11} + x_{2} w_{21} + x_{3} w_{31} + x_{4} w_{41} + b_{1}');
    expect(tex).toContain(
      '&= 1.0 \\cdot 0.5 + 2.0 \\cdot 0.3 \\\\ &\\phantom{=} {} + 0.0 \\cdot (-1.0) + (-1.0) \\cdot 0.2 + 0.1',
    );
    expect(tex).toContain('&= 1.00');
    expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
    const batch = explanationTex(explain({ ...defaults, rows: '3' }, logits({ ...defaults, rows: '3' }), 2, 1), true);
    expect(batch).toContain(
      'z^{(3)}_{2} &= x^{(3)}_{1} w_{12} + x^{(3)}_{2} w_{22} \\\\ &\\phantom{=} {} + x^{(3)}_{3} w_{32} + x^{(3)}_{4} w_{42} + b_{2}',
    );
    expect(() => katex.renderToString(batch, { throwOnError: true })).not.toThrow();
  });

  it('names entries as the slides do', () => {
    expect(names.x(0)).toBe('x₁');
    expect(names.w(0, 1)).toBe('w₁₂');
    expect(names.w(3, 2)).toBe('w₄₃');
    expect(names.b(2)).toBe('b₃');
    expect(names.z(1)).toBe('z₂');
  });

  it('formats entries and results compactly with a true minus', () => {
    expect(formatEntry(1)).toBe('1.0');
    expect(formatEntry(-0.2)).toBe('−0.2');
    expect(formatEntry(0.25)).toBe('0.25');
    expect(formatEntry(-0)).toBe('0.0');
    expect(formatResult(1)).toBe('1.00');
    expect(formatResult(-1.7)).toBe('−1.70');
    expect(formatResult(0.2525)).toBe('0.2525');
    expect(formatResult(0.252)).toBe('0.252');
    expect(formatResult(0.1 + 0.2)).toBe('0.30');
  });

  it('clamps typed values with a hint, rounds to the step, refuses garbage', () => {
    expect(readTyped('0.7', 'w₁₂', 0)).toEqual({ ok: true, value: 0.7, hint: '' });
    expect(readTyped('−1,5', 'x₁', 0)).toEqual({ ok: true, value: -1.5, hint: '' });
    expect(readTyped('99', 'w₁₂', 0)).toEqual({
      ok: true,
      value: 10,
      hint: 'w₁₂: 99 is outside −10 … 10; set to 10.0.',
    });
    expect(readTyped('-12.5', 'b₁', 0)).toMatchObject({ ok: true, value: -10 });
    const rounded = readTyped('0.123', 'x₂', 0);
    expect(rounded).toMatchObject({ ok: true, value: 0.12 });
    expect(rounded.hint).toContain('rounded to 0.12');
    expect(readTyped('abc', 'x₁', 2)).toEqual({ ok: false, hint: 'x₁: "abc" is not a number; kept 2.0.' });
    expect(readTyped('', 'x₁', 2).ok).toBe(false);
    expect(readTyped('NaN', 'x₁', 2).ok).toBe(false);
  });

  it('moves an entry with the keys, within bounds and without float noise', () => {
    expect(keyStep('ArrowUp', false)).toBe(0.1);
    expect(keyStep('ArrowDown', true)).toBe(-1);
    expect(keyStep('PageUp', false)).toBe(1);
    expect(keyStep('ArrowLeft', false)).toBeUndefined(); // left/right keep moving the caret
    expect(nudge(0.2, 0.1)).toBe(0.3);
    expect(nudge(9.95, 0.1)).toBe(10);
    expect(nudge(-10, -1)).toBe(-10);
    let v = 0;
    for (let i = 0; i < 7; i++) v = nudge(v, 0.1);
    expect(v).toBe(0.7);
  });

  it('prints runnable code with the current numbers and the result', () => {
    const s: LayerMatmulState = { ...defaults, rows: '2' };
    const Z = logits(s);
    const np = numpyCode(s, Z);
    expect(np).toContain('X = np.array([[1.0, 2.0, 0.0, -1.0],');
    expect(np).toContain('Z = np.dot(X, W) + B');
    expect(np).toContain('# Z = [[1.00, 1.30, -1.70],\n#       [');
    const ts = engineCode(s, Z);
    expect(ts).toContain('const X = Matrix.from([[1, 2, 0, -1],');
    expect(ts).toContain('const B = Matrix.row([0.1, 0, -0.2]);');
    expect(ts).toContain('const Z = addRowVector(matmul(X, W), B);');
  });

  it('announces Z, per example in a batch', () => {
    expect(announceZ(logits(defaults))).toBe('Z = 1.00, 1.30, −1.70.');
    expect(announceZ(logits({ ...defaults, rows: '2' }))).toMatch(/^Example 1: Z = 1.00, 1.30, −1.70. Example 2: Z = /);
  });

  it('round-trips its state through the URL and falls back on garbage', () => {
    fc.assert(
      fc.property(anyState, (s) => {
        const back = decodeState(layerMatmulSchema, encodeState(layerMatmulSchema, s));
        expect(back.problems).toEqual([]);
        expect(back.state).toEqual(s);
      }),
    );
    const bad = decodeState(layerMatmulSchema, 'rows:7,w:1_2_3,x:NaN_1_1_1_1_1_1_1_1_1_1_1');
    expect(bad.state).toEqual(defaults);
    expect(bad.problems).toHaveLength(3);
  });
});
