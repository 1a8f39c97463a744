import { describe, expect, it } from 'vitest';
import { keepAxisEnd, lossCurve, stepUp } from './loss-curve';

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

describe('keepAxisEnd: an axis end that stays put (lr-decay’s schedule, momentum’s steps)', () => {
  it('are what they need to be when first drawn (the slide: last step 19, α₀ = 1), as before', () => {
    expect(keepAxisEnd(undefined, 19, 99)).toBe(19);
    expect(keepAxisEnd(undefined, 1, 2)).toBe(1);
    expect(keepAxisEnd(undefined, 0.65, 2)).toBe(0.65);
  });
  it('grow to a nice step, then stay put while a control goes back and forth', () => {
    let end = keepAxisEnd(undefined, 1, 2);
    const shown = new Set<number>();
    for (const lr0 of [1.05, 1, 1.05, 1, 0.95, 1.1, 1.15, 1.2, 1, 0.75]) {
      end = keepAxisEnd(end, lr0, 2);
      shown.add(end);
    }
    // It grows once (1.05 needs more room: 1.2), then stays while α₀ fits and fills 60 % of it.
    expect([...shown]).toEqual([1.2]);
    // Steps drawn, pressed from the slide's 20 up to 25 and back down to 14: the axis stays at 25.
    end = keepAxisEnd(undefined, 19, 99);
    const steps: number[] = [];
    for (const last of [18, 19, 20, 21, 22, 24, 23, 20, 16, 15]) steps.push((end = keepAxisEnd(end, last, 99)));
    expect(steps).toEqual([19, 19, 25, 25, 25, 25, 25, 25, 25, 25]);
  });
  it('never cut the curve off, and shrink to fit when it fills too little', () => {
    expect(keepAxisEnd(20, 21, 99)).toBe(25);
    expect(keepAxisEnd(1, 2, 99)).toBe(2.5);
    expect(keepAxisEnd(1.5, 1.75, 2)).toBe(2);
    expect(keepAxisEnd(80, 99, 99)).toBe(99);
    expect(keepAxisEnd(19, 20, 99)).toBe(25);
    expect(keepAxisEnd(25, 14, 99)).toBe(14);
    expect(keepAxisEnd(2, 0.05, 2)).toBe(0.05);
    // Rounding noise of a slider's steps (0.1 + 0.2) does not count as leaving the axis.
    expect(keepAxisEnd(0.3, 0.1 + 0.2, 2)).toBe(0.3);
  });
});
