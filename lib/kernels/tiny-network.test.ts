/**
 * The tiny-network kernel against the plain definition it replaces — Network's layer-by-layer
 * path (Dense.forward/backward, the activations, the loss gradient) — bit for bit: every weight,
 * output and gradient buffer after every step of training, on the lecture's nets and on random
 * small ones.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Matrix } from '../matrix.ts';
import { Dense } from '../dense.ts';
import { Network, type LayerSpec } from '../network.ts';
import { SGD } from '../sgd.ts';
import { Trainer } from '../train.ts';
import { ReLU } from '../activations/relu.ts';
import { createRng } from '../random.ts';
import { sine, spiral } from '../data.ts';
import { getLoss, type LossLike } from '../losses.ts';

/** Whether a forward pass of `net` runs in the kernel (the layer-by-layer path calls Dense.forward). */
function takesKernel(net: Network): boolean {
  const spy = vi.spyOn(Dense.prototype, 'forward');
  try {
    net.forward(Matrix.zeros(3, net.inputSize));
    return spy.mock.calls.length === 0;
  } finally {
    spy.mockRestore();
  }
}

/** The bytes of a float array: equal bytes = the same doubles, bit for bit (−0 ≠ 0 included). */
const bits = (m: Matrix) => Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength).toString('hex');

/** Every buffer a widget could read after a step, as bits. */
function state(network: Network): Record<string, string> {
  const out: Record<string, string> = {};
  network.layers.forEach((layer, l) => {
    for (const key of ['weights', 'biases', 'output', 'dweights', 'dbiases', 'dinputs'] as const)
      out[`layer${l}.${key}`] = bits(layer[key]);
    out[`layer${l}.inputs.rows`] = String(layer.inputs.rows);
    const a = network.activations[l]!;
    out[`act${l}.output`] = bits(a.output);
    out[`act${l}.dinputs`] = bits(a.dinputs);
  });
  return out;
}

/** Trains two copies of the same network with the bare step, one per path, batch after batch; returns both states after every step. */
function trainBoth(
  spec: { inputs: number; layers: LayerSpec[]; seed: number },
  x: Matrix,
  y: Matrix,
  loss: LossLike,
  batch: number,
  steps: number,
  inputGradient = false,
) {
  const nets = [Network.create(spec), Network.create(spec)];
  nets[1]!.tinyNetworkKernel = false;
  const sgds = [new SGD({ learningRate: 0.05, momentum: 0.9 }), new SGD({ learningRate: 0.05, momentum: 0.9 })];
  const lossFn = getLoss(loss);
  const states: [Record<string, string>, Record<string, string>][] = [];
  const losses: [number, number][] = [];
  for (let s = 0; s < steps; s++) {
    const start = (s * batch) % (x.rows - batch + 1);
    const xb = Matrix.from(x.toArray().slice(start, start + batch));
    const yb = Matrix.from(y.toArray().slice(start, start + batch));
    const pair = nets.map((net, i) => {
      const yPred = net.forward(xb);
      const value = lossFn.calculate(yPred, yb);
      net.backwardFromLoss(lossFn, yb, { inputGradient });
      sgds[i]!.step(net.layers);
      return value;
    });
    losses.push([pair[0]!, pair[1]!]);
    states.push([state(nets[0]!), state(nets[1]!)]);
  }
  return { nets, states, losses };
}

const sineNet = {
  inputs: 1,
  layers: [
    { neurons: 8, activation: 'relu' as const, biasInit: { kinksIn: [0, 2 * Math.PI] as [number, number] } },
    { neurons: 1, activation: 'linear' as const },
  ],
  seed: 42,
};
const spiralNet = {
  inputs: 2,
  layers: [
    { neurons: 8, activation: 'relu' as const },
    { neurons: 8, activation: 'relu' as const },
    { neurons: 3, activation: 'softmax' as const },
  ],
  seed: 42,
};

describe('tiny-network kernel = layer-by-layer path, bit for bit', () => {
  const sn = sine(200);
  const sp = spiral(50, 3, createRng(42));

  it('is taken for the lecture nets and not for wide, sigmoid, subclassed or switched-off ones', () => {
    expect(takesKernel(Network.create(sineNet))).toBe(true);
    expect(takesKernel(Network.create(spiralNet))).toBe(true);
    const lecture = Network.create({
      inputs: 2,
      layers: [
        { neurons: 16, activation: 'relu' },
        { neurons: 16, activation: 'relu' },
        { neurons: 3, activation: 'softmax' },
      ],
    });
    expect(takesKernel(lecture)).toBe(false); // 16 wide: the general kernels are faster
    const wide = Network.create({
      inputs: 2,
      layers: [
        { neurons: 9, activation: 'relu' }, // one more than MAX_TINY_WIDTH
        { neurons: 3, activation: 'softmax' },
      ],
    });
    expect(takesKernel(wide)).toBe(false);
    const sigmoid = Network.create({
      inputs: 2,
      layers: [
        { neurons: 4, activation: 'sigmoid' },
        { neurons: 1, activation: 'linear' },
      ],
    });
    expect(takesKernel(sigmoid)).toBe(false);
    class Doubled extends ReLU {}
    const custom = new Network(Network.create(sineNet).layers, [new Doubled(), 'linear']);
    expect(takesKernel(custom)).toBe(false);
    const softmaxHidden = Network.create({
      inputs: 2,
      layers: [
        { neurons: 4, activation: 'softmax' },
        { neurons: 1, activation: 'linear' },
      ],
    });
    expect(takesKernel(softmaxHidden)).toBe(false);
    const off = Network.create(sineNet);
    off.tinyNetworkKernel = false;
    expect(takesKernel(off)).toBe(false);
  });

  it('1-8-1 sine, MSE, mini-batches of 32: identical weights, outputs, gradients and losses after every one of 300 steps', () => {
    const { states, losses } = trainBoth(sineNet, sn.x, sn.y, 'mse', 32, 300);
    for (const [kernel, general] of states) expect(kernel).toEqual(general);
    for (const [a, b] of losses) expect(Object.is(a, b)).toBe(true);
    expect(losses.at(-1)![0]).toBeLessThan(losses[0]![0]); // and it really trained
  });

  it('2-8-8-3 spiral, softmax + cross-entropy, batches of 32, 7 and 1 (odd rows, fewer than four samples), with and without ∂E/∂X', () => {
    for (const [batch, inputGradient] of [
      [32, false],
      [7, true],
      [1, false],
      [5, true],
    ] as const) {
      const { states } = trainBoth(spiralNet, sp.x, sp.y, 'cce', batch, 60, inputGradient);
      for (const [kernel, general] of states) expect(kernel).toEqual(general);
    }
  });

  it('random small architectures (ReLU/linear hidden layers, 1–10 wide (wider than 8 takes the general path), linear+MSE or softmax+CE), random batch sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.record({ neurons: fc.integer({ min: 1, max: 10 }), relu: fc.boolean() }), {
          minLength: 0,
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 0, max: 1000 }),
        (inputs, hidden, outputs, classify, batch, seed) => {
          const layers: LayerSpec[] = [
            ...hidden.map((h) => ({
              neurons: h.neurons,
              activation: h.relu ? ('relu' as const) : ('linear' as const),
            })),
            { neurons: classify ? Math.max(2, outputs) : outputs, activation: classify ? 'softmax' : 'linear' },
          ];
          const rng = createRng(seed);
          const n = 20;
          const x = new Matrix(
            n,
            inputs,
            Float64Array.from({ length: n * inputs }, () => rng.uniform(-2, 2)),
          );
          const k = layers.at(-1)!.neurons;
          const y = Matrix.zeros(n, k);
          for (let i = 0; i < n; i++) {
            if (classify) y.set(i, rng.int(k), 1);
            else for (let j = 0; j < k; j++) y.set(i, j, rng.uniform(-1, 1));
          }
          const { states } = trainBoth(
            { inputs, layers, seed },
            x,
            y,
            classify ? 'cce' : 'mse',
            Math.min(batch, n),
            8,
            seed % 2 === 0,
          );
          for (const [kernel, general] of states) expect(kernel).toEqual(general);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("lib's Trainer gives the same history and weights with either path", () => {
    const run = (kernel: boolean) => {
      const network = Network.create(spiralNet);
      network.tinyNetworkKernel = kernel;
      const trainer = new Trainer({
        network,
        optimizer: new SGD({ learningRate: 0.1, momentum: 0.9 }),
        loss: 'cce',
        xTrain: sp.x,
        yTrain: sp.y,
        batchSize: 32,
        seed: 3,
      });
      trainer.fit({ maxEpochs: 20 });
      return { history: trainer.history, parameters: network.getParameters() };
    };
    expect(run(true)).toEqual(run(false));
  });

  it('a wrongly shaped input or target fails with the same message on both paths', () => {
    for (const kernel of [true, false]) {
      const net = Network.create(sineNet);
      net.tinyNetworkKernel = kernel;
      expect(() => net.forward(Matrix.zeros(3, 2))).toThrow(/Dense.forward: inputs have shape 3×2/);
      net.forward(Matrix.zeros(3, 1));
      expect(() => net.backwardFromLoss('mse', Matrix.zeros(4, 1))).toThrow(/yPred vs yTrue/);
    }
  });
});
