import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import { decodeState, defaultsOf, encodeState } from '../shared/url-state';
import { forwardPassSchema, hiddenOf, outputOf, type ForwardPassState } from './state';
import {
  definitionTex,
  diagramLayers,
  diagramWeights,
  equations,
  forward,
  networkOf,
  resultText,
  stageHighlight,
  stageText,
} from './model';

const defaults = defaultsOf(forwardPassSchema);

/** The activations written out by hand, independent of the engine. */
const hand = {
  linear: (z: number) => z,
  sigmoid: (z: number) => 1 / (1 + Math.exp(-z)),
  tanh: (z: number) => (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z)),
  relu: (z: number) => Math.max(0, z),
  step: (z: number) => (z > 0 ? 1 : 0),
};

/**
 * The slide's four lines, by hand:
 *   z¹₁ = w¹₁₁x₁ + w¹₂₁x₂ + w¹₃₁x₃,  h₁ = f(z¹₁),  h₂ = f(w¹₁₂x₁ + w¹₂₂x₂ + w¹₃₂x₃),  ŷ = g(w²₁y h₁ + w²₂y h₂)
 */
function slide(s: ForwardPassState) {
  const [x1, x2, x3] = s.x as [number, number, number];
  const [w11, w12, w21, w22, w31, w32] = s.w1 as [number, number, number, number, number, number];
  const [w1y, w2y] = s.w2 as [number, number];
  const f = hand[hiddenOf(s)];
  const g = hand[outputOf(s)];
  const z1 = w11 * x1 + w21 * x2 + w31 * x3;
  const h1 = f(z1);
  const z2 = w12 * x1 + w22 * x2 + w32 * x3;
  const h2 = f(z2);
  const zy = w1y * h1 + w2y * h2;
  return { z1, z2, h1, h2, zy, yhat: g(zy) };
}

const grid = (lo: number, hi: number) => fc.integer({ min: lo * 20, max: hi * 20 }).map((i) => i / 20);
const anyState = fc.record({
  x: fc.array(grid(-2, 2), { minLength: 3, maxLength: 3 }),
  w1: fc.array(grid(-3, 3), { minLength: 6, maxLength: 6 }),
  w2: fc.array(grid(-3, 3), { minLength: 2, maxLength: 2 }),
  f: fc.constantFrom(...forwardPassSchema.f.options),
  g: fc.constantFrom(...forwardPassSchema.g.options),
});

describe('forward-pass widget model', () => {
  it("reproduces the lecture's worked example: z¹₁ = 0.85, z¹₂ = −0.85, h = (0.85, 0), z_ŷ = 1.275, ŷ ≈ 0.7816", () => {
    const v = forward(defaults);
    expect(v.z[0]).toBeCloseTo(0.85, 12); // 0.2·1 + 0.7·0.5 + (−0.3)·(−1)
    expect(v.z[1]).toBeCloseTo(-0.85, 12); // −0.4·1 + 0.1·0.5 + 0.5·(−1)
    expect(v.h).toEqual([v.z[0], 0]); // ReLU
    expect(v.zy).toBeCloseTo(1.275, 12); // 1.5·0.85 + (−0.8)·0
    expect(v.yhat).toBeCloseTo(0.7816, 4); // σ(1.275)
    expect(v.finite).toBe(true);
  });

  it("agrees with the slide's equations computed by hand, for every f and g", () => {
    fc.assert(
      fc.property(anyState, (s) => {
        const v = forward(s);
        const e = slide(s);
        expect(v.z[0]).toBeCloseTo(e.z1, 10);
        expect(v.z[1]).toBeCloseTo(e.z2, 10);
        expect(v.h[0]).toBeCloseTo(e.h1, 10);
        expect(v.h[1]).toBeCloseTo(e.h2, 10);
        expect(v.zy).toBeCloseTo(e.zy, 10);
        expect(v.yhat).toBeCloseTo(e.yhat, 10);
      }),
      { numRuns: 300 },
    );
  });

  it('has no biases, like the slide: all-zero inputs give z = 0 everywhere', () => {
    const v = forward({ ...defaults, x: [0, 0, 0], f: 'linear', g: 'linear' });
    expect([...v.z, ...v.h, v.zy, v.yhat]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(
      networkOf(defaults)
        .getParameters()
        .map((p) => p.biases),
    ).toEqual([[0, 0], [0]]);
  });

  it('with linear f and g the two layers collapse into one: ŷ = x·(W¹W²)', () => {
    fc.assert(
      fc.property(anyState, (s0) => {
        const s = { ...s0, f: 'linear' as const, g: 'linear' as const };
        const collapsed = [0, 1, 2].map((i) => s.w1[i * 2]! * s.w2[0]! + s.w1[i * 2 + 1]! * s.w2[1]!);
        const direct = s.x.reduce((sum, x, i) => sum + x * collapsed[i]!, 0);
        expect(forward(s).yhat).toBeCloseTo(direct, 10);
      }),
    );
  });

  it('squashes as the activations promise: step gives 0 or 1, sigmoid output stays in (0, 1]', () => {
    fc.assert(
      fc.property(anyState, (s) => {
        const stepped = forward({ ...s, f: 'step' });
        for (const h of stepped.h) expect([0, 1]).toContain(h);
        const p = forward({ ...s, g: 'sigmoid' }).yhat;
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1); // σ(z) rounds to exactly 1 in floating point once z > 37
        expect(Number.isFinite(p)).toBe(true);
        for (const h of forward({ ...s, f: 'relu' }).h) expect(h).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('changing a weight of the second hidden neuron leaves h₁ alone and moves h₂', () => {
    const s = { ...defaults, f: 'tanh' as const };
    const moved = { ...s, w1: s.w1.map((w, k) => (k === 1 ? w + 1 : w)) }; // w¹₁₂
    expect(forward(moved).h[0]).toBe(forward(s).h[0]);
    expect(forward(moved).h[1]).not.toBe(forward(s).h[1]);
  });

  it('fills the equations in with the current numbers, and KaTeX can typeset them', () => {
    const blocks = equations(defaults, forward(defaults));
    expect(blocks.map((b) => b.layer)).toEqual([1, 1, 2]);
    expect(blocks[0]!.tex).toContain('z^{1}_{1} &= w^{1}_{11} x_{1} + w^{1}_{21} x_{2} + w^{1}_{31} x_{3}');
    expect(blocks[0]!.tex).toContain(
      '&= 0.20 \\cdot 1.00 + 0.70 \\cdot 0.50 \\\\ &\\phantom{=} {} + (-0.30) \\cdot (-1.00) \\\\ &= 0.850',
    );
    expect(blocks[0]!.tex).toContain('h_{1} &= f(z^{1}_{1}) = \\operatorname{ReLU}(0.850) = 0.850');
    expect(blocks[1]!.tex).toContain('\\operatorname{ReLU}(-0.850) = 0.000');
    expect(blocks[2]!.tex).toContain('&= 1.50 \\cdot 0.850 + (-0.80) \\cdot 0.000 \\\\ &= 1.275');
    expect(blocks[2]!.tex).toContain('\\hat{y} &= g(z_{\\hat{y}}) = \\sigma(1.275) = 0.7816');
    fc.assert(
      fc.property(anyState, (s) => {
        for (const b of equations(s, forward(s)))
          expect(() => katex.renderToString(b.tex, { throwOnError: true })).not.toThrow();
      }),
      { numRuns: 40 },
    );
    for (const f of forwardPassSchema.f.options)
      expect(() => katex.renderToString(definitionTex('f', f), { throwOnError: true })).not.toThrow();
    expect(equations({ ...defaults, g: 'linear' }, forward({ ...defaults, g: 'linear' }))[2]!.tex).toContain(
      '= z_{\\hat{y}} = 1.2750',
    );
  });

  it('never writes NaN into an equation or the readout', () => {
    const v = {
      z: [Number.NaN, 1] as [number, number],
      h: [Number.NaN, 1] as [number, number],
      zy: Number.NaN,
      yhat: Number.NaN,
      finite: false,
    };
    for (const b of equations(defaults, v)) expect(b.tex).not.toContain('NaN');
    expect(resultText(v)).toBe('ŷ is not a finite number');
  });

  it('gives the diagram every value and the weights in the engine layout', () => {
    const v = forward(defaults);
    const layers = diagramLayers(defaults, v);
    expect(layers.map((l) => l.nodes.map((n) => n.label))).toEqual([['x₁', 'x₂', 'x₃'], ['h₁', 'h₂'], ['ŷ']]);
    expect(layers[1]!.nodes.map((n) => n.value)).toEqual(v.h);
    expect(layers[2]!.nodes[0]!.value).toBe(v.yhat);
    expect(layers[1]!.subtitle).toBe('f = ReLU');
    expect(diagramWeights(defaults)).toEqual([
      [
        [0.2, -0.4],
        [0.7, 0.1],
        [-0.3, 0.5],
      ],
      [[1.5], [-0.8]],
    ]);
  });

  it('walks the flow layer by layer', () => {
    const v = forward(defaults);
    expect(stageHighlight(null)).toBeUndefined();
    expect(stageHighlight(1)!.edges).toHaveLength(6);
    expect(stageHighlight(2)!.nodes).toEqual([[2, 0]]);
    expect(stageText(0, defaults, v)).toContain('x₃ = −1.00');
    expect(stageText(1, defaults, v)).toContain('h₂ = 0.000');
    expect(stageText(2, defaults, v)).toContain('ŷ = 0.7816');
  });

  it('round-trips its state through the URL and falls back on garbage', () => {
    fc.assert(
      fc.property(anyState, (s) => {
        const back = decodeState(forwardPassSchema, encodeState(forwardPassSchema, s));
        expect(back.problems).toEqual([]);
        expect(back.state).toEqual(s);
      }),
    );
    const bad = decodeState(forwardPassSchema, 'f:softmax,g:relu,x:1_2,w2:9_0');
    expect(bad.state).toEqual({ ...defaults, w2: [3, 0] });
    expect(bad.problems).toHaveLength(4);
  });
});
