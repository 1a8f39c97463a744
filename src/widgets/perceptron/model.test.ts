import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultsOf } from '../shared/url-state';
import { perceptronSchema } from './state';
import { classify, decisionSegment, handles, learn, makePoints, neuronThrough, shiftThrough, VIEW } from './model';

const defaults = defaultsOf(perceptronSchema);
const onLine = (n: { w1: number; w2: number; b: number }, p: { x1: number; x2: number }) =>
  n.w1 * p.x1 + n.w2 * p.x2 + n.b;

describe('perceptron widget model', () => {
  it('labels the same points for the same seed and different ones for another', () => {
    expect(makePoints(7).x.toArray()).toEqual(makePoints(7).x.toArray());
    expect(makePoints(8).x.toArray()).not.toEqual(makePoints(7).x.toArray());
  });

  it('starts with some points misclassified, so there is something to do', () => {
    const wrong = classify(defaults, makePoints(defaults.seed)).filter((p) => p.wrong).length;
    expect(wrong).toBeGreaterThan(3);
  });

  it('clips the decision line to the view, on the line', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (w1, w2, b) => {
          const n = { w1, w2, b };
          const seg = decisionSegment(n);
          if (!seg) return;
          for (const p of seg) {
            expect(Math.abs(onLine(n, p))).toBeLessThan(1e-9 * (1 + Math.abs(b)) + 1e-9);
            expect(Math.abs(p.x1)).toBeLessThanOrEqual(VIEW + 1e-9);
            expect(Math.abs(p.x2)).toBeLessThanOrEqual(VIEW + 1e-9);
          }
        },
      ),
    );
    expect(decisionSegment({ w1: 0, w2: 0, b: 1 })).toBeUndefined();
    expect(decisionSegment({ w1: 1, w2: 0, b: -5 })).toBeUndefined(); // x1 = 5 is outside the view
  });

  it('puts the handles on the line, and rebuilding the line through them changes nothing', () => {
    const n = { w1: 0.8, w2: -0.5, b: 0.3 };
    const [p, q] = handles(n)!;
    expect(Math.abs(onLine(n, p))).toBeLessThan(1e-12);
    expect(Math.abs(onLine(n, q))).toBeLessThan(1e-12);
    const again = neuronThrough(p, q, n)!;
    expect(again.w1).toBeCloseTo(n.w1, 12);
    expect(again.w2).toBeCloseTo(n.w2, 12);
    expect(again.b).toBeCloseTo(n.b, 12);
  });

  it('dragging a handle keeps blue on the same side and passes through both points', () => {
    const n = { w1: 1, w2: 1, b: 0 };
    const next = neuronThrough({ x1: 0, x2: 0 }, { x1: 1, x2: 0.2 }, n)!;
    expect(Math.abs(onLine(next, { x1: 1, x2: 0.2 }))).toBeLessThan(1e-12);
    expect(next.w1 * n.w1 + next.w2 * n.w2).toBeGreaterThan(0);
    expect(Math.hypot(next.w1, next.w2)).toBeCloseTo(Math.SQRT2, 12);
    expect(neuronThrough({ x1: 0, x2: 0 }, { x1: 0, x2: 0 }, n)).toBeUndefined();
  });

  it('shifting moves only the bias', () => {
    const moved = shiftThrough({ w1: 2, w2: -1, b: 0 }, 0.5, 0.5);
    expect(moved).toEqual({ w1: 2, w2: -1, b: -0.5 });
  });

  it('learning from the defaults reaches zero mistakes with the perceptron rule', () => {
    let s = { ...defaults };
    const data = makePoints(s.seed);
    let mistakes = Infinity;
    for (let i = 0; i < 200 && mistakes > 0; i++) {
      const r = learn(s, data);
      s = { ...s, ...r.neuron };
      mistakes = r.mistakes;
    }
    expect(mistakes).toBe(0);
    expect(classify(s, data).every((p) => !p.wrong)).toBe(true);
  });
});
