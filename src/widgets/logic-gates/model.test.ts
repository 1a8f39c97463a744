import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matrix, logicGate } from '@lib';
import { defaultsOf } from '../shared/url-state';
import { trainChunk } from '../shared/useTrainingLoop';
import { thin } from '~/charts/loss-curve';
import { logicGatesSchema, type LogicGatesState } from './state';
import {
  AXIS,
  GRID,
  HeatMap,
  MAX_EPOCHS,
  TARGET_LOSS,
  VIEW,
  clipLine,
  equationTex,
  firstLayerLines,
  gatePoints,
  makeTrainer,
  stopCheck,
  trainToEnd,
} from './model';

const defaults = defaultsOf(logicGatesSchema);
const settings = (patch: Partial<LogicGatesState>): LogicGatesState => ({
  ...defaults,
  ...patch,
});
const correct = (s: LogicGatesState, trainer = trainToEnd(s).trainer) =>
  gatePoints(trainer.network, trainer.xTrain, trainer.yTrain).filter((p) => !p.wrong).length;

describe('logic-gates widget model', () => {
  it('a single neuron learns AND and OR: 100% accuracy, loss below the target', () => {
    for (const gate of ['and', 'or'] as const) {
      for (const seed of [0, 1, 2, 7, 42]) {
        const s = settings({ gate, arch: 'neuron', seed });
        const { trainer, stop } = trainToEnd(s);
        expect(correct(s, trainer)).toBe(4);
        expect(stop).toMatchObject({ kind: 'converged' });
        expect(trainer.evaluateTrain().loss).toBeLessThan(TARGET_LOSS);
      }
    }
  });

  it('a single neuron cannot get XOR right: it stalls at ln 2 with ŷ ≈ 0.5 everywhere, and says why', () => {
    for (const seed of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      for (const lr of [0.5, 2, 5]) {
        const s = settings({ gate: 'xor', arch: 'neuron', seed, lr });
        const { trainer, stop } = trainToEnd(s);
        expect(correct(s, trainer)).toBeLessThan(4);
        expect(trainer.evaluateTrain().loss).toBeCloseTo(Math.LN2, 2);
        expect(stop).toMatchObject({ kind: 'stalled' });
        if (stop === 'max-epochs' || !stop) throw new Error('unreachable');
        expect(stop.message).toContain('No straight line');
        for (const p of gatePoints(trainer.network, trainer.xTrain, trainer.yTrain)) expect(p.yhat).toBeCloseTo(0.5, 2);
      }
    }
  });

  it('the 2-2-1 network solves XOR with the default seed and learning rate', () => {
    const s = settings({ gate: 'xor', arch: '2-2-1' });
    const { trainer, stop } = trainToEnd(s);
    expect(stop).toMatchObject({ kind: 'converged' });
    expect(Array.from(trainer.network.predictClasses(trainer.xTrain))).toEqual([0, 1, 1, 0]);
    expect(trainer.epochCount).toBeLessThan(200);
  });

  it('the 2-2-1 network solves XOR for most seeds, and a stuck seed is reported as a local minimum', () => {
    const solved = Array.from(
      { length: 20 },
      (_, seed) => correct(settings({ gate: 'xor', arch: '2-2-1', seed })) === 4,
    ).filter(Boolean).length;
    expect(solved).toBeGreaterThanOrEqual(16);
    const stuck = trainToEnd(settings({ gate: 'xor', arch: '2-2-1', seed: 4 }));
    expect(stuck.stop).toMatchObject({ kind: 'stalled' });
    if (stuck.stop === 'max-epochs' || !stuck.stop) throw new Error('unreachable');
    expect(stuck.stop.message).toContain('local minimum');
  });

  it('the same seed gives the same run; another seed another one', () => {
    const a = makeTrainer(settings({ gate: 'xor', arch: '2-2-1', seed: 3 }));
    const b = makeTrainer(settings({ gate: 'xor', arch: '2-2-1', seed: 3 }));
    const c = makeTrainer(settings({ gate: 'xor', arch: '2-2-1', seed: 4 }));
    a.fit({ maxEpochs: 40 });
    // b in uneven chunks, as the widget does
    while (b.epochCount < 40)
      trainChunk(
        b,
        {
          budgetMs: Infinity,
          epochs: Math.min(7, 40 - b.epochCount),
          now: () => 0,
        },
        { maxEpochs: 40 },
      );
    c.fit({ maxEpochs: 40 });
    expect(b.network.getParameters()).toEqual(a.network.getParameters());
    expect(c.network.getParameters()).not.toEqual(a.network.getParameters());
  });

  it('the heat map holds the network output at every grid point, and agrees with it at the four corners', () => {
    const { trainer } = trainToEnd(settings({ gate: 'xor', arch: '2-2-1' }));
    const heat = new HeatMap(trainer.network);
    const values = heat.update();
    expect(values).toBe(heat.values); // the same buffer every frame
    expect(values).toHaveLength(GRID * GRID);
    const probe = Matrix.from([
      [AXIS[5]!, AXIS[40]!],
      [AXIS[63]!, AXIS[0]!],
    ]);
    const direct = trainer.network.predict(probe);
    expect(heat.at(AXIS[5]!, AXIS[40]!)).toBeCloseTo(direct.get(0, 0), 12);
    expect(heat.at(AXIS[63]!, AXIS[0]!)).toBeCloseTo(direct.get(1, 0), 12);
    // At the corners the shading is on the right side of 0.5 (the cell around each corner).
    for (const p of gatePoints(trainer.network, trainer.xTrain, trainer.yTrain))
      expect(heat.at(p.x1, p.x2) > 0.5).toBe(p.target === 1);
    // Points outside the view read the nearest edge cell instead of failing.
    expect(Number.isFinite(heat.at(-9, 9))).toBe(true);
  });

  it('clips a neuron line to the view, on the line', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (w1, w2, b) => {
          const seg = clipLine(w1, w2, b);
          if (!seg) return;
          for (const p of seg) {
            expect(Math.abs(w1 * p.x1 + w2 * p.x2 + b)).toBeLessThan(1e-9 * (1 + Math.abs(b)));
            expect(p.x1).toBeGreaterThanOrEqual(VIEW[0] - 1e-9);
            expect(p.x2).toBeLessThanOrEqual(VIEW[1] + 1e-9);
          }
        },
      ),
    );
    expect(clipLine(0, 0, 1)).toBeUndefined();
    expect(clipLine(1, 0, -5)).toBeUndefined();
  });

  it('draws one line for the neuron (its boundary) and one per hidden neuron for 2-2-1', () => {
    const neuron = trainToEnd(settings({ gate: 'and' })).trainer.network;
    const lines = firstLayerLines(neuron);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.neuron).toBe(0);
    // AND's boundary separates (1, 1) from the other corners.
    const [w1, w2] = [neuron.layers[0]!.weights.get(0, 0), neuron.layers[0]!.weights.get(1, 0)];
    const b = neuron.layers[0]!.biases.get(0, 0);
    expect(w1 + w2 + b).toBeGreaterThan(0);
    for (const [x1, x2] of [
      [0, 0],
      [0, 1],
      [1, 0],
    ])
      expect(w1 * x1! + w2 * x2! + b).toBeLessThan(0);
    expect(
      firstLayerLines(trainToEnd(settings({ gate: 'xor', arch: '2-2-1' })).trainer.network).map((l) => l.neuron),
    ).toEqual([1, 2]);
  });

  it('writes the equations with the current numbers', () => {
    const t = makeTrainer(settings({ arch: '2-2-1' }));
    const tex = equationTex(t.network);
    expect(tex).toContain('h_1 &= \\sigma(');
    expect(tex).toContain('\\hat{y} &= \\sigma(');
    expect(tex).not.toMatch(/NaN|\+ -/);
    expect(equationTex(makeTrainer(defaults).network)).toMatch(
      /^\\hat\{y\} = \\sigma\(-?\d\.\d\d\\,x_1 [+-] \d\.\d\d\\,x_2 [+-] \d\.\d\d\)$/,
    );
  });

  it('the stop check waits before calling a plateau, so a slow start is not cut short', () => {
    const t = makeTrainer(settings({ gate: 'xor', arch: '2-2-1' }));
    const check = stopCheck(settings({ gate: 'xor', arch: '2-2-1' }));
    for (let e = 0; e < 20; e++) {
      const r = t.epoch();
      if (r.status !== 'ok') throw new Error('diverged');
      expect(check(t, r.record)).toBeUndefined();
    }
  });

  it('thins long histories but keeps the last point', () => {
    const items = Array.from({ length: 2001 }, (_, i) => i);
    const t = thin(items, 500);
    expect(t.length).toBeLessThanOrEqual(501);
    expect(t[0]).toBe(0);
    expect(t.at(-1)).toBe(2000);
    expect(thin([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('the truth tables are the engine’s', () => {
    expect(Array.from(logicGate('xor').y.data)).toEqual([0, 1, 1, 0]);
    expect(MAX_EPOCHS).toBeGreaterThanOrEqual(1000);
  });
});
