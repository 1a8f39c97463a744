import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matrix, meanSquaredError } from '@lib';
import { defaultsOf, decodeState, encodeState } from '../shared/url-state';
import { sineFitSchema, type SineFitState } from './state';
import {
  DATA,
  LINE,
  TWO_PI,
  activeUnits,
  collapseLinear,
  compareWithLine,
  curves,
  fmtMse,
  kinksOf,
  makeNetwork,
  makeTrainer,
  mseOf,
  samplePoints,
  trainToEnd,
} from './model';
import { handNetwork, hingesOf, hingesTex, sinePreset, slideFormula, slidePreset } from './hinges';

const defaults = defaultsOf(sineFitSchema);
const settings = (patch: Partial<SineFitState>): SineFitState => ({
  ...defaults,
  ...patch,
});

describe('sine-fit widget model', () => {
  it('the best straight line is the one of the lecture: slope ≈ −0.30, MSE ≈ 0.200', () => {
    expect(DATA.x.rows).toBe(201);
    expect(LINE.slope).toBeCloseTo(-0.2994, 3);
    expect(LINE.mse).toBeCloseTo(0.1996, 3);
  });

  it('a network of linear units is always one straight line, whatever its size and weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 0, max: 9999 }),
        (layers, units, seed) => {
          const network = makeNetwork({ mode: 'linear', layers, units, seed });
          const { slope, intercept } = collapseLinear(network);
          const xs = Matrix.column([-1, 0, 0.5, 2, TWO_PI]);
          const y = network.predict(xs);
          for (let i = 0; i < xs.rows; i++) expect(y.get(i, 0)).toBeCloseTo(slope * xs.get(i, 0) + intercept, 9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('trained linear units end on the least-squares line (within tolerance) for 1–3 layers and 1–32 units', () => {
    for (const layers of [1, 2, 3]) {
      for (const units of [1, 8, 32]) {
        const { trainer, stopped } = trainToEnd(settings({ mode: 'linear', layers, units }));
        expect(stopped).toBe('stalled');
        const line = collapseLinear(trainer.network);
        expect(Math.abs(line.slope - LINE.slope)).toBeLessThan(0.005);
        expect(Math.abs(line.intercept - LINE.intercept)).toBeLessThan(0.02);
        expect(mseOf(trainer.network)).toBeCloseTo(LINE.mse, 4);
        expect(mseOf(trainer.network)).toBeGreaterThanOrEqual(LINE.mse - 1e-12); // nothing linear beats it
      }
    }
  });

  it('the hinge preset equals the slide formula max(max(6x, 0)·(−1) + 0.7, 0)·(−1) everywhere', () => {
    const network = handNetwork(slidePreset());
    const xs = [-1, -0.2, -1e-9, 0, 0.05, 0.7 / 6, 0.2, 0.35, 1, TWO_PI];
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => void xs.push(x)),
      { numRuns: 200 },
    );
    const y = network.predict(Matrix.column(xs));
    xs.forEach((x, i) => expect(y.get(i, 0)).toBeCloseTo(slideFormula(x), 12));
    // the numbers the lecture quotes
    expect(slideFormula(-0.1)).toBeCloseTo(-0.7, 12);
    expect(slideFormula(0.05)).toBeCloseTo(-0.4, 12);
    expect(slideFormula(0.2)).toBe(-0);
    // and the defaults of the hand mode are that preset
    expect(hingesOf(defaults)).toEqual(hingesOf(slidePreset()));
    expect(defaults.c).toBe(slidePreset().c);
  });

  it('each hinge’s contribution plus the output bias adds up to the curve', () => {
    const network = handNetwork(sinePreset());
    const c = curves(network, samplePoints([0, TWO_PI]));
    expect(c.units).toBe(6);
    for (let i = 0; i < c.xs.length; i += 17) {
      let sum = c.bias;
      for (let k = 0; k < c.units; k++) sum += c.parts[k * c.xs.length + i]!;
      expect(sum).toBeCloseTo(c.yhat[i]!, 12);
    }
  });

  it('six hand-set hinges through seven points of the sine beat the best straight line by far', () => {
    const preset = sinePreset();
    expect(preset.hw.every((w) => w === 1)).toBe(true);
    const mse = mseOf(handNetwork(preset));
    expect(mse).toBeLessThan(LINE.mse / 10);
    // and the preset survives the URL round trip
    const s = settings({ mode: 'hand', ...preset });
    expect(decodeState(sineFitSchema, encodeState(sineFitSchema, s))).toEqual({
      state: s,
      problems: [],
    });
  });

  it('trained ReLU units start with every kink inside [0, 2π]', () => {
    for (const units of [1, 5, 32]) {
      for (const seed of [0, 1, 2, 3, 99]) {
        for (const k of kinksOf(makeNetwork({ mode: 'relu', layers: 1, units, seed }))) {
          expect(k).toBeGreaterThanOrEqual(0);
          expect(k).toBeLessThanOrEqual(TWO_PI);
        }
      }
    }
  });

  it('a trained ReLU fit (defaults: 8 units) beats the best straight line many times over', () => {
    const { trainer } = trainToEnd(settings({ mode: 'relu' }));
    const mse = mseOf(trainer.network);
    expect(mse).toBeLessThan(LINE.mse / 50);
    expect(activeUnits(trainer.network)).toBeGreaterThan(4);
  });

  it('more ReLU units fit better (averaged over seeds)', () => {
    const meanMse = (units: number) =>
      [0, 1, 2].reduce((s, seed) => s + mseOf(trainToEnd(settings({ mode: 'relu', units, seed })).trainer.network), 0) /
      3;
    const two = meanMse(2);
    const thirtyTwo = meanMse(32);
    expect(thirtyTwo).toBeLessThan(two / 20);
  });

  it('the same seed gives the same run', () => {
    const a = makeTrainer(settings({ mode: 'relu', seed: 5 }));
    const b = makeTrainer(settings({ mode: 'relu', seed: 5 }));
    a.fit({ maxEpochs: 50 });
    b.fit({ maxEpochs: 50 });
    expect(b.network.getParameters()).toEqual(a.network.getParameters());
    expect(
      makeNetwork({
        mode: 'relu',
        layers: 1,
        units: 8,
        seed: 6,
      }).getParameters(),
    ).not.toEqual(
      makeNetwork({
        mode: 'relu',
        layers: 1,
        units: 8,
        seed: 5,
      }).getParameters(),
    );
  });

  it('a too large learning rate diverges, and the engine says so instead of producing NaN', () => {
    const { trainer, stopped } = trainToEnd(settings({ mode: 'linear', layers: 3, units: 32, lr: 0.05 }));
    expect(stopped).toBe('diverged');
    expect(trainer.diverged?.status).toBe('diverged');
    expect(Number.isFinite(mseOf(trainer.network))).toBe(true);
  });

  it('a dead network (every unit off) is recognised', () => {
    const dead = handNetwork({
      hinges: 2,
      hw: [1, 1, 1, 1, 1, 1],
      hb: [-9, -9, 0, 0, 0, 0],
      hv: [1, 1, 1, 1, 1, 1],
      c: 0,
    });
    expect(activeUnits(dead)).toBe(0);
    expect(meanSquaredError(dead.forward(DATA.x), DATA.y)).toBeCloseTo(0.4975, 3);
  });

  it('samples the view evenly and adds the kinks so corners are drawn sharp', () => {
    const xs = samplePoints([-0.2, 0.35], [0, 0.7 / 6, 5]);
    expect(xs[0]).toBe(-0.2);
    expect(xs.at(-1)).toBeCloseTo(0.35, 12);
    expect(Array.from(xs)).toContain(0.7 / 6);
    expect(Array.from(xs)).not.toContain(5);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
  });

  it('formats errors and equations readably', () => {
    expect(fmtMse(0.19959)).toBe('0.200');
    expect(fmtMse(0.00071234)).toBe('0.00071');
    const tex = hingesTex(hingesOf(slidePreset()), -0.7);
    expect(tex).toContain('1.00 \\max(6.0x + 0.00, 0)');
    expect(tex).toContain('- 1.00 \\max(6.0x - 0.70, 0)');
    expect(tex).toContain('- 0.70');
  });
});

describe('comparing with the best straight line', () => {
  it('(a) linear units, trained: before the first epoch it does not call the fit worse than the line', () => {
    const trainer = makeTrainer(settings({ mode: 'linear' }));
    const mse = mseOf(trainer.network);
    expect(mse).toBeGreaterThan(LINE.mse); // the random start is worse than the line…
    const text = compareWithLine(mse, trainer.epochCount);
    expect(text).not.toMatch(/worse/); // …but nothing was trained yet, so it does not say so
    expect(text).toBe(`not trained yet (the best straight line reaches ${fmtMse(LINE.mse)})`);
  });

  it('after training, or for hinges set by hand, it compares', () => {
    expect(compareWithLine(2 * LINE.mse, 1)).toMatch(/^worse than the best straight line/);
    expect(compareWithLine(2 * LINE.mse)).toMatch(/^worse than the best straight line/);
    expect(compareWithLine(LINE.mse / 20, 500)).toMatch(/^20 times smaller/);
  });
});
