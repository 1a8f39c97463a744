import { describe, expect, it } from 'vitest';
import { BATCH, BEST, DATA, MAX_EPOCHS, N, halfLifeStep, keepEnd, makeTrainer, schedule } from './model';

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

describe('lr-decay: the schedule chart’s axis ends', () => {
  it('are what they need to be when first drawn (the slide: last step 19, α₀ = 1), as before', () => {
    expect(keepEnd(undefined, 19, 99)).toBe(19);
    expect(keepEnd(undefined, 1, 2)).toBe(1);
    expect(keepEnd(undefined, 0.65, 2)).toBe(0.65);
  });
  it('grow to a nice step, then stay put while a control goes back and forth', () => {
    let end = keepEnd(undefined, 1, 2);
    const shown = new Set<number>();
    for (const lr0 of [1.05, 1, 1.05, 1, 0.95, 1.1, 1.15, 1.2, 1, 0.75]) {
      end = keepEnd(end, lr0, 2);
      shown.add(end);
    }
    // It grows once (1.05 needs more room: 1.2), then stays while α₀ fits and fills 60 % of it.
    expect([...shown]).toEqual([1.2]);
    // Steps drawn, pressed from the slide's 20 up to 25 and back down to 14: the axis stays at 25.
    end = keepEnd(undefined, 19, 99);
    const steps: number[] = [];
    for (const last of [18, 19, 20, 21, 22, 24, 23, 20, 16, 15]) steps.push((end = keepEnd(end, last, 99)));
    expect(steps).toEqual([19, 19, 25, 25, 25, 25, 25, 25, 25, 25]);
  });
  it('never cut the curve off, and shrink to fit when it fills too little', () => {
    expect(keepEnd(20, 21, 99)).toBe(25);
    expect(keepEnd(1, 2, 99)).toBe(2.5);
    expect(keepEnd(1.5, 1.75, 2)).toBe(2);
    expect(keepEnd(80, 99, 99)).toBe(99);
    expect(keepEnd(19, 20, 99)).toBe(25);
    expect(keepEnd(25, 14, 99)).toBe(14);
    expect(keepEnd(2, 0.05, 2)).toBe(0.05);
    // Rounding noise of a slider's steps (0.1 + 0.2) does not count as leaving the axis.
    expect(keepEnd(0.3, 0.1 + 0.2, 2)).toBe(0.3);
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
