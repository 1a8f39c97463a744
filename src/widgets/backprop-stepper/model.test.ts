import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../shared/url-state';
import { backpropStepperSchema } from './state';
import { TOTAL_STEPS, backprop, steps } from './model';

const defaults = defaultsOf(backpropStepperSchema);
const sig = (z: number) => 1 / (1 + Math.exp(-z));

describe('backprop-stepper model', () => {
  it("reproduces the lecture's worked example by hand (ReLU, sigmoid, BCE, y = 1, α = 0.5)", () => {
    const b = backprop(defaults);
    // z_h1 = 0.2·1 + 0.7·0.5 + (−0.3)(−1) = 0.85; z_h2 = −0.4 + 0.05 − 0.5 = −0.85, so h₂ = ReLU(−0.85) = 0
    expect(b.zh[0]).toBeCloseTo(0.85, 14);
    expect(b.zh[1]).toBeCloseTo(-0.85, 14);
    expect(b.h).toEqual([b.zh[0], 0]);
    const yhat = sig(1.5 * 0.85);
    expect(b.yhat).toBeCloseTo(yhat, 14);
    expect(b.yhat).toBeCloseTo(0.7816, 4);
    // With y = 1 the loss −ln ŷ = −ln σ(z) is also ln(1 + e^(−z)), z = 1.275: 0.2464, the lecture's number
    expect(b.loss).toBeCloseTo(Math.log1p(Math.exp(-1.275)), 14);
    expect(b.loss).toBeCloseTo(0.2464, 4);
    // Step 1: −y/ŷ = −(1 + e^(−z)); step 2 for sigmoid + BCE: ŷ − y = −σ(−z)
    expect(b.dYhat).toBeCloseTo(-(1 + Math.exp(-1.275)), 12);
    expect(b.dZy).toBeCloseTo(-sig(-1.275), 12);
    // Step 3: (ŷ − 1)·h; step 4: (ŷ − 1)·w²; step 5: ReLU′ = 1 for h₁, 0 for h₂
    expect(b.dW2[0]).toBeCloseTo((yhat - 1) * 0.85, 12);
    expect(b.dW2[1]).toBe(0);
    expect(b.dH[0]).toBeCloseTo((yhat - 1) * 1.5, 12);
    expect(b.dH[1]).toBeCloseTo((yhat - 1) * -0.8, 12);
    expect(b.dZh[0]).toBeCloseTo((yhat - 1) * 1.5, 12);
    expect(b.dZh[1]).toBe(0);
    // Step 6: x_i · ∂E/∂z_hj
    expect(b.dW1.map((r) => r[0])).toEqual([1, 0.5, -1].map((x) => expect.closeTo(x * (yhat - 1) * 1.5, 12)));
    expect(b.dW1.map((r) => r[1]!)).toEqual([0, 0, 0]);
    // Step 7: w ← w − 0.5·∂E/∂w
    expect(b.W2new[0]![0]).toBeCloseTo(1.5 - 0.5 * (yhat - 1) * 0.85, 12);
    expect(b.W1new[0]![0]).toBeCloseTo(0.2 - 0.5 * (yhat - 1) * 1.5, 12);
    expect(b.W1new[0]![1]).toBe(-0.4);
    expect(b.lossAfter).toBeLessThan(b.loss);
    const zAfter = b.W2new[0]![0]! * Math.max(0, b.W1new[0]![0]! * 1 + b.W1new[1]![0]! * 0.5 + b.W1new[2]![0]! * -1);
    expect(b.yhatAfter).toBeCloseTo(sig(zAfter), 12);
  });

  it('with squared error and a linear output, step 1 is 2(ŷ − y) and step 2 passes it through', () => {
    const b = backprop({ ...defaults, loss: 'mse', g: 'linear', y: 0.5 });
    expect(b.yhat).toBeCloseTo(1.275, 12);
    expect(b.loss).toBeCloseTo(0.775 ** 2, 12);
    expect(b.dYhat).toBeCloseTo(2 * 0.775, 12);
    expect(b.dZy).toBeCloseTo(2 * 0.775, 12);
    expect(b.gPrime).toBe(1);
  });

  it('agrees with the central difference for every weight, for every choice', () => {
    for (const f of ['relu', 'sigmoid', 'tanh', 'linear'] as const)
      for (const g of ['sigmoid', 'linear'] as const)
        for (const loss of ['bce', 'mse'] as const) {
          if (loss === 'bce' && g === 'linear') continue; // ŷ is clipped there, see the widget's note
          const b = backprop({ ...defaults, f, g, loss, y: 0.3 });
          expect(b.checks).toHaveLength(8);
          expect(b.maxRelError).toBeLessThan(1e-6);
        }
  });

  it('has eleven steps, four forward and seven backward, each with an equation', () => {
    const b = backprop(defaults);
    const v = steps(defaults, b);
    expect(v).toHaveLength(TOTAL_STEPS);
    expect(v.filter((s) => s.phase === 'forward')).toHaveLength(4);
    expect(v[4]!.title).toMatch(/step 1 of 7/);
    expect(v[10]!.title).toMatch(/step 7 of 7/);
    // The step-5 equation shows ReLU′ = 1 and 0 and the resulting gradients
    expect(v[8]!.tex).toContain('\\cdot 1.0000 =');
    expect(v[8]!.tex).toContain('\\cdot 0.0000 = 0.0000');
    for (const s of v) expect(s.tex).not.toMatch(/NaN|undefined/);
  });
});
