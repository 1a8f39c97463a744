import { describe, expect, it } from 'vitest';
import { learningRateRuns } from '~/figures/weight-updates';
import { DATA, MAX_EPOCHS, PRESETS, initialLoss, makeTrainer, parabolaPath, parabolaVerdict } from './model';

/** Train to the end (or to divergence) without animation. */
function run(lr: number, seed = 3) {
  const t = makeTrainer({ lr, seed });
  const result = t.fit({ maxEpochs: MAX_EPOCHS });
  return { t, result };
}

describe('learning-rate: gradient descent on E(w) = w²', () => {
  it('multiplies w by 1 − 2α per step (by hand: 3·0.5⁸, 3·0.9⁸, 3·(−1.1)⁸)', () => {
    expect(parabolaPath(0.25, 8).at(-1)).toBeCloseTo(3 / 256, 14); // 0.01171875
    expect(parabolaPath(0.05, 8).at(-1)).toBeCloseTo(1.29140163, 12); // 3·0.43046721
    expect(parabolaPath(1.05, 8).at(-1)).toBeCloseTo(6.43076643, 8); // 3·2.14358881
    expect(parabolaPath(0.5, 3)).toEqual([3, 0, 0, 0]);
    expect(parabolaPath(1, 2)).toEqual([3, -3, 3]);
  });

  it('uses the lecture figure’s start and rates, and agrees with it', () => {
    const fig = learningRateRuns();
    expect(PRESETS.map((p) => p.lr)).toEqual([fig.small.alpha, fig.good.alpha, fig.big.alpha]);
    expect(parabolaPath(fig.big.alpha, fig.steps)).toEqual(fig.big.path);
    expect(parabolaPath(fig.small.alpha, fig.steps)).toEqual(fig.small.path);
  });

  it('says in words how the steps behave', () => {
    expect(parabolaVerdict(0.05).kind).toBe('creeps');
    expect(parabolaVerdict(0.5).kind).toBe('one-step');
    expect(parabolaVerdict(0.75).kind).toBe('zigzag-in');
    expect(parabolaVerdict(1).kind).toBe('bounce');
    expect(parabolaVerdict(1.05).kind).toBe('diverges');
    expect(parabolaVerdict(1.05).text).toContain('−1.10');
  });
});

describe('learning-rate: the network run', () => {
  it('trains on 50 points with x in [−1, 1]', () => {
    expect(DATA.x.rows).toBe(50);
    for (const x of DATA.x.data) expect(Math.abs(x)).toBeLessThanOrEqual(1);
  });

  it('starts every α from the same initial weights', () => {
    const a = makeTrainer({ lr: 0.05, seed: 3 });
    const b = makeTrainer({ lr: 1.05, seed: 3 });
    expect(Array.from(a.network.layers[0]!.weights.data)).toEqual(Array.from(b.network.layers[0]!.weights.data));
    expect(a.evaluateTrain().loss).toBe(initialLoss(3));
  });

  it('too small is slow, good gets low, too big diverges with a typed stop and finite weights', () => {
    const small = run(0.05);
    const good = run(0.25);
    const big = run(1.05);
    expect(small.result.status).toBe('max-epochs');
    expect(good.result.status).toBe('max-epochs');
    expect(big.result.status).toBe('diverged');
    const start = initialLoss(3);
    expect(small.t.evaluateTrain().loss).toBeLessThan(start);
    expect(good.t.evaluateTrain().loss).toBeLessThan(small.t.evaluateTrain().loss / 3);
    // The noise has variance 0.01: the good run gets within a factor 3 of it.
    expect(good.t.evaluateTrain().loss).toBeLessThan(0.03);
    for (const l of big.t.network.layers) for (const w of l.weights.data) expect(Number.isFinite(w)).toBe(true);
  });

  it('the same seed gives the same run', () => {
    const a = run(0.25);
    const b = run(0.25);
    expect(a.t.history.epochs.map((e) => e.loss)).toEqual(b.t.history.epochs.map((e) => e.loss));
  });
});
