import { describe, expect, test } from 'vitest';
import { HealthMonitor } from '@lib';
import { decodeState, defaultsOf, encodeState } from '../shared/url-state';
import { makeData } from './datasets';
import { curvesOf, makeTrainer, measure, trimIterations } from './model';
import { playgroundSchema, type PlaygroundState } from './state';

const setup = (over: Partial<PlaygroundState> = {}): PlaygroundState => ({
  ...defaultsOf(playgroundSchema),
  ...over,
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
