import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeState, defaultsOf } from '../shared/url-state';
import { activationDerivativesSchema } from './state';
import { jacobian, numpyMatrix, probe, reluPieces, sigmoidCurve } from './model';

const defaults = defaultsOf(activationDerivativesSchema);

describe('activation-derivatives widget model', () => {
  it('ReLU′ is 1(x > 0), with 0 taken at the corner', () => {
    expect(probe(0.5).reluDerivative).toBe(1);
    expect(probe(-0.5).reluDerivative).toBe(0);
    expect(probe(0).reluDerivative).toBe(0);
    expect(reluPieces().map((p) => p.y)).toEqual([0, 0, 1, 1]);
  });

  it('σ′(x) = σ(x)(1 − σ(x)): 1/4 at 0, e^x / (1 + e^x)² elsewhere', () => {
    expect(probe(0).sigmoidDerivative).toBe(0.25);
    for (const x of [-3, -0.7, 0.5, 2, 4])
      expect(probe(x).sigmoidDerivative).toBeCloseTo(Math.exp(x) / (1 + Math.exp(x)) ** 2, 14);
    expect(probe(5).sigmoidDerivative).toBeCloseTo(0.0066, 4);
    const c = sigmoidCurve();
    expect(Math.max(...c.map((d) => d.y))).toBe(0.25);
  });

  it('the Jacobian for S = (0.7, 0.2, 0.1) is the lecture table, entry by entry', () => {
    // Logits whose softmax is exactly proportional to 7 : 2 : 1.
    const j = jacobian({ ...defaults, k: 3, z: [Math.log(7), Math.log(2), 0, 0, 0] });
    const expected = [
      [0.21, -0.14, -0.07],
      [-0.14, 0.16, -0.02],
      [-0.07, -0.02, 0.09],
    ];
    j.matrix.forEach((row, i) => row.forEach((v, k) => expect(v).toBeCloseTo(expected[i]![k]!, 12)));
  });

  it('the fruit logits (2, 1, 0.1): S ≈ (0.659, 0.242, 0.099), diagonal S(1 − S), off-diagonal −S_i S_j', () => {
    const j = jacobian(defaults);
    expect(j.probs.map((p) => p.toFixed(3))).toEqual(['0.659', '0.242', '0.099']);
    const e = [Math.exp(2), Math.exp(1), Math.exp(0.1)];
    const total = e[0]! + e[1]! + e[2]!;
    const S = e.map((v) => v / total);
    expect(j.matrix[0]![0]).toBeCloseTo(S[0]! * (1 - S[0]!), 14);
    expect(j.matrix[0]![1]).toBeCloseTo(-S[0]! * S[1]!, 14);
    expect(j.matrix[2]![1]).toBeCloseTo(-S[2]! * S[1]!, 14);
  });

  it('for any logits the Jacobian is symmetric, its rows sum to 0, and |J_ij| ≤ 1/4 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 5, maxLength: 5 }),
        (k, zi) => {
          const j = jacobian({ k, z: zi.map((v) => v / 10) });
          expect(j.matrix).toHaveLength(k);
          expect(j.rowSumMax).toBeLessThan(1e-15);
          j.matrix.forEach((row, a) =>
            row.forEach((v, b) => {
              expect(v).toBe(j.matrix[b]![a]!);
              expect(Math.abs(v)).toBeLessThanOrEqual(0.25);
              expect(a === b ? v >= 0 : v <= 0).toBe(true);
            }),
          );
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('prints the matrix the way NumPy does', () => {
    expect(
      numpyMatrix([
        [0.21, -0.14],
        [-0.14, 0.16],
      ]),
    ).toEqual(['[[ 0.210 -0.140]', ' [-0.140  0.160]]']);
    expect(numpyMatrix([[-0.0001]], 3)).toEqual(['[[ 0.000]]']);
  });

  it('a garbage link keeps the defaults', () => {
    const r = decodeState(activationDerivativesSchema, 'x:abc,k:9,z:1_2');
    expect(r.problems).toHaveLength(3);
    expect(r.state).toEqual({ ...defaults, k: 5 });
  });
});
