import { describe, expect, test } from 'vitest';
import { createRng } from '@lib';
import { defaultsOf } from '../shared/url-state';
import { playgroundSchema, type PlaygroundState } from './state';
import { makeData, xorCloud } from './datasets';

const setup = (over: Partial<PlaygroundState> = {}): PlaygroundState => ({
  ...defaultsOf(playgroundSchema),
  ...over,
});

describe('data', () => {
  test('300 points split by the test share, the same for the same seed', () => {
    const d = makeData(setup({ data: 'spiral', test: 0.3 }));
    expect(d.train.x.rows).toBe(210);
    expect(d.test.x.rows).toBe(90);
    expect(d.train.x.cols).toBe(2);
    const again = makeData(setup({ data: 'spiral', test: 0.3 }));
    expect(Array.from(again.train.x.data)).toEqual(Array.from(d.train.x.data));
    const other = makeData(setup({ data: 'spiral', test: 0.3, seed: 2 }));
    expect(Array.from(other.train.x.data)).not.toEqual(Array.from(d.train.x.data));
    // every class of the three is present in both parts
    for (const part of [d.train, d.test]) expect(new Set(part.labels)).toEqual(new Set([0, 1, 2]));
  });

  test('XOR cloud: each point carries the XOR of the corner it scatters around', () => {
    const d = xorCloud(200, 0.1, createRng(3));
    for (let i = 0; i < 200; i++) {
      const a = d.x.get(i, 0) > 0.5 ? 1 : 0;
      const b = d.x.get(i, 1) > 0.5 ? 1 : 0;
      // with σ = 0.1 a point almost never crosses the middle (0.5 is 5σ away)
      expect(d.labels![i]).toBe(a === b ? 0 : 1);
    }
  });

  test('sine: one input, targets near sin x; no noise means exactly sin x', () => {
    const d = makeData(setup({ data: 'sine', noise: 0 }));
    expect(d.inputs).toBe(1);
    for (let i = 0; i < d.train.x.rows; i++) expect(d.train.y.data[i]).toBeCloseTo(Math.sin(d.train.x.data[i]!), 12);
  });
});
