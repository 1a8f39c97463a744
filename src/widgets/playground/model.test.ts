import { describe, expect, test } from 'vitest';
import { Network, networkToJSON } from '@lib';
import { decodeState, defaultsOf, encodeState } from '../shared/url-state';
import { playgroundSchema, type PlaygroundState } from './state';
import {
  DATASET_INFO,
  curvesOf,
  differences,
  fittingPair,
  makeData,
  makeTrainer,
  measure,
  modelFileContext,
  outputCount,
  pairVerdict,
  parseColor,
  resolvePair,
  shadeGrid,
  sizesOf,
  trimIterations,
  xorCloud,
} from './model';
import { exportModel, importModel, modelFileName, readModelFile } from './file-io';
import { HealthMonitor, createRng } from '@lib';

const setup = (over: Partial<PlaygroundState> = {}): PlaygroundState => ({
  ...defaultsOf(playgroundSchema),
  ...over,
});

describe('data', () => {
  test('300 points split by the test share, the same for the same seed', () => {
    const d = makeData(setup({ data: 'spiral', test: 0.3 }));
    expect(d.train.x.rows).toBe(210);
    expect(d.test.x.rows).toBe(90);
    expect(d.train.x.cols).toBe(2);
    const again = makeData(setup({ data: 'spiral', test: 0.3 }));
    expect(Array.from(again.train.x.data)).toEqual(Array.from(d.train.x.data));
    const other = makeData(setup({ data: 'spiral', test: 0.3, seed: 2 }));
    expect(Array.from(other.train.x.data)).not.toEqual(Array.from(d.train.x.data));
    // every class of the three is present in both parts
    for (const part of [d.train, d.test]) expect(new Set(part.labels)).toEqual(new Set([0, 1, 2]));
  });

  test('XOR cloud: each point carries the XOR of the corner it scatters around', () => {
    const d = xorCloud(200, 0.1, createRng(3));
    for (let i = 0; i < 200; i++) {
      const a = d.x.get(i, 0) > 0.5 ? 1 : 0;
      const b = d.x.get(i, 1) > 0.5 ? 1 : 0;
      // with σ = 0.1 a point almost never crosses the middle (0.5 is 5σ away)
      expect(d.labels![i]).toBe(a === b ? 0 : 1);
    }
  });

  test('sine: one input, targets near sin x; no noise means exactly sin x', () => {
    const d = makeData(setup({ data: 'sine', noise: 0 }));
    expect(d.inputs).toBe(1);
    for (let i = 0; i < d.train.x.rows; i++) expect(d.train.y.data[i]).toBeCloseTo(Math.sin(d.train.x.data[i]!), 12);
  });
});

describe('output activation and loss', () => {
  test('the fitting pairs, and auto resolves to them', () => {
    expect(fittingPair('binary')).toEqual({ out: 'sigmoid', loss: 'bce' });
    expect(fittingPair('multiclass')).toEqual({ out: 'softmax', loss: 'cce' });
    expect(fittingPair('regression')).toEqual({ out: 'linear', loss: 'mse' });
    expect(resolvePair(setup({ data: 'fruits' }))).toEqual({
      out: 'softmax',
      loss: 'cce',
    });
    expect(resolvePair(setup({ data: 'sine', loss: 'bce' }))).toEqual({
      out: 'linear',
      loss: 'bce',
    });
  });

  test('outputs: one per class for three classes, two for softmax on two classes, else one', () => {
    expect(outputCount('multiclass', 'sigmoid')).toBe(3);
    expect(outputCount('binary', 'softmax')).toBe(2);
    expect(outputCount('binary', 'sigmoid')).toBe(1);
    expect(outputCount('regression', 'softmax')).toBe(1);
    expect(sizesOf(setup({ data: 'spiral', arch: [16, 16] }))).toEqual([2, 16, 16, 3]);
    expect(sizesOf(setup({ data: 'sine', arch: [] }))).toEqual([1, 1]);
  });

  test('mismatched pairs are named and explained', () => {
    expect(pairVerdict('multiclass', 'softmax', 'cce').kind).toBe('fits');
    const softmaxMse = pairVerdict('multiclass', 'softmax', 'mse');
    expect(softmaxMse.kind).toBe('mismatch');
    expect(softmaxMse.why).toMatch(/slope/);
    const sigmoidThree = pairVerdict('multiclass', 'sigmoid', 'bce');
    expect(sigmoidThree.kind).toBe('mismatch');
    expect(sigmoidThree.why).toMatch(/add up to 1/);
    expect(pairVerdict('regression', 'sigmoid', 'mse').why).toMatch(/−1/);
    expect(pairVerdict('regression', 'softmax', 'mse').why).toMatch(/= 1/);
    expect(pairVerdict('binary', 'sigmoid', 'cce').why).toMatch(/class-0/);
    expect(pairVerdict('binary', 'linear', 'bce').kind).toBe('mismatch');
    expect(pairVerdict('binary', 'softmax', 'cce').kind).toBe('note');
  });
});

describe('training', () => {
  test('the loss it reports is binary cross-entropy computed by hand from the weights', () => {
    // No hidden layer: ŷ = σ(x·w + b); E = −mean(y ln ŷ + (1 − y) ln(1 − ŷ)).
    const s = setup({ data: 'blue-orange', arch: [] });
    const data = makeData(s);
    const trainer = makeTrainer(s, data);
    for (let e = 0; e < 3; e++) trainer.epoch();
    const [layer] = trainer.network.getParameters();
    const w = layer!.weights;
    const b = layer!.biases[0]!;
    let sum = 0;
    const x = data.test.x;
    for (let i = 0; i < x.rows; i++) {
      const p = 1 / (1 + Math.exp(-(x.get(i, 0) * w[0]![0]! + x.get(i, 1) * w[1]![0]! + b)));
      const y = data.test.labels![i]!;
      sum += y * Math.log(p) + (1 - y) * Math.log(1 - p);
    }
    expect(measure(trainer).testLoss).toBeCloseTo(-sum / x.rows, 12);
  });

  test('batch size: mini-batches give ⌈n/k⌉ updates per epoch; a batch ≥ n is full-batch', () => {
    const s = setup({ data: 'circles', batch: 16 });
    const data = makeData(s);
    const t = makeTrainer(s, data);
    t.epoch();
    expect(t.iteration).toBe(Math.ceil(210 / 16));
    const full = makeTrainer(setup({ data: 'circles', batch: 300 }), data);
    full.epoch();
    expect(full.iteration).toBe(1);
  });

  test('the same seed gives the same run; a different learning rate a different one', () => {
    const run = (s: PlaygroundState) => {
      const t = makeTrainer(s, makeData(s));
      for (let e = 0; e < 20; e++) t.epoch();
      return measure(t).trainLoss;
    };
    const s = setup({ data: 'spiral', arch: [16, 16], a1: 'relu', a2: 'relu' });
    expect(run(s)).toBe(run(s));
    expect(run({ ...s, lr: '0.1' })).not.toBe(run(s));
  });

  test('a spiral is learned by a 2-16-16-3 ReLU network (better than the 1/3 of guessing)', () => {
    const s = setup({
      data: 'spiral',
      arch: [16, 16],
      a1: 'relu',
      a2: 'relu',
      lr: '0.01',
    });
    const t = makeTrainer(s, makeData(s));
    for (let e = 0; e < 300; e++) t.epoch();
    expect(measure(t).trainAccuracy!).toBeGreaterThan(0.6);
  });

  test('divergence is a typed stop with finite weights, never NaN', () => {
    const s = setup({ data: 'sine', lr: '3', arch: [16, 16] });
    const t = makeTrainer(s, makeData(s));
    let outcome;
    for (let e = 0; e < 200 && !t.diverged; e++) outcome = t.epoch();
    expect(outcome?.status).toBe('diverged');
    for (const layer of t.network.getParameters())
      for (const row of layer.weights) for (const w of row) expect(Number.isFinite(w)).toBe(true);
  });

  test('curves start at epoch 0 and follow the epoch history; the update history is trimmed', () => {
    const s = setup({ data: 'circles', batch: 1 });
    const t = makeTrainer(s, makeData(s));
    const start = measure(t);
    for (let e = 0; e < 4; e++) t.epoch();
    const c = curvesOf(start, t.history.epochs);
    expect(c.trainLoss.map((p) => p.epoch)).toEqual([0, 1, 2, 3, 4]);
    expect(c.testAccuracy).toHaveLength(5);
    expect(c.trainLoss[4]!.loss).toBe(t.history.epochs[3]!.loss);
    expect(t.history.iterations.length).toBe(4 * 210);
    trimIterations(t, 100);
    expect(t.history.iterations.length).toBe(100);
    expect(t.history.iterations.at(-1)!.iteration).toBe(840);
  });
});

describe('heat map colours', () => {
  const colors = {
    bg: [255, 255, 255] as const,
    classes: [[255, 0, 0] as const, [0, 255, 0] as const, [0, 0, 255] as const],
  };
  test('one output: ŷ = 0.75 is a quarter of the way from the background to class 1 (half-strength shading)', () => {
    const px = new Uint8ClampedArray(4 * 3);
    shadeGrid(
      Float64Array.from([0.75, 0.5, NaN]),
      1,
      { bg: colors.bg, classes: [colors.classes[0]!, colors.classes[2]!] },
      px,
    );
    // a = 0.5·|2·0.75 − 1| = 0.25: 255 − 0.25·255 = 191.25
    expect(Array.from(px.slice(0, 4))).toEqual([191, 191, 255, 255]);
    expect(Array.from(px.slice(4, 8))).toEqual([255, 255, 255, 255]);
    expect(Array.from(px.slice(8, 12))).toEqual([255, 255, 255, 255]);
  });
  test('three outputs: shares 1/2, 1/4, 1/4 mix the class colours, faded by how sure the largest is', () => {
    const px = new Uint8ClampedArray(4 * 2);
    shadeGrid(Float64Array.from([2, 1, 1, 1, 1, 1]), 3, colors, px);
    // mixture (127.5, 63.75, 63.75); a = 0.5·(1/2 − 1/3)/(2/3) = 0.125 → 255 + 0.125·(127.5 − 255) = 239.06, 255 + 0.125·(63.75 − 255) = 231.09
    expect(Array.from(px.slice(0, 4))).toEqual([239, 231, 231, 255]);
    // all equal: no shading at all
    expect(Array.from(px.slice(4, 8))).toEqual([255, 255, 255, 255]);
  });
  test('colours are read from CSS values', () => {
    expect(parseColor('#2e63ad')).toEqual([0x2e, 0x63, 0xad]);
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
  });
});

describe('model files', () => {
  test('an exported model loads back with its architecture', () => {
    const s = setup({
      data: 'fruits',
      arch: [5, 3],
      a1: 'relu',
      a2: 'sigmoid',
    });
    const t = makeTrainer(s, makeData(s));
    t.epoch();
    const text = exportModel(t, modelFileContext(s));
    const result = importModel(text, modelFileContext(setup({ data: 'spiral' })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.patch).toEqual({
      arch: [5, 3],
      out: 'softmax',
      a1: 'relu',
      a2: 'sigmoid',
    });
    expect(result.model.network.getParameters()).toEqual(t.network.getParameters());
    expect(JSON.parse(text).playground).toMatchObject({
      dataset: 'fruits',
      epoch: 1,
      iteration: t.iteration,
    });
  });

  test('files that cannot be used are refused with a reason', () => {
    const bad = (text: string, s = setup()) => {
      const r = importModel(text, modelFileContext(s));
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error;
    };
    expect(bad('not json')).toMatch(/not a model the playground can read/);
    expect(bad('{"version":1,"kind":"sgd"}')).toMatch(/kind/);
    const sineNet = Network.create({
      inputs: 1,
      layers: [
        { neurons: 4, activation: 'tanh' },
        { neurons: 1, activation: 'linear' },
      ],
    });
    expect(bad(JSON.stringify(networkToJSON(sineNet)))).toMatch(/1 input, but the Circles data set has 2/);
    const wide = Network.create({
      inputs: 2,
      layers: [
        { neurons: 40, activation: 'relu' },
        { neurons: 1, activation: 'sigmoid' },
      ],
    });
    expect(bad(JSON.stringify(networkToJSON(wide)))).toMatch(/wider than 16/);
    const three = Network.create({
      inputs: 2,
      layers: [
        { neurons: 4, activation: 'relu' },
        { neurons: 3, activation: 'softmax' },
      ],
    });
    expect(bad(JSON.stringify(networkToJSON(three)))).toMatch(/3 outputs.*needs 2/);
  });

  test('a chosen file is read, size-checked and validated; the download is named after the run', async () => {
    const s = setup();
    const c = modelFileContext(s);
    const t = makeTrainer(s, makeData(s));
    t.epoch();
    expect(modelFileName(t, modelFileContext(s))).toBe('playground-circles-2-8-8-1-epoch1.json');
    const good = await readModelFile(new File([exportModel(t, modelFileContext(s))], 'm.json'), c);
    expect(good.ok && good.model.summary).toBe('2-8-8-1 (tanh, tanh, sigmoid)');
    expect(await readModelFile(new File([''], 'empty.json'), c)).toEqual({
      ok: false,
      error: 'empty.json is empty or larger than 2 MB; a model of the playground is a few kilobytes.',
    });
    const big = new File([new Uint8Array(2_000_001)], 'big.json');
    expect(await readModelFile(big, c)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^big.json is empty or larger/),
    });
    const broken = {
      name: 'gone.json',
      size: 10,
      text: () => Promise.reject(new Error('NotReadableError')),
    } as unknown as File;
    expect(await readModelFile(broken, c)).toEqual({ ok: false, error: 'gone.json could not be read.' });
    expect(await readModelFile(new File(['nope'], 'x.json'), c)).toMatchObject({ ok: false });
  });
});

describe('set-up in the link', () => {
  test('the architecture is a list of 0 to 4 numbers', () => {
    const s = setup({ data: 'spiral', arch: [16, 16, 4] });
    const text = encodeState(playgroundSchema, s);
    expect(text).toBe('data:spiral,arch:16_16_4');
    expect(decodeState(playgroundSchema, text).state.arch).toEqual([16, 16, 4]);
    expect(decodeState(playgroundSchema, encodeState(playgroundSchema, setup({ arch: [] })))).toEqual({
      state: setup({ arch: [] }),
      problems: [],
    });
    const tooMany = decodeState(playgroundSchema, 'arch:1_2_3_4_5');
    expect(tooMany.state.arch).toEqual([8, 8]);
    expect(tooMany.problems[0]).toMatch(/0 to 4 numbers/);
    expect(decodeState(playgroundSchema, 'arch:99').state.arch).toEqual([16]);
  });

  test('a pinned run names the settings that differ', () => {
    const a = setup({ data: 'spiral' });
    expect(differences(a, { ...a, lr: '0.3' })).toEqual(['learning rate 0.03 → 0.3']);
    expect(differences(a, { ...a, arch: [8], a2: 'relu' })).toEqual([
      'hidden layers 8-8 → 8',
      'activation 2 tanh → relu',
    ]);
    expect(differences(a, { ...a, a4: 'relu' })).toEqual([]);
    expect(DATASET_INFO.fruits.classes).toEqual(['apple', 'orange', 'banana']);
  });
});

describe('run health on the playground’s set-ups (lib/health.ts on real runs)', () => {
  /** Trains `epochs` epochs, observing every one; returns the final verdict and every verdict seen. */
  function watch(over: Partial<PlaygroundState>, epochs: number) {
    const s = setup(over);
    const trainer = makeTrainer(s, makeData(s));
    const monitor = new HealthMonitor();
    const seen = new Set<string>();
    for (let e = 0; e < epochs && !trainer.diverged; e++) {
      trainer.epoch();
      seen.add(monitor.observe(trainer).verdict);
    }
    return { health: monitor.health, seen: [...seen] };
  }

  test('spiral, ReLU, α = 3 (loss swinging between 1 and 5 at chance accuracy) is oscillating', () => {
    const { health } = watch({ data: 'spiral', lr: '3', a1: 'relu', a2: 'relu' }, 300);
    expect(health.verdict).toBe('oscillating');
    expect(health.evidence!.high - health.evidence!.low).toBeGreaterThan(1);
  });

  test('the default spiral run is called overfitting once its test loss climbs while the training loss falls', () => {
    const { health } = watch({ data: 'spiral' }, 600);
    expect(health.verdict).toBe('overfitting');
    expect(health.evidence!.testNow!).toBeGreaterThan(1.1 * health.evidence!.bestTest!);
  });

  test('tanh at α = 3 on circles saturates at a loss of 8.37 and is called diverged', () => {
    expect(watch({ lr: '3' }, 100).health.verdict).toBe('diverged');
  });

  test('XOR with one hidden unit plateaus and is called stalled', () => {
    expect(watch({ data: 'xor', arch: [1], mom: 0, lr: '0.1' }, 400).health.verdict).toBe('stalled');
  });

  test.each(['circles', 'xor', 'fruits', 'sine'] as const)('the default %s run stays healthy all along', (data) => {
    expect(watch({ data }, 600).seen).toEqual(['healthy']);
  });
});
