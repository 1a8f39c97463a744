import { describe, expect, it } from 'vitest';
import { BATCH, BEST, DATA, MAX_EPOCHS, N, halfLifeStep, makeTrainer, schedule } from './model';

const slide = { lr0: 1, decay: 0.1, seed: 0 };

describe('lr-decay: the schedule', () => {
  it('gives the slide’s numbers (α₀ = 1, d = 0.1, 20 steps)', () => {
    const rows = schedule(1, 0.1, 20);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toEqual({ step: 0, lr: 1 });
    expect(rows[1]!.lr).toBeCloseTo(1 / 1.1, 15); // 0.90909…
    expect(rows[10]!.lr).toBeCloseTo(0.5, 15);
    expect(rows[19]).toEqual({ step: 19, lr: expect.closeTo(0.3448275862068966, 15) }); // 1/2.9
    expect(halfLifeStep(0.1)).toBe(10);
    expect(halfLifeStep(0)).toBeUndefined();
    expect(schedule(2, 0, 5).map((r) => r.lr)).toEqual([2, 2, 2, 2, 2]);
  });
});

describe('lr-decay: training', () => {
  it('decays once per update: after one epoch of 5 updates the rate used last was 1/(1 + 0.1·4)', () => {
    const t = makeTrainer('decayed', slide);
    t.epoch();
    expect(t.iteration).toBe(N / BATCH);
    expect(t.optimizer.currentLearningRate).toBeCloseTo(1 / 1.4, 15);
    const c = makeTrainer('constant', slide);
    c.epoch();
    expect(c.optimizer.currentLearningRate).toBe(1);
  });

  it('the best line is the least-squares fit (checked against the normal equations by Cramer’s rule)', () => {
    let sx = 0,
      sy = 0,
      sxx = 0,
      sxy = 0;
    for (let i = 0; i < N; i++) {
      const x = DATA.x.data[i]!;
      const y = DATA.y.data[i]!;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    const det = sxx * N - sx * sx;
    expect(BEST.w).toBeCloseTo((sxy * N - sx * sy) / det, 12);
    expect(BEST.b).toBeCloseTo((sxx * sy - sx * sxy) / det, 12);
  });

  it('with the slide’s settings the decayed rate settles at the best line; the constant one keeps bouncing above it', () => {
    const decayed = makeTrainer('decayed', slide);
    const constant = makeTrainer('constant', slide);
    decayed.fit({ maxEpochs: MAX_EPOCHS });
    constant.fit({ maxEpochs: MAX_EPOCHS });
    const d = decayed.evaluateTrain().loss;
    const c = constant.evaluateTrain().loss;
    expect(d).toBeLessThan(BEST.loss * 1.02);
    expect(d).toBeGreaterThanOrEqual(BEST.loss - 1e-12);
    expect(c).toBeGreaterThan(BEST.loss * 1.2);
    // The last ten epochs of the constant run still jump around.
    const tail = constant.history.epochs.slice(-10).map((e) => e.loss);
    expect(Math.max(...tail) / Math.min(...tail)).toBeGreaterThan(1.2);
  });

  it('the same seed gives the same runs', () => {
    const a = makeTrainer('constant', slide);
    const b = makeTrainer('constant', slide);
    a.fit({ maxEpochs: 10 });
    b.fit({ maxEpochs: 10 });
    expect(a.history.iterations.map((r) => r.loss)).toEqual(b.history.iterations.map((r) => r.loss));
  });
});
