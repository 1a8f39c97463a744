/**
 * The checks of the tutorials' tasks. A cell with `check="name"` runs CHECKS[name] after it ran
 * without error: the check takes the reader's function from the shared scope, calls it on fixed
 * inputs and compares the answer with the course engine's, to 1e-9.
 */
import {
  Dense,
  Matrix,
  SGD,
  categoricalCrossEntropy,
  learningRateAt,
  matmulAddRowVector,
  maxAbsDifference,
  relu as engineRelu,
  reluDerivative,
  softmax as engineSoftmax,
  softmaxCrossEntropyBackward,
  map,
  multiply,
} from '../../lib/index.ts'; // relative: checks run inside the worker bundle (no aliases there)
import type { CheckFn } from './run-cell';
import { distinct, fmt, sig } from '../util/format.ts';

const TOLERANCE = 1e-9;
type Verdict = { ok: boolean; message: string };

const pass = (message: string): Verdict => ({ ok: true, message });
const failed = (message: string): Verdict => ({ ok: false, message });

function needFunction(
  values: Record<string, unknown>,
  name: string,
  arity?: string,
): ((...args: never[]) => unknown) | Verdict {
  const f = values[name];
  if (typeof f !== 'function')
    return failed(`There is no function \`${name}${arity ?? ''}\` yet: define it in this cell.`);
  return f as (...args: never[]) => unknown;
}
const isVerdict = (v: unknown): v is Verdict => !!v && typeof v === 'object' && 'ok' in v && 'message' in v;

function isMatrix(m: unknown): m is Matrix {
  return (
    !!m && typeof m === 'object' && typeof (m as Matrix).rows === 'number' && (m as Matrix).data instanceof Float64Array
  );
}

/** Compares a reader's matrix with the engine's; the message names the first entry that differs. */
function compare(what: string, mine: unknown, expected: Matrix): Verdict | undefined {
  if (!isMatrix(mine))
    return failed(
      `${what} should be a Matrix, but it is ${mine === undefined ? 'undefined (did you forget to return it?)' : typeof mine}.`,
    );
  if (mine.rows !== expected.rows || mine.cols !== expected.cols)
    return failed(`${what} has shape ${mine.rows}×${mine.cols}, but the engine's is ${expected.shape}.`);
  if (maxAbsDifference(mine, expected) <= TOLERANCE && Array.from(mine.data).every(Number.isFinite)) return undefined;
  for (let i = 0; i < expected.data.length; i++) {
    const a = mine.data[i]!;
    const b = expected.data[i]!;
    if (!(Math.abs(a - b) <= TOLERANCE)) {
      const r = Math.floor(i / expected.cols);
      const c = i % expected.cols;
      const [mineText, engineText] = distinct(a, b);
      return failed(`${what}[${r}][${c}] is ${mineText}, but the engine gives ${engineText}.`);
    }
  }
  return undefined;
}

// Fixed inputs for the checks: 3 samples, 2 features; a 2 → 4 → 3 network.
const X = Matrix.from([
  [0.5, -1.2],
  [-0.3, 0.8],
  [1.5, 0.1],
]);
const W1 = Matrix.from([
  [0.2, -0.5, 0.9, -0.1],
  [0.7, 0.3, -0.4, 0.6],
]);
const B1 = Matrix.row([0.1, -0.2, 0.05, 0]);
const W2 = Matrix.from([
  [0.3, -0.6, 0.2],
  [-0.8, 0.5, 0.4],
  [0.6, 0.1, -0.7],
  [0.2, -0.3, 0.9],
]);
const B2 = Matrix.row([0, 0.1, -0.1]);
const Y = Matrix.from([
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
]);

/** The engine's forward and backward pass through the fixed network (for the checks). */
function engineReference() {
  const l1 = Dense.fromWeights(W1, B1);
  const l2 = Dense.fromWeights(W2, B2);
  const Z1 = l1.forward(X).clone();
  const A1 = map(Z1, engineRelu);
  const Z2 = l2.forward(A1).clone();
  const P = engineSoftmax(Z2);
  const dZ2 = softmaxCrossEntropyBackward(P, Y);
  l2.backward(dZ2);
  const dZ1 = multiply(l2.dinputs, map(Z1, reluDerivative));
  l1.backward(dZ1);
  return { Z1, A1, Z2, P, dW1: l1.dweights, dB1: l1.dbiases, dW2: l2.dweights, dB2: l2.dbiases };
}

export const CHECKS: Record<string, CheckFn> = {
  'dense-forward'(values) {
    const f = needFunction(values, 'denseForward', '(X, W, B)');
    if (isVerdict(f)) return f;
    const expected = matmulAddRowVector(X, W1, B1);
    const mine = (f as (x: Matrix, w: Matrix, b: Matrix) => unknown)(X.clone(), W1.clone(), B1.clone());
    if (isMatrix(mine) && mine.rows === 3 && maxAbsDifference(mine, expected) > TOLERANCE) {
      const withoutBias = matmulAddRowVector(X, W1, Matrix.zeros(1, 4));
      if (maxAbsDifference(mine, withoutBias) <= TOLERANCE)
        return failed('Your Z equals X·W exactly: the bias B is not added yet.');
    }
    return (
      compare('denseForward(X, W, B)', mine, expected) ??
      pass('denseForward matches the engine’s Dense layer on a 3×2 batch with 4 neurons.')
    );
  },

  relu(values) {
    const f = needFunction(values, 'relu', '(Z)');
    if (isVerdict(f)) return f;
    const g = needFunction(values, 'reluBackward', '(dA, Z)');
    if (isVerdict(g)) return g;
    const Z = Matrix.from([[-2, -0.5, 0, 0.5, 3]]);
    const dA = Matrix.from([[1, 2, 3, 4, 5]]);
    return (
      compare('relu(Z)', (f as (z: Matrix) => unknown)(Z.clone()), map(Z, engineRelu)) ??
      compare(
        'reluBackward(dA, Z)',
        (g as (d: Matrix, z: Matrix) => unknown)(dA.clone(), Z.clone()),
        multiply(dA, map(Z, reluDerivative)),
      ) ??
      pass('relu and reluBackward match the engine, including z = 0 (gradient 0 there).')
    );
  },

  softmax(values) {
    const f = needFunction(values, 'softmax', '(Z)');
    if (isVerdict(f)) return f;
    const small = Matrix.from([
      [1, 2, 3],
      [0, 0, 0],
      [-1, 0.5, 2],
    ]);
    const large = Matrix.from([[1000, 1001, 1002]]);
    const soft = f as (z: Matrix) => unknown;
    const first = compare('softmax(Z)', soft(small.clone()), engineSoftmax(small));
    if (first) return first;
    const big = soft(large.clone());
    if (isMatrix(big) && !Array.from(big.data).every(Number.isFinite)) {
      return failed(
        'Right on small logits, but softmax([[1000, 1001, 1002]]) gives NaN: e^1000 overflows. Subtract each row’s largest value before exp — the answer does not change.',
      );
    }
    return (
      compare('softmax([[1000, 1001, 1002]])', big, engineSoftmax(large)) ??
      pass('softmax matches the engine’s, also on logits as large as 1000.')
    );
  },

  'cross-entropy'(values) {
    const f = needFunction(values, 'crossEntropy', '(P, Y)');
    if (isVerdict(f)) return f;
    const P = Matrix.from([
      [0.23, 0.3, 0.23, 0.24],
      [0.06, 0.79, 0.06, 0.09],
      [0, 1, 0, 0],
    ]);
    const T = Matrix.from([
      [0, 1, 0, 0],
      [0, 1, 0, 0],
      [1, 0, 0, 0],
    ]);
    const mine = (f as (p: Matrix, y: Matrix) => unknown)(P.clone(), T.clone());
    const expected = categoricalCrossEntropy(P, T);
    if (typeof mine !== 'number')
      return failed(`crossEntropy should return one number (the mean loss), but it returned ${typeof mine}.`);
    if (!Number.isFinite(mine))
      return failed(
        'crossEntropy gives Infinity when a true class has probability 0: clip probabilities to [1e-7, 1 − 1e-7] before the log, as the engine does.',
      );
    if (Math.abs(mine - expected) > TOLERANCE) {
      const summed = expected * P.rows;
      if (Math.abs(mine - summed) <= 1e-6)
        return failed(
          `Your loss ${sig(mine, 6)} is the sum over the samples; divide by the number of samples (3) for the mean, ${sig(expected, 6)}.`,
        );
      const [mineText, engineText] = distinct(mine, expected);
      return failed(`crossEntropy gives ${mineText}, but the engine gives ${engineText} on the same 3 samples.`);
    }
    return pass(
      `crossEntropy matches the engine: ${fmt(expected, 6)} on three samples, one with a zero probability on its true class.`,
    );
  },

  backward(values) {
    const fwd = needFunction(values, 'forward', '(X, net)');
    if (isVerdict(fwd)) return fwd;
    const bwd = needFunction(values, 'backward', '(cache, Y, net)');
    if (isVerdict(bwd)) return bwd;
    const net = { W1: W1.clone(), B1: B1.clone(), W2: W2.clone(), B2: B2.clone() };
    const cache = (fwd as (x: Matrix, n: typeof net) => unknown)(X.clone(), net);
    const grads = (bwd as (c: unknown, y: Matrix, n: typeof net) => Record<string, unknown> | undefined)(
      cache,
      Y.clone(),
      net,
    );
    if (!grads || typeof grads !== 'object') return failed('backward should return an object { dW1, dB1, dW2, dB2 }.');
    const ref = engineReference();
    return (
      compare('dW2', grads.dW2, ref.dW2) ??
      compare('dB2', grads.dB2, ref.dB2) ??
      compare('dW1', grads.dW1, ref.dW1) ??
      compare('dB1', grads.dB1, ref.dB1) ??
      pass('All four gradients match the engine’s backward pass through a 2 → 4 → 3 network, to 1e-9.')
    );
  },

  sgd(values) {
    const f = needFunction(values, 'sgdStep', '(param, grad, learningRate)');
    if (isVerdict(f)) return f;
    const layer = Dense.fromWeights(W1, B1);
    layer.dweights.copyFrom(
      Matrix.from([
        [0.1, -0.2, 0.3, 0],
        [1, 0.5, -0.5, 2],
      ]),
    );
    layer.dbiases.copyFrom(Matrix.row([0.4, 0, -1, 0.25]));
    const mineW = W1.clone();
    const mineB = B1.clone();
    const step = f as (p: Matrix, g: Matrix, lr: number) => unknown;
    step(mineW, layer.dweights.clone(), 0.5);
    step(mineB, layer.dbiases.clone(), 0.5);
    new SGD({ learningRate: 0.5 }).step([layer]);
    if (maxAbsDifference(mineW, W1) === 0)
      return failed('sgdStep left the parameters as they were: change `param` in place (param.data[i] -= …).');
    return (
      compare('weights after sgdStep', mineW, layer.weights) ??
      compare('biases after sgdStep', mineB, layer.biases) ??
      pass('sgdStep moves weights and biases exactly as the engine’s SGD does with α = 0.5.')
    );
  },

  decay(values) {
    const f = needFunction(values, 'decayedRate', '(step, initial, decay)');
    if (isVerdict(f)) return f;
    const rate = f as (s: number, a: number, d: number) => unknown;
    for (const [s, a, d] of [
      [0, 1, 0.1],
      [1, 1, 0.1],
      [19, 1, 0.1],
      [500, 0.5, 1e-3],
    ] as const) {
      const mine = rate(s, a, d);
      const expected = learningRateAt(s, a, d);
      if (typeof mine !== 'number' || Math.abs(mine - expected) > 1e-12) {
        const [mineText, formulaText] =
          typeof mine === 'number' ? distinct(mine, expected) : [String(mine), sig(expected)];
        return failed(`decayedRate(${s}, ${a}, ${d}) gives ${mineText}, but the slides’ formula gives ${formulaText}.`);
      }
    }
    return pass('decayedRate matches the slides’ formula α₀ / (1 + decay · step) at every step tried.');
  },

  momentum(values) {
    const f = needFunction(values, 'momentumStep', '(param, grad, moms, learningRate, beta)');
    if (isVerdict(f)) return f;
    const step = f as (p: Matrix, g: Matrix, m: Matrix, lr: number, beta: number) => unknown;
    const layer = Dense.fromWeights([[0.5, -0.25]], [0, 0]);
    const optimizer = new SGD({ learningRate: 0.1, momentum: 0.9 });
    const param = layer.weights.clone();
    const moms = Matrix.zeros(1, 2);
    const grads = [
      [1, -2],
      [0.5, 0.5],
      [-1, 3],
    ];
    for (const g of grads) {
      layer.dweights.copyFrom(Matrix.from([g]));
      layer.dbiases.fill(0);
      optimizer.step([layer]);
      step(param, Matrix.from([g]), moms, 0.1, 0.9);
    }
    return (
      compare('the weights after three momentum steps', param, layer.weights) ??
      compare('the momentums after three steps', moms, optimizer.weightMomentums[0]!) ??
      pass('momentumStep matches the engine’s SGD with momentum 0.9 over three steps.')
    );
  },
};
