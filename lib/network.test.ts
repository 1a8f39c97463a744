import { describe, expect, it } from 'vitest';
import { Matrix, maxAbsDifference } from './matrix.ts';
import { matmul } from './products.ts';
import { Dense } from './dense.ts';
import { Network } from './network.ts';
import { createRng } from './random.ts';
import { gradientCheck } from './gradient-check.ts';
import { STEP_HAS_NO_GRADIENT, type ActivationName } from './activations/index.ts';
import { getLoss, oneHot, type LossName } from './losses.ts';

describe("the slide's linear-layers-collapse example", () => {
  // h11 = 1·x1, h21 = 2·x2;  h12 = 2h11 + 3h21, h22 = 1h21 + 2h11;  ŷ = 3h12 + 1h22
  const twoHiddenLinear = Network.fromParameters([
    {
      weights: [
        [1, 0],
        [0, 2],
      ],
      biases: [0, 0],
      activation: 'linear',
    },
    {
      weights: [
        [2, 2],
        [3, 1],
      ],
      biases: [0, 0],
      activation: 'linear',
    },
    { weights: [[3], [1]], biases: [0], activation: 'linear' },
  ]);
  const single = new Network([Dense.fromWeights([[8], [20]], [0])], ['linear']);

  it('is exactly one Dense layer with W = [[8], [20]], i.e. ŷ = 8x1 + 20x2', () => {
    const rng = createRng(1);
    const X = Matrix.from(Array.from({ length: 20 }, () => [rng.uniform(-5, 5), rng.uniform(-5, 5)]));
    expect(maxAbsDifference(twoHiddenLinear.predict(X), single.predict(X))).toBeLessThan(1e-12);
    expect(twoHiddenLinear.predict(Matrix.from([[1, 0]])).get(0, 0)).toBe(8);
    expect(twoHiddenLinear.predict(Matrix.from([[0, 1]])).get(0, 0)).toBe(20);
    // the collapse is the matrix product W¹W²W³
    const [l1, l2, l3] = twoHiddenLinear.layers;
    expect(matmul(matmul(l1!.weights, l2!.weights), l3!.weights).toArray()).toEqual([[8], [20]]);
  });

  it("the slide's expansion x1(1×2) + x2(2×3×3) + x2(2×1) + x1(1×2×1) drops the factor 3 on the first path", () => {
    const slideX1 = 1 * 2 + 1 * 2 * 1; // = 4, but the path x1 → h11 → h12 → ŷ is 1·2·3 = 6
    const slideX2 = 2 * 3 * 3 + 2 * 1; // = 20, correct
    expect(slideX1).not.toBe(8);
    expect(1 * 2 * 3 + 1 * 2 * 1).toBe(8);
    expect(slideX2).toBe(20);
  });
});

describe("the slide's hand-built ReLU sine piece", () => {
  // y = max(max(x·6.0 + 0.0, 0.0)·(−1.0) + 0.7, 0.0)·(−1.0)
  const net = Network.fromParameters([
    { weights: [[6]], biases: [0], activation: 'relu' },
    { weights: [[-1]], biases: [0.7], activation: 'relu' },
    { weights: [[-1]], biases: [0], activation: 'linear' },
  ]);
  const formula = (x: number) => Math.max(Math.max(x * 6.0 + 0.0, 0.0) * -1.0 + 0.7, 0.0) * -1.0;

  it('matches the formula everywhere on [−1, 1]', () => {
    const xs = Array.from({ length: 201 }, (_, i) => -1 + i / 100);
    const y = net.predict(Matrix.column(xs));
    xs.forEach((x, i) => expect(y.get(i, 0)).toBeCloseTo(formula(x), 14));
  });

  it('is −0.7 left of 0, rises linearly with slope 6, and is flat at 0 from x = 0.7/6 on', () => {
    const at = (x: number) => net.predict(Matrix.from([[x]])).get(0, 0);
    expect(at(-0.5)).toBeCloseTo(-0.7, 14);
    expect(at(0.05)).toBeCloseTo(-0.4, 14);
    expect(at(0.7 / 6 + 0.01)).toBe(0);
    expect(at(2)).toBe(0);
  });
});

describe('Network structure', () => {
  it('create builds layers of the requested sizes and activations', () => {
    const net = Network.create({
      inputs: 3,
      layers: [
        { neurons: 5, activation: 'relu' },
        { neurons: 4, activation: 'tanh' },
        { neurons: 2, activation: 'softmax' },
      ],
      seed: 7,
    });
    expect(net.sizes).toEqual([3, 5, 4, 2]);
    expect(net.activationNames).toEqual(['relu', 'tanh', 'softmax']);
    expect(net.parameterCount).toBe(3 * 5 + 5 + 5 * 4 + 4 + 4 * 2 + 2);
    const y = net.predict(
      Matrix.from([
        [0.1, 0.2, 0.3],
        [1, -1, 0],
      ]),
    );
    expect(y.shape).toBe('2×2');
    expect(y.get(0, 0) + y.get(0, 1)).toBeCloseTo(1, 15);
  });

  it('is deterministic for a seed', () => {
    const spec = {
      inputs: 2,
      layers: [
        { neurons: 3, activation: 'sigmoid' as const },
        { neurons: 1, activation: 'linear' as const },
      ],
    };
    expect(Network.create({ ...spec, seed: 3 }).getParameters()).toEqual(
      Network.create({ ...spec, seed: 3 }).getParameters(),
    );
    expect(Network.create({ ...spec, seed: 3 }).getParameters()).not.toEqual(
      Network.create({ ...spec, seed: 4 }).getParameters(),
    );
  });

  it('rejects mismatched layers and unknown activations with clear messages', () => {
    expect(() => new Network([new Dense(2, 3), new Dense(4, 1)], ['relu', 'linear'])).toThrow(
      /layer 1 expects 4 inputs but layer 0 has 3 neurons/,
    );
    expect(() => new Network([new Dense(2, 3)], ['relu', 'linear'])).toThrow(/1 layers but 2 activations/);
    expect(() => new Network([new Dense(2, 3)], ['swish' as ActivationName])).toThrow(/unknown activation "swish"/);
    expect(() => new Network([], [])).toThrow(/at least one layer/);
  });

  it('predict returns a copy; forward returns the reused output buffer', () => {
    const net = Network.create({
      inputs: 1,
      layers: [
        { neurons: 2, activation: 'tanh' },
        { neurons: 1, activation: 'linear' },
      ],
      seed: 1,
    });
    const a = net.predict(Matrix.from([[1]]));
    const out = net.forward(Matrix.from([[2]]));
    expect(out).toBe(net.output);
    expect(a.get(0, 0)).not.toBe(out.get(0, 0));
  });

  it('hand-setting: setLayerParameters, setWeight, setBias validate shapes; getParameters reflects them', () => {
    const net = Network.create({
      inputs: 2,
      layers: [
        { neurons: 2, activation: 'relu' },
        { neurons: 1, activation: 'linear' },
      ],
      seed: 1,
    });
    net.setLayerParameters(0, {
      weights: [
        [1, -1],
        [1, -1],
      ],
      biases: [0, 0],
    });
    net.setLayerParameters(1, { weights: [[1], [1]], biases: [0.5] });
    net.setWeight(1, 1, 0, 2);
    net.setBias(0, 1, 0.25);
    expect(net.getParameters()).toEqual([
      {
        weights: [
          [1, -1],
          [1, -1],
        ],
        biases: [0, 0.25],
        activation: 'relu',
      },
      { weights: [[1], [2]], biases: [0.5], activation: 'linear' },
    ]);
    expect(() => net.setLayerParameters(1, { weights: [[1, 2]] })).toThrow(
      /expected 2×1 \(inputs × neurons\), got 1×2/,
    );
    expect(() => net.setLayerParameters(5, { biases: [1] })).toThrow(/layer index 5 out of range/);
    expect(() => net.setBias(1, 3, 0)).toThrow(/outside a 1×1/);
  });

  it('clone is independent; copyParametersFrom copies', () => {
    const net = Network.create({
      inputs: 2,
      layers: [
        { neurons: 3, activation: 'relu' },
        { neurons: 1, activation: 'sigmoid' },
      ],
      seed: 2,
    });
    const copy = net.clone();
    copy.setWeight(0, 0, 0, 42);
    expect(net.layers[0]!.weights.get(0, 0)).not.toBe(42);
    net.copyParametersFrom(copy);
    expect(net.layers[0]!.weights.get(0, 0)).toBe(42);
  });

  it('a hand-set step perceptron classifies blue/orange, and cannot be trained by backprop', () => {
    // blue (1) if x1·1 + x2·1 − 0.5 > 0
    const perceptron = Network.fromParameters([{ weights: [[1], [1]], biases: [-0.5], activation: 'step' }]);
    expect(
      Array.from(
        perceptron.predictClasses(
          Matrix.from([
            [0, 0],
            [1, 0],
            [0.2, 0.2],
            [0.4, 0.4],
          ]),
        ),
      ),
    ).toEqual([0, 1, 0, 1]);
    perceptron.forward(Matrix.from([[1, 1]]));
    expect(() => perceptron.backwardFromLoss('mse', Matrix.from([[1]]))).toThrow(STEP_HAS_NO_GRADIENT);
  });
});

describe('backprop = central differences (gradient checks through Dense layers and whole networks)', () => {
  const hiddenActivations: ActivationName[] = ['linear', 'sigmoid', 'tanh', 'relu'];
  // output activation + loss pairs, including unusual-but-valid combinations
  const heads: { out: ActivationName; loss: LossName; fused?: boolean }[] = [
    { out: 'linear', loss: 'mean-squared-error' },
    { out: 'sigmoid', loss: 'mean-squared-error' },
    { out: 'tanh', loss: 'mean-squared-error' },
    { out: 'relu', loss: 'mean-squared-error' },
    { out: 'softmax', loss: 'mean-squared-error' },
    { out: 'sigmoid', loss: 'binary-cross-entropy' },
    { out: 'softmax', loss: 'binary-cross-entropy' },
    { out: 'sigmoid', loss: 'categorical-cross-entropy' },
    { out: 'softmax', loss: 'categorical-cross-entropy', fused: true },
    { out: 'softmax', loss: 'categorical-cross-entropy', fused: false },
  ];
  const shapes = [
    { sizes: [2, 3, 1], batch: 4 },
    { sizes: [3, 5, 4, 3], batch: 6 },
    { sizes: [1, 4, 2], batch: 1 },
  ];

  function targetsFor(loss: LossName, rows: number, cols: number, seed: number): Matrix {
    const rng = createRng(seed);
    if (loss === 'categorical-cross-entropy')
      return oneHot(
        Array.from({ length: rows }, () => rng.int(cols)),
        cols,
      );
    if (loss === 'binary-cross-entropy')
      return Matrix.from(Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(2))));
    return Matrix.from(Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.uniform(-1, 1))));
  }

  let count = 0;
  for (const hidden of hiddenActivations) {
    for (const head of heads) {
      for (const shape of shapes) {
        const seed = ++count;
        const name = `${shape.sizes.join('-')} ${hidden} → ${head.out} + ${head.loss}${head.fused === false ? ' (unfused)' : ''}, batch ${shape.batch}`;
        it(name, () => {
          const sizes = shape.sizes;
          // a single-output softmax is constant; give it at least 2 classes
          const outSize = head.out === 'softmax' ? Math.max(2, sizes[sizes.length - 1]!) : sizes[sizes.length - 1]!;
          const layers = sizes.slice(1, -1).map((n) => ({ neurons: n, activation: hidden }));
          const net = Network.create({
            inputs: sizes[0]!,
            layers: [...layers, { neurons: outSize, activation: head.out }],
            seed,
            weightInit: { uniform: 0.8 },
            biasInit: { uniform: 0.3 },
          });
          // keep a ReLU output unit alive (positive pre-activation), or every gradient would be 0 and the check vacuous
          if (head.out === 'relu') net.layers[net.layers.length - 1]!.biases.fill(1);
          const rng = createRng(1000 + seed);
          const X = Matrix.from(
            Array.from({ length: shape.batch }, () => Array.from({ length: sizes[0]! }, () => rng.uniform(-1, 1))),
          );
          const Y = targetsFor(head.loss, shape.batch, outSize, seed);
          const result = gradientCheck(net, X, Y, head.loss, 1e-5, { fused: head.fused ?? true });
          expect(result.entries.length).toBe(net.parameterCount);
          expect(result.maxRelativeError).toBeLessThan(1e-6);
          // not vacuous: some gradients are clearly non-zero
          expect(Math.max(...result.entries.map((e) => Math.abs(e.analytic)))).toBeGreaterThan(1e-3);
        });
      }
    }
  }

  it('fused softmax + cross-entropy backward gives the same gradients as chaining through the Jacobian', () => {
    const net = Network.create({
      inputs: 2,
      layers: [
        { neurons: 4, activation: 'tanh' },
        { neurons: 3, activation: 'softmax' },
      ],
      seed: 5,
    });
    const X = Matrix.from([
      [0.1, 0.9],
      [-0.4, 0.3],
      [0.7, -0.8],
    ]);
    const Y = oneHot([0, 2, 1], 3);
    net.forward(X);
    net.backwardFromLoss('categorical-cross-entropy', Y);
    const fused = net.layers.map((l) => [l.dweights.clone(), l.dbiases.clone()]);
    net.forward(X);
    net.backward(getLoss('cce').backward(net.output, Y));
    net.layers.forEach((l, i) => {
      expect(maxAbsDifference(l.dweights, fused[i]![0]!)).toBeLessThan(1e-15);
      expect(maxAbsDifference(l.dbiases, fused[i]![1]!)).toBeLessThan(1e-15);
    });
  });
});

describe('backward with { inputGradient: false }', () => {
  it('gives the same weight and bias gradients, and leaves ∂E/∂X empty instead of stale', () => {
    const make = () =>
      Network.create({
        inputs: 2,
        layers: [
          { neurons: 5, activation: 'relu' },
          { neurons: 3, activation: 'softmax' },
        ],
        seed: 7,
      });
    const x = Matrix.from([
      [0.3, -1.2],
      [0.8, 0.5],
      [-0.4, 0.9],
    ]);
    const y = Matrix.from([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
    const full = make();
    const lean = make();
    full.forward(x);
    lean.forward(x);
    const dx = full.backwardFromLoss('cce', y);
    const skipped = lean.backwardFromLoss('cce', y, { inputGradient: false });
    expect(dx.shape).toBe('3×2');
    expect(skipped.shape).toBe('0×2');
    expect(lean.layers[0]!.dinputs.shape).toBe('0×2');
    for (let l = 0; l < 2; l++) {
      expect(lean.layers[l]!.dweights.toArray()).toEqual(full.layers[l]!.dweights.toArray());
      expect(lean.layers[l]!.dbiases.toArray()).toEqual(full.layers[l]!.dbiases.toArray());
    }
    // asking again restores it (the memory is reused)
    lean.forward(x);
    expect(lean.backwardFromLoss('cce', y).toArray()).toEqual(dx.toArray());
  });
});
