import { describe, expect, it } from 'vitest';
import { N, epochSplit, makeTrainer, splitText, updatesPerEpoch } from './model';

const settings = { batch: 8, lr: 0.1, seed: 3 };

describe('batch-size: updates per epoch', () => {
  it('is ⌈N / batch⌉ (by hand for N = 50)', () => {
    expect(N).toBe(50);
    expect(updatesPerEpoch(1)).toBe(50);
    expect(updatesPerEpoch(8)).toBe(7); // 6·8 = 48, 2 left over
    expect(updatesPerEpoch(10)).toBe(5);
    expect(updatesPerEpoch(16)).toBe(4); // 3·16 = 48
    expect(updatesPerEpoch(49)).toBe(2);
    expect(updatesPerEpoch(50)).toBe(1);
    expect(updatesPerEpoch(32, 1000)).toBe(32); // the lecture's table: 1000 examples, batches of 32
  });

  it('names the left-over batch', () => {
    expect(epochSplit(8)).toEqual({ full: 6, rest: 2 });
    expect(splitText(8)).toBe('6 batches of 8 and one of 2');
    expect(splitText(10)).toBe('5 batches of 10');
    expect(splitText(50)).toBe('1 batch of 50');
  });

  it('the engine makes exactly that many updates in one epoch', () => {
    for (const [kind, updates] of [
      ['full', 1],
      ['mini', 7],
      ['single', 50],
    ] as const) {
      const t = makeTrainer(kind, settings);
      t.epoch();
      expect(t.iteration).toBe(updates);
      expect(t.epochCount).toBe(1);
    }
  });

  it('all three start from the same weights; the same seed gives the same run', () => {
    const losses = (['full', 'mini', 'single'] as const).map((k) => makeTrainer(k, settings).evaluateTrain().loss);
    expect(new Set(losses).size).toBe(1);
    const a = makeTrainer('mini', settings);
    const b = makeTrainer('mini', settings);
    a.fit({ maxEpochs: 20 });
    b.fit({ maxEpochs: 20 });
    expect(a.history.epochs.map((e) => e.loss)).toEqual(b.history.epochs.map((e) => e.loss));
  });

  it('per epoch, smaller batches get further (more updates)', () => {
    const after = (kind: 'full' | 'mini' | 'single') => {
      const t = makeTrainer(kind, settings);
      t.fit({ maxEpochs: 30 });
      return t.evaluateTrain().loss;
    };
    expect(after('mini')).toBeLessThan(after('full'));
    expect(after('single')).toBeLessThan(after('full'));
  });
});
