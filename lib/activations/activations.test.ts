import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matrix, maxAbsDifference } from '../matrix.ts';
import { matmul } from '../products.ts';
import {
  ACTIVATION_NAMES,
  Linear,
  ReLU,
  STEP_HAS_NO_GRADIENT,
  Sigmoid,
  Softmax,
  Step,
  Tanh,
  createActivation,
  isActivationName,
  linear,
  linearDerivative,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  softmax,
  softmaxJacobian,
  step,
  tanh,
  tanhDerivative,
  type Activation,
} from './index.ts';

describe('scalar helpers for charts', () => {
  it('step is the perceptron rule: 1 (blue) if x > 0, else 0 (orange)', () => {
    expect(step(0.3)).toBe(1);
    expect(step(0)).toBe(0);
    expect(step(-2)).toBe(0);
  });

  it('sigmoid: σ(0) = ½, σ(−x) = 1 − σ(x), saturates without NaN', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoidDerivative(0)).toBe(0.25);
  });

  it('relu is max(x, 0) and its derivative 1(x > 0)', () => {
    expect(relu(3)).toBe(3);
    expect(relu(-3)).toBe(0);
    expect(reluDerivative(3)).toBe(1);
    expect(reluDerivative(-3)).toBe(0);
    expect(reluDerivative(0)).toBe(0);
  });

  it('tanh and linear', () => {
    // tanh is a stretched sigmoid, tanh(x) = 2σ(2x) − 1 (checked against our sigmoid, not Math.tanh), and odd
    expect(tanh(0.5)).toBeCloseTo(2 * sigmoid(1) - 1, 14);
    expect(tanh(-0.5)).toBe(-tanh(0.5));
    expect(tanhDerivative(0)).toBe(1);
    expect(linear(-4.5)).toBe(-4.5);
    expect(linearDerivative(7)).toBe(1);
  });

  it('each derivative helper matches a central difference', () => {
    const h = 1e-6;
    for (const [f, df] of [
      [sigmoid, sigmoidDerivative],
      [tanh, tanhDerivative],
      [relu, reluDerivative],
      [linear, linearDerivative],
    ] as const) {
      for (const x of [-2.3, -0.7, 0.4, 1.9]) {
        expect(df(x)).toBeCloseTo((f(x + h) - f(x - h)) / (2 * h), 6);
      }
    }
  });
});

describe('activation layers: backward = dvalues ⊙ f′(z), checked by central differences', () => {
  // For E = Σ g ⊙ f(z) with fixed random g, dE/dz computed by backward(g) must equal the numeric derivative.
  const z = Matrix.from([
    [-1.3, 0.2, 2.1, -0.4],
    [0.7, -2.2, 0.05, 1.4],
    [3.0, -0.3, -1.1, 0.9],
  ]);
  const g = Matrix.from([
    [0.3, -1.2, 0.8, 0.5],
    [-0.7, 0.4, 1.1, -0.2],
    [0.9, 0.6, -0.5, 1.3],
  ]);

  for (const name of ['linear', 'sigmoid', 'tanh', 'relu', 'softmax'] as const) {
    it(`${name}`, () => {
      const act = createActivation(name);
      act.forward(z);
      const analytic = act.backward(g).clone();
      const numeric = Matrix.zeros(z.rows, z.cols);
      const eps = 1e-6;
      const energy = (m: Matrix) => {
        const out = createActivation(name).forward(m);
        let s = 0;
        for (let i = 0; i < out.data.length; i++) s += g.data[i]! * out.data[i]!;
        return s;
      };
      for (let i = 0; i < z.data.length; i++) {
        const plus = z.clone();
        plus.data[i]! += eps;
        const minus = z.clone();
        minus.data[i]! -= eps;
        numeric.data[i] = (energy(plus) - energy(minus)) / (2 * eps);
      }
      expect(maxAbsDifference(analytic, numeric)).toBeLessThan(1e-8);
    });
  }

  it('step: forward works, backward throws an error explaining there is no useful gradient', () => {
    const s = new Step();
    expect(s.forward(z).toArray()[0]).toEqual([0, 1, 1, 0]);
    expect(() => s.backward(g)).toThrow(STEP_HAS_NO_GRADIENT);
    expect(STEP_HAS_NO_GRADIENT).toMatch(/no useful gradient/);
  });

  it('backward checks the shape of dvalues', () => {
    const act: Activation = new Sigmoid();
    act.forward(z);
    expect(() => act.backward(Matrix.zeros(2, 4))).toThrow(/2×4 vs 3×4/);
  });

  it('reuses its output buffer for the same batch size', () => {
    const act = new ReLU();
    const first = act.forward(z);
    const second = act.forward(g);
    expect(second).toBe(first);
    expect(second.toArray()[0]).toEqual([0.3, 0, 0.8, 0.5]);
  });

  it('every name maps to its class, unknown names are rejected', () => {
    expect(createActivation('step')).toBeInstanceOf(Step);
    expect(createActivation('linear')).toBeInstanceOf(Linear);
    expect(createActivation('sigmoid')).toBeInstanceOf(Sigmoid);
    expect(createActivation('tanh')).toBeInstanceOf(Tanh);
    expect(createActivation('relu')).toBeInstanceOf(ReLU);
    expect(createActivation('softmax')).toBeInstanceOf(Softmax);
    for (const name of ACTIVATION_NAMES) expect(createActivation(name).name).toBe(name);
    expect(isActivationName('gelu')).toBe(false);
    expect(() => createActivation('gelu' as never)).toThrow(/Unknown activation "gelu"/);
  });
});

describe('softmax', () => {
  const logitRows = (min: number, max: number) =>
    fc.integer({ min: 1, max: 6 }).chain((cols) =>
      fc.array(fc.array(fc.double({ min, max, noNaN: true }), { minLength: cols, maxLength: cols }), {
        minLength: 1,
        maxLength: 5,
      }),
    );

  it('rows are probability distributions (entries in [0, 1], summing to 1)', () => {
    fc.assert(
      fc.property(logitRows(-50, 50), (rows) => {
        const p = softmax(Matrix.from(rows));
        for (const v of p.data) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        for (const row of p.toArray()) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }),
      { seed: 10 },
    );
  });

  it('is invariant to adding a constant to a row', () => {
    fc.assert(
      fc.property(logitRows(-20, 20), fc.double({ min: -100, max: 100, noNaN: true }), (rows, c) => {
        const p = softmax(Matrix.from(rows));
        const shifted = softmax(Matrix.from(rows.map((r) => r.map((v) => v + c))));
        expect(maxAbsDifference(p, shifted)).toBeLessThan(1e-12);
      }),
      { seed: 11 },
    );
  });

  it('stays finite for logits of ±1e4 (thanks to subtracting the row max)', () => {
    fc.assert(
      fc.property(logitRows(-1e4, 1e4), (rows) => {
        const p = softmax(Matrix.from(rows));
        for (const v of p.data) expect(Number.isFinite(v)).toBe(true);
        for (const row of p.toArray()) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }),
      { seed: 12 },
    );
    const p = softmax(Matrix.from([[1e4, -1e4, 1e4 - 1]]));
    expect(p.get(0, 1)).toBe(0);
    expect(p.get(0, 0)).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
  });

  it('matches e^z / Σ e^z on a small example and can write in place', () => {
    const z = Matrix.from([[1, 2, 3]]);
    const e = [1, 2, 3].map(Math.exp);
    const s = e.reduce((a, b) => a + b);
    const expected = e.map((v) => v / s);
    softmax(z, z);
    z.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 15));
  });
});

describe('softmaxJacobian', () => {
  it('is diag(S) − S Sᵀ: symmetric, rows sum to 0', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 7 }), (logits) => {
        const s = softmax(Matrix.from([logits])).data;
        const J = softmaxJacobian(s);
        const n = s.length;
        for (let i = 0; i < n; i++) {
          let rowSum = 0;
          for (let j = 0; j < n; j++) {
            expect(J.get(i, j)).toBeCloseTo(J.get(j, i), 15);
            expect(J.get(i, j)).toBeCloseTo((i === j ? s[i]! : 0) - s[i]! * s[j]!, 15);
            rowSum += J.get(i, j);
          }
          expect(rowSum).toBeCloseTo(0, 14);
        }
      }),
      { seed: 13 },
    );
  });

  it('equals the numeric Jacobian ∂S_i/∂z_j and multiplying it by dvalues is what Softmax.backward does', () => {
    const z = [0.5, -1.2, 2.0, 0.1];
    const s = softmax(Matrix.from([z])).data;
    const J = softmaxJacobian(s);
    const eps = 1e-6;
    for (let j = 0; j < z.length; j++) {
      const plus = softmax(Matrix.from([z.map((v, k) => (k === j ? v + eps : v))])).data;
      const minus = softmax(Matrix.from([z.map((v, k) => (k === j ? v - eps : v))])).data;
      for (let i = 0; i < z.length; i++) expect(J.get(i, j)).toBeCloseTo((plus[i]! - minus[i]!) / (2 * eps), 8);
    }
    const d = Matrix.from([[0.3, -0.1, 0.7, -0.4]]);
    const layer = new Softmax();
    layer.forward(Matrix.from([z]));
    const viaLayer = layer.backward(d);
    const viaJacobian = matmul(d, J); // J is symmetric, so d·J = (J·dᵀ)ᵀ
    expect(maxAbsDifference(viaLayer, viaJacobian)).toBeLessThan(1e-15);
  });
});
