import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leakyRelu, leakyReluDerivative } from './leaky-relu.ts';
import { relu, reluDerivative } from './relu.ts';

describe('leaky ReLU', () => {
  it('keeps positive inputs and scales negative ones by α', () => {
    expect(leakyRelu(2, 0.1)).toBe(2);
    expect(leakyRelu(-2, 0.1)).toBeCloseTo(-0.2, 15);
  });
  it('is ReLU when α = 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), (x) => {
        expect(leakyRelu(x, 0) + 0).toBe(relu(x));
        expect(leakyReluDerivative(x, 0)).toBe(reluDerivative(x));
      }),
    );
  });
  it('has the derivative a central difference gives away from the corner', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }).filter((x) => Math.abs(x) > 1e-3),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (x, a) => {
          const h = 1e-6;
          const numeric = (leakyRelu(x + h, a) - leakyRelu(x - h, a)) / (2 * h);
          expect(Math.abs(numeric - leakyReluDerivative(x, a))).toBeLessThan(1e-6);
        },
      ),
    );
  });
});
