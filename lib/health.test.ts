import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HEALTH, HealthMonitor, assessHealth, type LossPoint, type RunView } from './health.ts';
import { Network } from './network.ts';
import { SGD } from './sgd.ts';
import { Trainer } from './train.ts';
import { logicGate } from './data.ts';

/** A run whose epoch e (1-based) has training loss train(e) and, if given, test loss test(e). */
function run(
  epochs: number,
  train: (e: number) => number,
  test?: (e: number) => number,
  initialLoss?: number,
): RunView {
  const points: LossPoint[] = [];
  for (let e = 1; e <= epochs; e++) points.push({ epoch: e, loss: train(e), ...(test ? { testLoss: test(e) } : {}) });
  return { history: { epochs: points }, ...(initialLoss !== undefined ? { initialLoss } : {}) };
}

/** The verdict after every epoch, as a list of changes "epoch:verdict". */
function changes(view: RunView): string[] {
  const monitor = new HealthMonitor();
  const out: string[] = [];
  const all = view.history.epochs;
  let last = 'healthy';
  for (let i = 0; i < all.length; i++) {
    const verdict = monitor.observe({ ...view, history: { epochs: all.slice(0, i + 1) } }).verdict;
    if (verdict !== last) out.push(`${all[i]!.epoch}:${verdict}`);
    last = verdict;
  }
  return out;
}

describe('assessHealth on constructed histories', () => {
  it('a smoothly decreasing run is healthy', () => {
    const h = assessHealth(run(500, (e) => 0.7 * Math.exp(-e / 30) + 0.01));
    expect(h.verdict).toBe('healthy');
    expect(h.fix).toBe('');
  });

  it('a noisy run that settles at a low loss is healthy (noise at the floor is not oscillation)', () => {
    const h = assessHealth(
      run(800, (e) => 0.2 * Math.exp(-e / 40) + 0.01 + 0.006 * Math.sin(e * 1.7) ** 2, undefined, 0.2),
    );
    expect(h.verdict).toBe('healthy');
  });

  it('a loss swinging between 1 and 5 without trend is oscillating, with "lower α" in the fix', () => {
    const h = assessHealth(run(200, (e) => 3 + 2 * Math.sin(e * 0.9), undefined, 1.1));
    expect(h.verdict).toBe('oscillating');
    expect(h.fix).toMatch(/lower the learning rate α/i);
    expect(h.fix).toMatch(/momentum/);
    expect(h.evidence!.high).toBeGreaterThan(4.5);
    expect(h.evidence!.low).toBeLessThan(1.5);
  });

  it('a loss that stays far above where it started is diverged', () => {
    const h = assessHealth(run(100, (e) => (e < 3 ? 1 + e : 8.37), undefined, 0.7));
    expect(h.verdict).toBe('diverged');
    expect(h.fix).toMatch(/lower the learning rate/i);
  });

  it('a divergence reported by the trainer is shown at once, even in epoch 1', () => {
    const view: RunView = {
      ...run(1, () => 1),
      diverged: { reason: 'loss is NaN', epoch: 0 },
    };
    const h = assessHealth(view);
    expect(h.verdict).toBe('diverged');
    expect(h.reason).toContain('loss is NaN');
  });

  it('a plateau at ln 2 is stalled; a frozen loss says the units stopped responding', () => {
    const plateau = assessHealth(run(300, (e) => Math.LN2 + 0.05 * Math.exp(-e / 5), undefined, 0.75));
    expect(plateau.verdict).toBe('stalled');
    expect(plateau.fix).toMatch(/more units|another seed/);
    const frozen = assessHealth(run(300, () => 0.9, undefined, 0.9));
    expect(frozen.verdict).toBe('stalled');
    expect(frozen.reason).toMatch(/not changed at all/);
  });

  it('a loss that fell, then jumped back up and stays flat is stalled with "lower α" as the fix', () => {
    const h = assessHealth(
      run(400, (e) => (e < 100 ? 0.7 * Math.exp(-e / 20) + 0.05 : 0.6 + 0.001 * (e % 3)), undefined, 0.7),
    );
    expect(h.verdict).toBe('stalled');
    expect(h.reason).toMatch(/climbed back up/);
    expect(h.fix).toMatch(/lower the learning rate α/i);
  });

  it('a flat loss far below where it started is converged, not stalled', () => {
    expect(assessHealth(run(400, (e) => (e < 50 ? 0.7 - 0.0139 * e : 0.005), undefined, 0.7)).verdict).toBe('healthy');
  });

  it('test loss rising for 50+ epochs while the training loss falls is overfitting', () => {
    const h = assessHealth(
      run(
        400,
        (e) => 1.1 * Math.exp(-e / 100),
        (e) => 0.4 + 0.6 * ((e - 150) / 150) ** 2,
        1.1,
      ),
    );
    expect(h.verdict).toBe('overfitting');
    expect(h.fix).toMatch(/more training data|stop training earlier/);
    expect(h.evidence!.bestTestEpoch).toBe(150);
  });

  it('nothing but a reported divergence is judged before minEpochs', () => {
    const early = run(HEALTH.minEpochs - 1, (e) => 3 + 2 * Math.sin(e), undefined, 1);
    expect(assessHealth(early).verdict).toBe('healthy');
  });

  it('a new verdict needs confirmEpochs epochs in a row, so one bad epoch does not change it', () => {
    // Falling nicely, one huge spike at epoch 200, falling again.
    const spike = run(300, (e) => (e === 200 ? 2 : 0.7 * Math.exp(-e / 50) + 0.05), undefined, 0.7);
    expect(changes(spike)).toEqual([]);
    // The oscillation starts at epoch 100: not shown before confirmEpochs epochs of it…
    const osc = run(200, (e) => (e < 100 ? 0.7 * Math.exp(-e / 20) + 0.1 : 0.1 + 0.6 * (e % 2)), undefined, 0.7);
    const [first] = changes(osc);
    const at = Number(first!.split(':')[0]);
    expect(first).toMatch(/oscillating$/);
    expect(at).toBeGreaterThanOrEqual(100 + HEALTH.confirmEpochs - 1);
    // …and at the latest once the swings fill both halves of the window and were confirmed.
    expect(at).toBeLessThanOrEqual(100 + HEALTH.swingWindow / 2 + HEALTH.confirmEpochs);
  });

  it('a verdict hovering at its threshold does not flicker (hysteresis)', () => {
    // Swings alternating between just above and just below the entry threshold, every 15 epochs.
    const amp = (e: number) => (Math.floor(e / 15) % 2 ? 0.27 : 0.22) * 0.7;
    const hover = run(600, (e) => 0.5 + amp(e) * (e % 2), undefined, 0.7);
    const seen = changes(hover);
    expect(seen.length).toBe(1);
    expect(seen[0]).toMatch(/oscillating$/);
  });

  it('while a warning holds, its evidence follows the window and its start epoch stays', () => {
    const swing = (e: number) => 3 + 2 * Math.sin(e * 0.9) * (e > 150 ? 0.5 : 1);
    const monitor = new HealthMonitor();
    const first = monitor.observe(run(150, swing, undefined, 1.1));
    const later = monitor.observe(run(200, swing, undefined, 1.1));
    expect(later.verdict).toBe('oscillating');
    expect(later.since).toBe(first.since);
    expect(first.evidence!.high).toBeGreaterThan(4.8);
    expect(later.evidence!.high).toBeLessThan(4.1);
  });

  it('observing the same history twice changes nothing and returns the same verdict object', () => {
    const view = run(200, (e) => 3 + 2 * Math.sin(e * 0.9), undefined, 1.1);
    const monitor = new HealthMonitor();
    const a = monitor.observe(view);
    expect(monitor.observe(view)).toBe(a);
  });
});

describe('properties', () => {
  const decreasing = fc
    .array(fc.double({ min: 1e-4, max: 0.5, noNaN: true }), { minLength: 1, maxLength: 400 })
    .chain((steps) =>
      fc.double({ min: 0.01, max: 10, noNaN: true }).map((start) => {
        // Strictly decreasing: each epoch multiplies the loss by a factor in (0.5, 1).
        let loss = start;
        return { start, losses: steps.map((s) => (loss *= 1 - s)) };
      }),
    );

  it('a strictly decreasing training loss is never oscillating, overfitting or diverged', () => {
    fc.assert(
      fc.property(decreasing, ({ start, losses }) => {
        const h = assessHealth(run(losses.length, (e) => losses[e - 1]!, undefined, start));
        expect(['healthy', 'stalled']).toContain(h.verdict);
      }),
    );
  });

  it('training and test loss both strictly decreasing is never a warning but stalled', () => {
    fc.assert(
      fc.property(decreasing, fc.double({ min: 1, max: 2, noNaN: true }), ({ start, losses }, gap) => {
        const h = assessHealth(
          run(
            losses.length,
            (e) => losses[e - 1]!,
            (e) => gap * losses[e - 1]!,
            start,
          ),
        );
        expect(['healthy', 'stalled']).toContain(h.verdict);
      }),
    );
  });

  it('reading a history epoch by epoch or all at once gives the same verdict', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (losses) => {
          const view = run(losses.length, (e) => losses[e - 1]!, undefined, 1);
          const monitor = new HealthMonitor();
          for (let n = 1; n <= losses.length; n++)
            monitor.observe({ ...view, history: { epochs: view.history.epochs.slice(0, n) } });
          expect(monitor.health.verdict).toBe(assessHealth(view).verdict);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('on the engine', () => {
  function watch(trainer: Trainer, epochs: number) {
    const monitor = new HealthMonitor();
    const seen = new Set<string>();
    for (let e = 0; e < epochs; e++) {
      trainer.epoch();
      seen.add(monitor.observe(trainer).verdict);
    }
    return { health: monitor.health, seen };
  }
  const gate = (hidden: boolean, seed: number) => {
    const data = logicGate('xor');
    return new Trainer({
      network: Network.create({
        inputs: 2,
        layers: hidden
          ? [
              { neurons: 2, activation: 'sigmoid' },
              { neurons: 1, activation: 'sigmoid' },
            ]
          : [{ neurons: 1, activation: 'sigmoid' }],
        seed,
        weightInit: { uniform: 1 },
      }),
      optimizer: new SGD({ learningRate: 2, momentum: 0.9 }),
      loss: 'binary-cross-entropy',
      xTrain: data.x,
      yTrain: data.y,
    });
  };

  it('one sigmoid neuron on XOR gets stuck at ln 2 and is called stalled', () => {
    const { health } = watch(gate(false, 0), 400);
    expect(health.verdict).toBe('stalled');
    expect(health.evidence!.low).toBeCloseTo(Math.LN2, 3);
  });

  it('the 2-2-1 network that learns XOR stays healthy all along', () => {
    const { seen } = watch(gate(true, 0), 1000);
    expect([...seen]).toEqual(['healthy']);
  });
});
