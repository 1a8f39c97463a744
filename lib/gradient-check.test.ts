import { describe, expect, it } from 'vitest';
import { Matrix } from './matrix.ts';
import { Network } from './network.ts';
import { gradientCheck } from './gradient-check.ts';
import { meanSquaredError, meanSquaredErrorBackward, type Loss } from './losses.ts';

const net = () =>
  Network.create({
    inputs: 2,
    layers: [
      { neurons: 3, activation: 'tanh' },
      { neurons: 1, activation: 'linear' },
    ],
    seed: 8,
  });
const X = Matrix.from([
  [0.2, -0.4],
  [0.9, 0.1],
  [-0.6, 0.5],
]);
const Y = Matrix.from([[0.5], [-0.2], [0.1]]);

describe('gradientCheck', () => {
  it('reports analytic, numeric and relative error for every parameter of every layer', () => {
    const network = net();
    const result = gradientCheck(network, X, Y, 'mse');
    expect(result.entries.length).toBe(network.parameterCount);
    expect(result.entries.filter((e) => e.layer === 0 && e.parameter === 'weights').map((e) => [e.row, e.col])).toEqual(
      [
        [0, 0],
        [0, 1],
        [0, 2],
        [1, 0],
        [1, 1],
        [1, 2],
      ],
    );
    expect(result.maxRelativeError).toBeLessThan(1e-7);
    for (const e of result.entries) {
      expect(e.absoluteError).toBe(Math.abs(e.analytic - e.numeric));
      expect(e.relativeError).toBeCloseTo(
        e.absoluteError / Math.max(Math.abs(e.analytic) + Math.abs(e.numeric), 1e-4),
        15,
      );
    }
  });

  it('catches a wrong gradient (a loss whose backward is off by a factor of 2)', () => {
    const broken: Loss = {
      name: 'mean-squared-error',
      classification: false,
      calculate: meanSquaredError,
      backward: (p, t, out) => {
        const g = meanSquaredErrorBackward(p, t, out);
        for (let i = 0; i < g.data.length; i++) g.data[i]! *= 2;
        return g;
      },
    };
    const result = gradientCheck(net(), X, Y, broken);
    expect(result.maxRelativeError).toBeGreaterThan(0.3);
  });

  it('restores every parameter exactly', () => {
    const network = net();
    const before = network.getParameters();
    gradientCheck(network, X, Y, 'mse', 1e-3);
    expect(network.getParameters()).toEqual(before);
  });
});
