/**
 * The browser build swaps d3-scale-chromatic for d3-scale-chromatic-lite.mjs (plot-d3-lite.mjs),
 * whose exports throw until loadColorSchemes() has fetched the real package (the notebook does,
 * before a cell draws). These tests check that the lite module exports exactly d3-scale-chromatic's
 * names, that Observable Plot loaded through the swap draws charts of the site's kinds (a fill of
 * CSS colours; contours and rasters of a grid, lite-test-helpers.ts) without reading a scheme, that a chart asking for one fails loudly before loading, and that after loading every
 * scheme draws exactly as with the real package.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as lite from './d3-scale-chromatic-lite.mjs';
import { LITE_MODULES } from './plot-d3-lite.mjs';
import {
  chartDocument,
  drawnBothWays,
  gridCharts,
  realPackage,
  withLiteSwap,
  type PlotModule,
} from './lite-test-helpers';

const swap = withLiteSwap();
/** The lite module as Plot gets it through the swap (a module of the Vite server, not `lite`). */
let chromaticInPlot: typeof lite;
const document = chartDocument();

beforeAll(async () => {
  chromaticInPlot = await swap.liteInPlot('d3-scale-chromatic');
});

const xs = Array.from({ length: 21 }, (_, i) => i / 10 - 1);
const data = xs.map((x, i) => ({ x, y: Math.tanh(3 * x), z: x * x, k: `k${i % 12}`, b: x > 0 }));

/** Charts that read a colour scheme: each named scheme, and each kind of scale's default colours. */
function schemeCharts(P: PlotModule): Element[] {
  const cells = (color: Record<string, unknown>, fill: 'z' | 'k' | 'b' = 'z') =>
    P.plot({ document, color, marks: [P.cell(data, { x: 'x', y: () => 'row', fill })] });
  const quantitative = ['turbo', 'viridis', 'magma', 'blues', 'greys', 'ylorrd', 'rdbu', 'burd', 'piyg', 'rainbow'];
  const ordinal = ['observable10', 'tableau10', 'category10', 'set3', 'blues', 'rdbu', 'burd', 'turbo', 'sinebow'];
  return [
    ...quantitative.map((scheme) => cells({ scheme, legend: true })),
    ...ordinal.map((scheme) => cells({ type: 'ordinal', scheme, legend: true }, 'k')),
    ...['linear', 'diverging', 'sequential', 'quantize'].map((type) => cells({ type, legend: true })),
    cells({}, 'k'), // categories: observable10
    cells({}, 'b'), // booleans: greys
    cells({ type: 'ordinal', scheme: 'blues' }, 'b'),
  ];
}

describe('d3-scale-chromatic-lite', () => {
  it('exports every name d3-scale-chromatic exports, interpolators as functions and schemes as arrays', async () => {
    const real = await realPackage('d3-scale-chromatic');
    const names = (m: object) => Object.keys(m).filter((k) => /^(interpolate|scheme)[A-Z]/.test(k));
    expect(names(lite).sort()).toEqual(Object.keys(real).sort());
    const liteExports = lite as unknown as Record<string, unknown>;
    for (const name of Object.keys(real)) {
      expect(typeof liteExports[name], name).toBe(typeof real[name]);
      expect(Array.isArray(liteExports[name]), name).toBe(Array.isArray(real[name]));
    }
  });

  it('is what Plot gets through the swap', () => {
    expect(LITE_MODULES['d3-scale-chromatic']?.endsWith('d3-scale-chromatic-lite.mjs')).toBe(true);
    expect(() => chromaticInPlot.interpolateTurbo(0.5)).toThrow(lite.NOT_LOADED);
    expect(() => chromaticInPlot.schemeObservable10.length).toThrow(lite.NOT_LOADED);
  });

  it("draws the site's kinds of chart without reading a scheme", () => {
    const { Plot } = swap;
    const charts = [
      ...gridCharts(Plot, document),
      // local-minima: a fill channel of CSS colours (Plot takes them as they are).
      Plot.plot({
        document,
        marks: [
          Plot.dot(data, { x: 'x', y: 'y', fill: (d: { b: boolean }) => (d.b ? 'var(--c-blue)' : 'var(--c-orange)') }),
        ],
      }),
    ];
    for (const chart of charts) expect(chart.querySelectorAll('path, circle, image').length).toBeGreaterThan(0);
  });

  it('fails loudly, not silently, when a chart reads a scheme before they are loaded', () => {
    const { Plot } = swap;
    expect(() => schemeCharts(Plot)).toThrow(lite.NOT_LOADED);
    const asks: [Record<string, unknown>, string][] = [
      [{ scheme: 'blues' }, 'z'],
      [{ type: 'diverging' }, 'z'], // RdBu
      [{}, 'z'], // turbo
      [{}, 'k'], // observable10
    ];
    for (const [color, fill] of asks)
      expect(() => Plot.plot({ document, color, marks: [Plot.cell(data, { x: 'x', fill })] })).toThrow(lite.NOT_LOADED);
  });

  it('once loaded, draws every scheme as the real package does', async () => {
    await chromaticInPlot.loadColorSchemes();
    const real = await realPackage('d3-scale-chromatic');
    expect([...chromaticInPlot.schemeObservable10]).toEqual(real.schemeObservable10);
    expect(chromaticInPlot.interpolateTurbo(0.3)).toBe((real.interpolateTurbo as (t: number) => string)(0.3));
    const drawn = await drawnBothWays(swap, schemeCharts);
    expect(drawn.lite).toEqual(drawn.real);
    expect(drawn.lite.join('')).toMatch(/fill="(#[0-9a-f]{6}|rgb\()/);
  });
});
