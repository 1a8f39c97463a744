import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { contourMark, heatColors, heatMapMark, type Grid } from './grid-marks';

const { window } = new JSDOM('<!doctype html><body></body>');
const document = window.document;

/** A bowl (x − 0.3)² + 2y² sampled at the centres of 40 × 30 cells over [−1, 1] × [1, −1] (rows from the top). */
function bowl(): Grid {
  const width = 40;
  const height = 30;
  const values = new Float64Array(width * height);
  for (let j = 0; j < height; j++)
    for (let i = 0; i < width; i++) {
      const x = -1 + (2 * (i + 0.5)) / width;
      const y = 1 - (2 * (j + 0.5)) / height;
      values[j * width + i] = (x - 0.3) ** 2 + 2 * y ** 2;
    }
  return { values, width, height, x: [-1, 1], y: [1, -1] };
}

const frame = { width: 300, height: 240, x: { domain: [-1, 1] }, y: { domain: [-1, 1] }, document };

/** Every vertex of the paths `selector` finds in a chart, in pixels, rounded to 0.01 px and sorted. */
function vertices(svg: Element, selector = 'svg svg path'): string[] {
  const out: string[] = [];
  for (const path of svg.querySelectorAll(selector)) {
    const d = path.getAttribute('d') ?? '';
    for (const m of d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g))
      out.push(`${Number(m[1]).toFixed(2)},${Number(m[2]).toFixed(2)}`);
  }
  return out.sort();
}

describe('contourMark', () => {
  it("draws the same contour lines as Plot's contour mark on the same grid", () => {
    const grid = bowl();
    const thresholds = [0.1, 0.4, 0.9];
    const ours = Plot.plot({ ...frame, marks: [contourMark(grid, { thresholds, stroke: 'black' })] });
    const plots = Plot.plot({
      ...frame,
      marks: [
        Plot.contour(grid.values, {
          x1: -1,
          x2: 1,
          y1: 1,
          y2: -1,
          width: grid.width,
          height: grid.height,
          thresholds,
          interpolate: 'none',
          stroke: 'black',
        }),
      ],
    });
    const a = vertices(ours);
    const b = vertices(plots, 'g[aria-label=contour] path');
    expect(a.length).toBeGreaterThan(100);
    expect(a).toHaveLength(b.length);
    // The same points, to the rounding of the two paths' numbers (ours 0.01 px, Plot's 0.001).
    const far = a.filter((v, k) =>
      v.split(',').some((c, i) => Math.abs(Number(c) - Number(b[k]!.split(',')[i])) > 0.011),
    );
    expect(far).toEqual([]);
    expect(ours.querySelectorAll('g[stroke="black"] path')).toHaveLength(3);
  });

  it('puts a contour where the function crosses its level (up to the grid’s linear interpolation)', () => {
    const grid = bowl();
    const svg = Plot.plot({
      ...frame,
      marginLeft: 0,
      marginRight: 0,
      marginTop: 0,
      marginBottom: 0,
      width: 200,
      height: 200,
      marks: [contourMark(grid, { thresholds: [0.25] })],
    });
    // 200 px for 2 units: x = px / 100 − 1, y = 1 − py / 100.
    // The region ≥ 0.25 is the outside of an ellipse: its polygon runs along the grid's edge too.
    const inner = vertices(svg).filter((v) => !/(^|,)(0|200)\.00(,|$)/.test(v));
    expect(inner.length).toBeGreaterThan(20);
    for (const v of inner) {
      const [px, py] = v.split(',').map(Number);
      const x = px! / 100 - 1;
      const y = 1 - py! / 100;
      expect((x - 0.3) ** 2 + 2 * y ** 2).toBeCloseTo(0.25, 1);
    }
  });

  it('clips what it draws to the frame', () => {
    const svg = Plot.plot({ ...frame, marks: [contourMark(bowl(), { thresholds: [2] })] });
    const clip = svg.querySelector('svg svg')!;
    expect(clip.getAttribute('viewBox')).toBe(
      `${clip.getAttribute('x')} ${clip.getAttribute('y')} ${clip.getAttribute('width')} ${clip.getAttribute('height')}`,
    );
    expect(Number(clip.getAttribute('width'))).toBe(300 - 20 - 40);
  });
});

describe('heatColors', () => {
  const colorOf = heatColors([0, 0.5, 1], ['#ff0000', '#ffffff', '#0000ff']);
  it('gives each stop of the domain its colour, and clamps beyond the ends', () => {
    expect([...colorOf(0)]).toEqual([255, 0, 0]);
    expect([...colorOf(0.5)]).toEqual([255, 255, 255]);
    expect([...colorOf(1)]).toEqual([0, 0, 255]);
    expect([...colorOf(-3)]).toEqual([255, 0, 0]);
    expect([...colorOf(7)]).toEqual([0, 0, 255]);
  });
  it('blends linearly in RGB between stops (to the table’s 1/255 steps)', () => {
    const [r, g, b] = colorOf(0.25);
    expect(r).toBe(255);
    expect(Math.abs(g! - 127.5)).toBeLessThanOrEqual(1);
    expect(Math.abs(b! - 127.5)).toBeLessThanOrEqual(1);
  });
});

describe('heatMapMark', () => {
  it('paints one pixel per cell, the first row of the grid at the bottom when y runs upward', () => {
    // A canvas that records the pixels it is given (jsdom has none).
    let painted: { width: number; height: number; data: Uint8ClampedArray } | undefined;
    window.HTMLCanvasElement.prototype.getContext = function () {
      return {
        createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
        putImageData: (image: typeof painted) => void (painted = image),
      } as unknown as CanvasRenderingContext2D;
    } as unknown as typeof window.HTMLCanvasElement.prototype.getContext;
    window.HTMLCanvasElement.prototype.toDataURL = () => 'data:image/png;base64,';
    // 2 × 2 cells over [−1, 1]², row 0 (values 0, 0) at y from −1 to 0, row 1 (1, 1) above it.
    const grid: Grid = { values: [0, 0, 1, 1], width: 2, height: 2, x: [-1, 1], y: [-1, 1] };
    const svg = Plot.plot({
      ...frame,
      marks: [heatMapMark(grid, { domain: [0, 1], colors: ['#000000', '#ffffff'], opacity: 0.4 })],
    });
    expect(painted!.width).toBe(2);
    // The canvas's top row is the grid's last (y up): white; its bottom row black; alpha 0.4.
    expect([...painted!.data.slice(0, 4)]).toEqual([255, 255, 255, 102]);
    expect([...painted!.data.slice(8, 12)]).toEqual([0, 0, 0, 102]);
    const image = svg.querySelector('image')!;
    expect(image.getAttribute('preserveAspectRatio')).toBe('none');
    expect(Number(image.getAttribute('width'))).toBe(300 - 20 - 40);
  });
});
