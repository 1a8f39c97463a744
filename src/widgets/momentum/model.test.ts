import { describe, expect, it } from 'vitest';
import { momentumRuns } from '~/figures/weight-updates';
import { LEVELS, PRESETS, START, acrossFactor, contourLine, makeTrainer, plainVerdict, ravine } from './model';
import { keepAxisEnd } from '~/charts/loss-curve';

function walk(kind: 'sgd' | 'momentum', lr: number, momentum: number, steps: number) {
  const t = makeTrainer(kind, { lr, momentum });
  for (let i = 0; i < steps; i++) t.step();
  return t;
}

describe('momentum: the ravine as a training problem', () => {
  it('the neuron’s mean squared error is the ravine: ½(0.2·16 + 10·1) = 6.6 at the start', () => {
    const t = makeTrainer('sgd', { lr: 0.1, momentum: 0 });
    expect(t.evaluateTrain().loss).toBeCloseTo(6.6, 14);
    expect(ravine(START[0], START[1])).toBeCloseTo(6.6, 14);
    expect(ravine(2, -0.5)).toBeCloseTo(0.5 * (0.2 * 4 + 10 * 0.25), 14);
  });

  it('plain SGD follows the closed form w₁ = −4(1 − 0.2α)ᵗ, w₂ = (1 − 10α)ᵗ', () => {
    const t = walk('sgd', 0.18, 0, 40);
    expect(t.path).toHaveLength(41);
    expect(t.path[40]![0]).toBeCloseTo(-4 * (1 - 0.036) ** 40, 12);
    expect(t.path[40]![1]).toBeCloseTo((-0.8) ** 40, 12);
    expect(acrossFactor(0.18)).toBeCloseTo(-0.8, 14);
  });

  it('the first momentum step is a plain gradient step, and the velocity is that step: −α·∇E = (0.16, −2) for α = 0.2', () => {
    const t = walk('momentum', 0.2, 0.6, 1);
    expect(t.velocity()[0]).toBeCloseTo(0.16, 14);
    expect(t.velocity()[1]).toBeCloseTo(-2, 14);
    expect(t.path[1]![0]).toBeCloseTo(-3.84, 14);
    expect(t.path[1]![1]).toBeCloseTo(-1, 14);
    // Second step by hand: v = 0.6·(0.16, −2) − 0.2·(0.2·−3.84, 10·−1) = (0.2496, 0.8)
    const t2 = walk('momentum', 0.2, 0.6, 2);
    expect(t2.velocity()[0]).toBeCloseTo(0.2496, 14);
    expect(t2.velocity()[1]).toBeCloseTo(0.8, 14);
  });

  it('reproduces the lecture figure’s paths for the slide’s two cases', () => {
    const fig = momentumRuns();
    const [heavy, good] = PRESETS;
    expect([heavy.lr, heavy.momentum]).toEqual([fig.heavy.alpha, fig.heavy.beta]);
    expect([good.lr, good.momentum]).toEqual([fig.good.alpha, fig.good.beta]);
    const h = walk('momentum', heavy.lr, heavy.momentum, fig.steps);
    const g = walk('momentum', good.lr, good.momentum, fig.steps);
    h.path.forEach((p, i) => p.forEach((v, j) => expect(v).toBeCloseTo(fig.heavy.path[i]![j]!, 12)));
    g.path.forEach((p, i) => p.forEach((v, j) => expect(v).toBeCloseTo(fig.good.path[i]![j]!, 12)));
    // Good momentum gets far closer than plain SGD with the same α.
    expect(ravine(...g.path[40]!)).toBeLessThan(ravine(...walk('sgd', good.lr, 0, 40).path[40]!) / 100);
  });

  it('too large α: plain SGD diverges (typed stop, finite path), momentum with β = 0.6 does not', () => {
    const plain = walk('sgd', 0.3, 0, 40);
    expect(plain.diverged?.status).toBe('diverged');
    for (const p of plain.path) for (const v of p) expect(Number.isFinite(v)).toBe(true);
    expect(plainVerdict(0.3)).toContain('diverges');
    const mom = walk('momentum', 0.3, 0.6, 40);
    expect(mom.diverged).toBeUndefined();
    expect(plainVerdict(0.2)).toContain('for ever');
  });
});

describe('momentum: the loss chart’s step axis', () => {
  it('ends at the steps when first drawn (40, 73, as before), grows to a rounded number: 41 → 50', () => {
    expect(keepAxisEnd(undefined, 40, 200)).toBe(40);
    expect(keepAxisEnd(undefined, 73, 200)).toBe(73);
    expect(keepAxisEnd(40, 41, 200)).toBe(50);
    expect(keepAxisEnd(50, 51, 200)).toBe(60);
    expect(keepAxisEnd(29, 40, 200)).toBe(50);
    expect(keepAxisEnd(160, 199, 200)).toBe(200);
  });
  it('stays put while the Steps slider goes back and forth, shrinks to fit when it fills too little', () => {
    let end = keepAxisEnd(undefined, 40, 200);
    const shown: number[] = [];
    for (const steps of [39, 38, 39, 40, 41, 42, 41, 40, 39, 35, 30, 29])
      shown.push((end = keepAxisEnd(end, steps, 200)));
    // 41 needs more room (50), then the axis stays while the run fills 60 % of it.
    expect(shown).toEqual([40, 40, 40, 40, 50, 50, 50, 50, 50, 50, 50, 29]);
    expect(keepAxisEnd(200, 5, 200)).toBe(5);
  });
});

describe('contourLine', () => {
  it('lies on its level of the ravine at every point, and closes', () => {
    for (const level of LEVELS) {
      const line = contourLine(level);
      for (const { w1, w2 } of line) expect(ravine(w1, w2)).toBeCloseTo(level, 12);
      expect(line.at(-1)!.w1).toBeCloseTo(line[0]!.w1, 12);
      expect(line.at(-1)!.w2).toBeCloseTo(line[0]!.w2, 12);
    }
  });
  it('spans √(2·level / curvature) along each weight: 1 along w₁ and √0.02 across at level 0.1', () => {
    const line = contourLine(0.1, 4);
    expect(Math.max(...line.map((p) => p.w1))).toBeCloseTo(1, 12);
    expect(Math.max(...line.map((p) => p.w2))).toBeCloseTo(Math.sqrt(0.02), 12);
  });
});
