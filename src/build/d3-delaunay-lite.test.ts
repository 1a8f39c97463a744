/**
 * The browser build swaps d3-delaunay and d3-random for d3-delaunay-lite.mjs and d3-random-lite.mjs
 * (plot-d3-lite.mjs). These tests check that the lite modules export exactly the names of the real
 * packages, and load Observable Plot through the same swap (a Vite server with the plugin, Plot
 * and d3 bundled rather than taken from node_modules as they are) to draw contour and raster charts
 * of values on a grid (the widgets' charts until 68145d1; lite-test-helpers.ts): if a Plot upgrade
 * starts triangulating or drawing random numbers on the path of those charts, a test here throws.
 */
import { describe, expect, it } from 'vitest';
import * as delaunayLite from './d3-delaunay-lite.mjs';
import * as randomLite from './d3-random-lite.mjs';
import { LITE_MODULES } from './plot-d3-lite.mjs';
import { chartDocument, gridCharts, realPackage, withLiteSwap, type PlotModule } from './lite-test-helpers';

const swap = withLiteSwap();
const document = chartDocument();

const exportNames = (m: object) => Object.keys(m).filter((k) => k !== 'NOT_INCLUDED' && k !== 'default');

describe('d3-delaunay-lite and d3-random-lite', () => {
  it('export exactly the names d3-delaunay and d3-random export', async () => {
    const realDelaunay = await realPackage('d3-delaunay');
    const realRandom = await realPackage('d3-random');
    expect(exportNames(delaunayLite).sort()).toEqual(Object.keys(realDelaunay).sort());
    expect(exportNames(randomLite).sort()).toEqual(Object.keys(realRandom).sort());
  });

  it('are what Plot gets through the swap', () => {
    expect(LITE_MODULES['d3-delaunay']?.endsWith('d3-delaunay-lite.mjs')).toBe(true);
    expect(LITE_MODULES['d3-random']?.endsWith('d3-random-lite.mjs')).toBe(true);
    const { Delaunay, randomLcg } = swap.d3 as {
      Delaunay: { from(p: number[][]): unknown };
      randomLcg: () => unknown;
    };
    expect(() => Delaunay.from([[0, 0]])).toThrow(delaunayLite.NOT_INCLUDED);
    expect(() => randomLcg()).toThrow(randomLite.NOT_INCLUDED);
  });

  it('draws contour and raster charts of a grid without calling a stubbed function', () => {
    const { Plot } = swap;
    const charts = gridCharts(Plot, document);
    for (const chart of charts) expect(chart.querySelectorAll('path').length).toBeGreaterThan(2);
    expect(charts[2]!.querySelector('image')).not.toBeNull();
  });

  it("draws the same contours with interpolate: 'none' as real Plot does with its default, nearest", async () => {
    const { Plot } = swap;
    // A dense grid of values is given to Plot.contour with `interpolate: 'none'`;
    // Plot's default for contour data ("nearest") triangulates the samples to give each cell its own value.
    const RealPlot = (await import('@observablehq/plot')) as PlotModule;
    const contours = (charts: Element[]) =>
      charts
        .slice(0, 2)
        .map((c) => [...c.querySelectorAll('g[aria-label="contour"] path')].map((p) => p.getAttribute('d')));
    const real = contours(gridCharts(RealPlot, document, {}));
    expect(real.flat().length).toBeGreaterThan(5);
    expect(contours(gridCharts(Plot, document))).toEqual(real);
  });

  it('fails loudly, not silently, when a chart asks for what was left out', () => {
    const { Plot } = swap;
    const points = [
      { x: 0, y: 0, v: 1 },
      { x: 1, y: 0, v: 2 },
      { x: 0, y: 1, v: 3 },
    ];
    expect(() => Plot.plot({ document, marks: [Plot.voronoi(points, { x: 'x', y: 'y' })] })).toThrow(
      delaunayLite.NOT_INCLUDED,
    );
    expect(() =>
      Plot.plot({ document, marks: [Plot.raster(points, { x: 'x', y: 'y', fill: 'v', interpolate: 'nearest' })] }),
    ).toThrow(delaunayLite.NOT_INCLUDED);
    expect(() => Plot.plot({ document, marks: [Plot.dot(points, Plot.shuffle({ x: 'x', y: 'y', seed: 1 }))] })).toThrow(
      randomLite.NOT_INCLUDED,
    );
  });
});
