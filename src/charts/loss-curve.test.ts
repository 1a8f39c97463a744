import { describe, expect, it } from 'vitest';
import { lossCurve, stepUp } from './loss-curve';

describe('stepUp', () => {
  it('rounds up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ᵏ', () => {
    expect([0.7, 1, 51, 120, 121, 801, 0.0031].map(stepUp)).toEqual([0.8, 1, 60, 120, 150, 1000, 0.004]);
  });
});

describe('lossCurve', () => {
  const base = {
    history: [
      { epoch: 0, loss: 2 },
      { epoch: 1, loss: Number.NaN },
      { epoch: 2, loss: 0.5 },
    ],
    epochs: 2,
    minEpochs: 50,
    width: 400,
    alt: 'a',
    label: 'loss',
    color: 'blue',
    minTop: 1,
  };

  it('keeps the axes (and their key) while the run stays inside them', () => {
    const a = lossCurve(base);
    const b = lossCurve({ ...base, epochs: 40, history: [...base.history, { epoch: 40, loss: 1.7 }], alt: 'b' });
    expect(a.axes).toMatchObject({ xMax: 50, top: 2 });
    expect(b.key).toBe(a.key);
    expect(b.lines.at(-1)?.points).toEqual([
      [0, 2],
      [2, 0.5],
      [40, 1.7],
    ]);
  });

  it('grows the axes in steps past their minimum', () => {
    const c = lossCurve({ ...base, epochs: 51, history: [{ epoch: 0, loss: 2.1 }] });
    expect(c.axes).toMatchObject({ xMax: 60, top: 2.5 });
  });

  it('leaves out non-positive losses on a log scale', () => {
    const c = lossCurve({
      ...base,
      history: [
        { epoch: 0, loss: 0 },
        { epoch: 1, loss: 0.1 },
      ],
      log: { floor: 1e-3 },
    });
    expect(c.lines.at(-1)?.points).toEqual([[1, 0.1]]);
    expect(c.axes.top).toBe(1);
  });
});
