import { describe, expect, it } from 'vitest';
import { Matrix, isFiniteMatrix } from './matrix.ts';
import { Network } from './network.ts';
import { SGD } from './sgd.ts';
import { Trainer } from './train.ts';
import { getLoss } from './losses.ts';
import { createRng } from './random.ts';
import { sine, spiral, logicGate, fruits, trainTestSplit } from './data.ts';

/** Least-squares straight line through (x, y): slope, intercept and its MSE. */
function bestLine(x: Matrix, y: Matrix): { slope: number; intercept: number; mse: number } {
  const n = x.rows;
  const mx = x.data.reduce((s, v) => s + v, 0) / n;
  const my = y.data.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x.data[i]! - mx) * (y.data[i]! - my);
    sxx += (x.data[i]! - mx) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let mse = 0;
  for (let i = 0; i < n; i++) mse += (y.data[i]! - slope * x.data[i]! - intercept) ** 2;
  return { slope, intercept, mse: mse / n };
}

const oneEightOne = (seed: number, biasInit: 'zeros' | { kinksIn: [number, number] }) =>
  Network.create({
    inputs: 1,
    layers: [
      { neurons: 8, activation: 'relu', biasInit },
      { neurons: 1, activation: 'linear' },
    ],
    seed,
  });

describe('training reaches known results (fixed seeds)', () => {
  it('XOR is solved by a 2-2-1 sigmoid network (seed 0, weights ~ U(±1), lr 2, momentum 0.9, BCE, full batch)', () => {
    const xor = logicGate('xor');
    const network = Network.create({
      inputs: 2,
      layers: [
        { neurons: 2, activation: 'sigmoid' },
        { neurons: 1, activation: 'sigmoid' },
      ],
      seed: 0,
      weightInit: { uniform: 1 },
    });
    const trainer = new Trainer({
      network,
      optimizer: new SGD({ learningRate: 2, momentum: 0.9 }),
      loss: 'binary-cross-entropy',
      xTrain: xor.x,
      yTrain: xor.y,
    });
    const result = trainer.fit({ maxEpochs: 2000, targetLoss: 0.01 });
    expect(result.status).toBe('target-loss');
    if (result.status === 'diverged') throw new Error('unreachable');
    expect(result.loss).toBeLessThanOrEqual(0.01);
    expect(result.accuracy).toBe(1);
    expect(Array.from(network.predictClasses(xor.x))).toEqual([0, 1, 1, 0]);
  });

  it('…but with seed 4 the same recipe gets stuck in a local minimum (gradient descent is local search)', () => {
    const xor = logicGate('xor');
    const network = Network.create({
      inputs: 2,
      layers: [
        { neurons: 2, activation: 'sigmoid' },
        { neurons: 1, activation: 'sigmoid' },
      ],
      seed: 4,
      weightInit: { uniform: 1 },
    });
    const trainer = new Trainer({
      network,
      optimizer: new SGD({ learningRate: 2, momentum: 0.9 }),
      loss: 'bce',
      xTrain: xor.x,
      yTrain: xor.y,
    });
    const result = trainer.fit({ maxEpochs: 2000, targetLoss: 0.01 });
    expect(result.status).toBe('max-epochs');
    if (result.status === 'diverged') throw new Error('unreachable');
    expect(result.loss).toBeGreaterThan(0.3);
    expect(result.accuracy).toBeLessThan(1);
  });

  it('sine on [0, 2π]: a 1-8-1 ReLU net with kinks drawn inside [0, 2π] (seed 3) reaches MSE < 0.005', () => {
    const data = sine(64);
    const network = oneEightOne(3, { kinksIn: [0, 2 * Math.PI] });
    const trainer = new Trainer({
      network,
      optimizer: new SGD({ learningRate: 0.01, momentum: 0.9 }),
      loss: 'mse',
      xTrain: data.x,
      yTrain: data.y,
    });
    const result = trainer.fit({ maxEpochs: 3000 });
    expect(result.status).toBe('max-epochs');
    if (result.status === 'diverged') throw new Error('unreachable');
    expect(result.loss).toBeLessThan(0.005);
    expect(result.loss).toBeLessThan(bestLine(data.x, data.y).mse / 40);
  });

  it('spiral, 3 classes × 100 points: a 2-64-3 ReLU/softmax net (seed 0) exceeds 95% training accuracy', () => {
    const data = spiral(100, 3, createRng(0));
    const network = Network.create({
      inputs: 2,
      layers: [
        { neurons: 64, activation: 'relu' },
        { neurons: 3, activation: 'softmax' },
      ],
      seed: 0,
    });
    const trainer = new Trainer({
      network,
      optimizer: new SGD({ learningRate: 1, decay: 1e-3, momentum: 0.9 }),
      loss: 'categorical-cross-entropy',
      xTrain: data.x,
      yTrain: data.y,
    });
    const result = trainer.fit({ maxEpochs: 2000 });
    if (result.status === 'diverged') throw new Error(`diverged: ${result.reason}`);
    expect(result.accuracy).toBeGreaterThan(0.95);
  });
});

describe('zero biases: all ReLU kinks at x = 0, so the net is a straight line on [0, 2π]', () => {
  it('with hidden biases 0, every kink −b/w is 0 and the output is exactly linear for x ≥ 0 (any weights)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const network = oneEightOne(seed, 'zeros');
      network.setLayerParameters(1, { biases: [0.3] });
      for (const b of network.layers[0]!.biases.data) expect(b).toBe(0);
      const xs = Array.from({ length: 50 }, (_, i) => (i / 49) * 2 * Math.PI);
      const y = network.predict(Matrix.column(xs)).data;
      // equal steps in x → equal steps in y (second differences vanish)
      for (let i = 2; i < xs.length; i++) expect(y[i]! - 2 * y[i - 1]! + y[i - 2]!).toBeCloseTo(0, 10);
    }
  });

  it('so training (seed 2, biases kept at 0) stalls exactly at the best straight line, far above the kinked net', () => {
    const data = sine(64);
    const line = bestLine(data.x, data.y);
    expect(line.mse).toBeCloseTo(0.2072, 4);

    const flat = oneEightOne(2, 'zeros');
    flat.layers[0]!.trainBiases = false;
    const stalled = new Trainer({
      network: flat,
      optimizer: new SGD({ learningRate: 0.01, momentum: 0.9 }),
      loss: 'mse',
      xTrain: data.x,
      yTrain: data.y,
    }).fit({ maxEpochs: 2000 });
    if (stalled.status === 'diverged') throw new Error('unreachable');
    expect(stalled.loss).toBeCloseTo(line.mse, 8);
    const prediction = flat.predict(data.x);
    for (let i = 0; i < data.x.rows; i++)
      expect(prediction.data[i]).toBeCloseTo(line.slope * data.x.data[i]! + line.intercept, 6);

    const kinked = oneEightOne(2, { kinksIn: [0, 2 * Math.PI] });
    const fitted = new Trainer({
      network: kinked,
      optimizer: new SGD({ learningRate: 0.01, momentum: 0.9 }),
      loss: 'mse',
      xTrain: data.x,
      yTrain: data.y,
    }).fit({ maxEpochs: 2000 });
    if (fitted.status === 'diverged') throw new Error('unreachable');
    expect(fitted.loss).toBeLessThan(line.mse / 20);
  });
});

describe('divergence detection', () => {
  it('a huge learning rate reports status "diverged" with a reason, and leaves finite weights from the last good step', () => {
    const data = sine(32);
    const makeTrainer = () =>
      new Trainer({
        network: oneEightOne(1, { kinksIn: [0, 2 * Math.PI] }),
        optimizer: new SGD({ learningRate: 5 }),
        loss: 'mse',
        xTrain: data.x,
        yTrain: data.y,
      });
    const trainer = makeTrainer();
    const result = trainer.fit({ maxEpochs: 1000 });
    expect(result.status).toBe('diverged');
    if (result.status !== 'diverged') throw new Error('unreachable');
    expect(result.reason).toMatch(/loss/);
    expect(result.iteration).toBeGreaterThan(0);
    expect(result.iteration).toBeLessThan(1000);
    for (const layer of trainer.network.layers) {
      expect(isFiniteMatrix(layer.weights)).toBe(true);
      expect(isFiniteMatrix(layer.biases)).toBe(true);
    }
    expect(trainer.history.iterations.every((r) => Number.isFinite(r.loss))).toBe(true);
    // the restored parameters are exactly those after `restoredIteration` updates
    const replay = makeTrainer();
    for (let i = 0; i < result.restoredIteration; i++) replay.step();
    expect(trainer.network.getParameters()).toEqual(replay.network.getParameters());
    // further steps do nothing and report the same status
    expect(trainer.step()).toBe(result);
    expect(trainer.epoch()).toBe(result);
  });

  it('a loss that is already infinite at the start is reported before any update', () => {
    const network = Network.fromParameters([{ weights: [[1e200]], biases: [0], activation: 'linear' }]);
    const trainer = new Trainer({
      network,
      optimizer: new SGD({ learningRate: 0.1 }),
      loss: 'mse',
      xTrain: Matrix.column([1e200]),
      yTrain: Matrix.column([0]),
    });
    const outcome = trainer.step();
    expect(outcome.status).toBe('diverged');
    if (outcome.status !== 'diverged') throw new Error('unreachable');
    expect(outcome.reason).toBe('loss is Infinity');
    expect(outcome.restoredIteration).toBe(0);
    expect(network.layers[0]!.weights.get(0, 0)).toBe(1e200);
  });

  it('a loss growing over 1000× the first one counts as divergence', () => {
    const data = sine(16);
    const trainer = new Trainer({
      network: oneEightOne(1, { kinksIn: [0, 6] }),
      optimizer: new SGD({ learningRate: 1 }),
      loss: 'mse',
      xTrain: data.x,
      yTrain: data.y,
      divergence: { maxLoss: Infinity, growthFactor: 1e3 },
    });
    const result = trainer.fit({ maxEpochs: 500 });
    expect(result.status).toBe('diverged');
    if (result.status !== 'diverged') throw new Error('unreachable');
    expect(result.reason).toMatch(/grew more than 1000× the initial loss|Infinity|NaN/);
    // The cause carries the numbers a page words for readers: the factor and the loss before training.
    if (result.cause.kind === 'grew') {
      expect(result.cause.factor).toBe(1e3);
      expect(result.cause.initialLoss).toBe(trainer.initialLoss);
      expect(result.loss).toBeGreaterThan(1e3 * Math.max(1, result.cause.initialLoss));
    } else expect(result.cause.kind).toBe('not-finite');
  });
});

describe('batch modes, shuffling and history', () => {
  const data = fruits(20, createRng(1)); // 60 samples, 3 classes
  const makeNet = () =>
    Network.create({
      inputs: 2,
      layers: [
        { neurons: 6, activation: 'tanh' },
        { neurons: 3, activation: 'softmax' },
      ],
      seed: 1,
    });

  it('full batch = 1 update per epoch; mini-batch of 16 = ⌈60/16⌉ = 4; single-sample = 60', () => {
    for (const [batchSize, perEpoch] of [
      ['full', 1],
      [16, 4],
      [1, 60],
    ] as const) {
      const trainer = new Trainer({
        network: makeNet(),
        optimizer: new SGD({ learningRate: 0.1 }),
        loss: 'cce',
        xTrain: data.x,
        yTrain: data.y,
        batchSize,
        seed: 3,
      });
      const outcome = trainer.epoch();
      expect(outcome.status).toBe('ok');
      expect(trainer.iteration).toBe(perEpoch);
      expect(trainer.history.iterations.length).toBe(perEpoch);
      expect(trainer.history.epochs.length).toBe(1);
      expect(trainer.optimizer.iterations).toBe(perEpoch);
    }
  });

  it('shuffles each epoch exactly like rng.shuffle with the same seed', () => {
    const trainer = new Trainer({
      network: makeNet(),
      optimizer: new SGD({ learningRate: 0.1 }),
      loss: 'cce',
      xTrain: data.x,
      yTrain: data.y,
      batchSize: 16,
      seed: 9,
    });
    const reference = createRng(9);
    for (let epoch = 0; epoch < 3; epoch++) {
      const expected = reference.shuffle(Array.from(trainer.order));
      trainer.step();
      expect(Array.from(trainer.order)).toEqual(expected);
      trainer.epoch();
    }
  });

  it('the same seed reproduces a run exactly; another shuffle seed changes it', () => {
    const run = (seed: number) => {
      const trainer = new Trainer({
        network: makeNet(),
        optimizer: new SGD({ learningRate: 0.2, momentum: 0.5 }),
        loss: 'cce',
        xTrain: data.x,
        yTrain: data.y,
        batchSize: 8,
        seed,
      });
      trainer.fit({ maxEpochs: 3 });
      return trainer.history.iterations.map((r) => r.loss);
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('mini-batch training without shuffling visits the samples in order (batch losses match a manual computation)', () => {
    const network = makeNet();
    const probe = network.clone();
    const trainer = new Trainer({
      network,
      optimizer: new SGD({ learningRate: 0 }),
      loss: 'cce',
      xTrain: data.x,
      yTrain: data.y,
      batchSize: 25,
      shuffle: false,
    });
    trainer.epoch();
    const rows = (a: number, b: number, m: Matrix) => Matrix.from(m.toArray().slice(a, b));
    const cce = getLoss('cce').calculate;
    const expected = [
      cce(probe.forward(rows(0, 25, data.x)), rows(0, 25, data.y)),
      cce(probe.forward(rows(25, 50, data.x)), rows(25, 50, data.y)),
      cce(probe.forward(rows(50, 60, data.x)), rows(50, 60, data.y)),
    ];
    expect(trainer.history.iterations.map((r) => r.loss)).toEqual(expected);
  });

  it('records loss and accuracy per iteration and per epoch, for train and test', () => {
    const all = fruits(30, createRng(2));
    const { train, test } = trainTestSplit(all, 0.25, createRng(3));
    const trainer = new Trainer({
      network: makeNet(),
      optimizer: new SGD({ learningRate: 0.5 }),
      loss: 'cce',
      xTrain: train.x,
      yTrain: train.y,
      xTest: test.x,
      yTest: test.y,
      batchSize: 32,
      testEveryIteration: true,
    });
    trainer.fit({ maxEpochs: 5 });
    expect(trainer.history.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
    for (const e of trainer.history.epochs) {
      expect(e.loss).toBeGreaterThan(0);
      expect(e.accuracy).toBeGreaterThanOrEqual(0);
      expect(e.accuracy).toBeLessThanOrEqual(1);
      expect(e.testLoss).toBeGreaterThan(0);
      expect(e.testAccuracy).toBeGreaterThanOrEqual(0);
    }
    const last = trainer.history.epochs[4]!;
    expect(last.loss).toBeCloseTo(trainer.evaluateTrain().loss, 12);
    expect(last.testLoss).toBeCloseTo(trainer.evaluateTest()!.loss, 12);
    expect(trainer.history.iterations.length).toBe(5 * 3);
    for (const r of trainer.history.iterations) {
      expect(r.testLoss).toBeDefined();
      expect(r.accuracy).toBeDefined();
      expect(r.learningRate).toBe(0.5);
    }
    // learning happens
    expect(trainer.history.epochs[4]!.loss).toBeLessThan(trainer.history.iterations[0]!.loss);
  });

  it('regression runs carry no accuracy unless asked for', () => {
    const s = sine(10);
    const trainer = new Trainer({
      network: oneEightOne(1, 'zeros'),
      optimizer: new SGD({ learningRate: 0.01 }),
      loss: 'mse',
      xTrain: s.x,
      yTrain: s.y,
    });
    const outcome = trainer.step();
    if (outcome.status !== 'ok') throw new Error('unexpected');
    expect(outcome.record.accuracy).toBeUndefined();
    expect(outcome.epochRecord?.accuracy).toBeUndefined();
  });

  it('stops at the target loss, at maxEpochs, or when onEpoch returns false', () => {
    const xor = logicGate('xor');
    const make = () =>
      new Trainer({
        network: Network.create({
          inputs: 2,
          layers: [
            { neurons: 2, activation: 'sigmoid' },
            { neurons: 1, activation: 'sigmoid' },
          ],
          seed: 0,
          weightInit: { uniform: 1 },
        }),
        optimizer: new SGD({ learningRate: 2, momentum: 0.9 }),
        loss: 'bce',
        xTrain: xor.x,
        yTrain: xor.y,
      });
    const capped = make().fit({ maxEpochs: 10 });
    expect(capped.status).toBe('max-epochs');
    if (capped.status === 'diverged') throw new Error('unreachable');
    expect(capped.epochs).toBe(10);
    let calls = 0;
    const stopped = make().fit({ maxEpochs: 100, onEpoch: () => ++calls < 3 });
    if (stopped.status === 'diverged') throw new Error('unreachable');
    expect(stopped.epochs).toBe(3);
    const target = make().fit({ maxEpochs: 5000, targetLoss: 0.05 });
    expect(target.status).toBe('target-loss');
  });

  it('validates its inputs', () => {
    const base = { network: makeNet(), optimizer: new SGD(), loss: 'cce' as const };
    expect(() => new Trainer({ ...base, xTrain: data.x, yTrain: Matrix.zeros(5, 3) })).toThrow(
      /xTrain has 60 rows .* yTrain has 5/,
    );
    expect(() => new Trainer({ ...base, xTrain: Matrix.zeros(60, 3), yTrain: data.y })).toThrow(
      /network expects 2 inputs/,
    );
    expect(() => new Trainer({ ...base, xTrain: data.x, yTrain: data.y, batchSize: 0 })).toThrow(/batchSize/);
    expect(() => new Trainer({ ...base, xTrain: data.x, yTrain: data.y, xTest: data.x })).toThrow(
      /both xTest and yTest/,
    );
  });
});

describe('capped history', () => {
  const data = fruits(20, createRng(1)); // 60 samples, 3 classes
  const makeNet = () =>
    Network.create({
      inputs: 2,
      layers: [
        { neurons: 6, activation: 'tanh' },
        { neurons: 3, activation: 'softmax' },
      ],
      seed: 1,
    });
  const trainerWith = (historyLimit?: { iterations?: number; epochs?: number }) =>
    new Trainer({
      network: makeNet(),
      optimizer: new SGD({ learningRate: 0.1, momentum: 0.9 }),
      loss: 'cce',
      xTrain: data.x,
      yTrain: data.y,
      batchSize: 8,
      seed: 4,
      ...(historyLimit && { historyLimit }),
    });

  it('keeps the first record, a contiguous newest quarter and evenly thinned older records, never more than the limit', () => {
    const trainer = trainerWith({ iterations: 40, epochs: 12 });
    const first = trainer.step();
    for (let i = 1; i < 2000; i++) {
      trainer.step();
      expect(trainer.history.iterations.length).toBeLessThanOrEqual(40);
      expect(trainer.history.epochs.length).toBeLessThanOrEqual(12);
    }
    const its = trainer.history.iterations;
    expect(its[0]).toBe(first.status === 'ok' ? first.record : undefined);
    expect(its[0]!.iteration).toBe(1);
    expect(its.at(-1)!.iteration).toBe(2000);
    const numbers = its.map((r) => r.iteration);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b)); // oldest first, no duplicates
    expect(new Set(numbers).size).toBe(numbers.length);
    const tail = numbers.slice(-10); // the newest quarter: consecutive updates
    expect(tail).toEqual(tail.map((_, i) => 1991 + i));
    // the thinned part: still spread over the whole run (no gap longer than a small part of it)
    const gaps = numbers.slice(1).map((n, i) => n - numbers[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2000 / 8);
    const epochs = trainer.history.epochs.map((e) => e.epoch);
    expect(epochs[0]).toBe(1);
    expect(epochs.at(-1)).toBe(trainer.epochCount);
    expect(epochs.slice(-3)).toEqual([trainer.epochCount - 2, trainer.epochCount - 1, trainer.epochCount]);
  });

  it('does not change training: the weights match a trainer with a huge limit', () => {
    const capped = trainerWith({ iterations: 4, epochs: 4 });
    const complete = trainerWith({ iterations: 1e9, epochs: 1e9 });
    capped.fit({ maxEpochs: 30 });
    complete.fit({ maxEpochs: 30 });
    expect(complete.history.iterations.length).toBe(30 * 8);
    expect(capped.network.getParameters()).toEqual(complete.network.getParameters());
    expect(capped.history.iterations[0]).toEqual(complete.history.iterations[0]);
    expect(capped.history.epochs.at(-1)).toEqual(complete.history.epochs.at(-1));
  });

  it('defaults to 2048 iterations and 16384 epochs, and rejects limits below 2', () => {
    expect(trainerWith().historyLimit).toEqual({ iterations: 2048, epochs: 16384 });
    expect(() => trainerWith({ iterations: 1 })).toThrow(/historyLimit.iterations/);
    expect(() => trainerWith({ epochs: 2.5 })).toThrow(/historyLimit.epochs/);
  });

  it('thins in place (the history array stays the same object) and doubles the stride', () => {
    const trainer = trainerWith({ iterations: 8 });
    const records = trainer.history.iterations;
    for (let i = 1; i <= 9; i++) trainer.step();
    // 9 > 8: keep #1, the newest 8/4 = 2 (#8, #9), and the multiples of 2 among the rest
    expect(trainer.history.iterations).toBe(records);
    expect(records.map((r) => r.iteration)).toEqual([1, 2, 4, 6, 8, 9]);
  });
});
