import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { plotChart } from './plot';

const { document } = new JSDOM('<!doctype html><body></body>').window;
const square = [
  { x: -1, y: -1 },
  { x: 1, y: 1 },
];
const heightOf = (chart: Element) => Number(chart.getAttribute('height'));

describe('plotChart', () => {
  it('draws at the default height unless told otherwise', () => {
    expect(heightOf(plotChart({ alt: 'a', marks: [Plot.dot(square, { x: 'x', y: 'y' })] }, document))).toBe(320);
    expect(
      heightOf(plotChart({ alt: 'a', height: 200, marks: [Plot.dot(square, { x: 'x', y: 'y' })] }, document)),
    ).toBe(200);
  });
  it('keeps an aspect ratio, as Plot itself does (the default height would squash a square domain)', () => {
    const options = {
      width: 400,
      aspectRatio: 1,
      marks: [Plot.dot(square, { x: 'x', y: 'y' })],
      x: { domain: [-1, 1] },
      y: { domain: [-1, 1] },
    };
    const plain = Plot.plot({ ...options, document });
    expect(heightOf(plotChart({ alt: 'a', ...options }, document))).toBe(heightOf(plain));
    expect(heightOf(plain)).toBeGreaterThan(320);
  });
});
