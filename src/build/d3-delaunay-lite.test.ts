/**
 * The browser build swaps d3-delaunay and d3-random for d3-delaunay-lite.mjs and d3-random-lite.mjs
 * (plot-d3-lite.mjs). These tests check that the lite modules export exactly the names of the real
 * packages, and load Observable Plot through the same swap (a Vite server with the plugin, Plot
 * and d3 bundled rather than taken from node_modules as they are) to draw the contour and raster
 * charts of the logic-gates, gradient-surface and momentum widgets: if a Plot upgrade starts
 * triangulating or drawing random numbers on the path of those charts, a test here throws.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createServer, type ViteDevServer } from 'vite';
import type * as PlotTypes from '@observablehq/plot';
import * as delaunayLite from './d3-delaunay-lite.mjs';
import * as randomLite from './d3-random-lite.mjs';
import { LITE_MODULES, plotD3Lite } from './plot-d3-lite.mjs';

type PlotModule = typeof PlotTypes;

let server: ViteDevServer;
let Plot: PlotModule;
let d3InPlot: Record<string, unknown>;
// Neither package has types of its own (they come with Plot); a dynamic import by name keeps them untyped.
const D3_DELAUNAY: string = 'd3-delaunay';
const D3_RANDOM: string = 'd3-random';

const { window } = new JSDOM('<!doctype html><body></body>');
const { document } = window;
// jsdom has no canvas: the raster mark needs only these few calls of one.
window.HTMLCanvasElement.prototype.getContext = function () {
  return {
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
    putImageData: () => undefined,
  };
} as unknown as typeof window.HTMLCanvasElement.prototype.getContext;
window.HTMLCanvasElement.prototype.toDataURL = () => 'data:image/png;base64,';

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [plotD3Lite({ ssr: true })],
    // Bundle every module (Plot, d3, its packages) through Vite so the swap applies, as in the browser build.
    ssr: { noExternal: [/^@observablehq\/plot/, /^d3/, /^delaunator/, /^robust-predicates/] },
  });
  Plot = (await server.ssrLoadModule('@observablehq/plot')) as PlotModule;
  d3InPlot = await server.ssrLoadModule('d3');
});
afterAll(async () => {
  await server?.close();
});

const exportNames = (m: object) => Object.keys(m).filter((k) => k !== 'NOT_INCLUDED' && k !== 'default');

describe('d3-delaunay-lite and d3-random-lite', () => {
  it('export exactly the names d3-delaunay and d3-random export', async () => {
    const realDelaunay = (await import(/* @vite-ignore */ D3_DELAUNAY)) as Record<string, unknown>;
    const realRandom = (await import(/* @vite-ignore */ D3_RANDOM)) as Record<string, unknown>;
    expect(exportNames(delaunayLite).sort()).toEqual(Object.keys(realDelaunay).sort());
    expect(exportNames(randomLite).sort()).toEqual(Object.keys(realRandom).sort());
  });

  it('are what Plot gets through the swap', () => {
    expect(LITE_MODULES['d3-delaunay']?.endsWith('d3-delaunay-lite.mjs')).toBe(true);
    expect(LITE_MODULES['d3-random']?.endsWith('d3-random-lite.mjs')).toBe(true);
    const { Delaunay, randomLcg } = d3InPlot as {
      Delaunay: { from(p: number[][]): unknown };
      randomLcg: () => unknown;
    };
    expect(() => Delaunay.from([[0, 0]])).toThrow(delaunayLite.NOT_INCLUDED);
    expect(() => randomLcg()).toThrow(randomLite.NOT_INCLUDED);
  });

  it("draws the widgets' contour and raster charts without calling a stubbed function", () => {
    const charts = widgetCharts(Plot);
    for (const chart of charts) expect(chart.querySelectorAll('path').length).toBeGreaterThan(2);
    expect(charts[2]!.querySelector('image')).not.toBeNull();
  });

  it("draws the same contours with interpolate: 'none' as real Plot does with its default, nearest", async () => {
    // gradient-surface and momentum give Plot.contour a dense grid of values and `interpolate: 'none'`;
    // Plot's default for contour data ("nearest") triangulates the samples to give each cell its own value.
    const RealPlot = (await import('@observablehq/plot')) as PlotModule;
    const contours = (charts: Element[]) =>
      charts
        .slice(0, 2)
        .map((c) => [...c.querySelectorAll('g[aria-label="contour"] path')].map((p) => p.getAttribute('d')));
    const real = contours(widgetCharts(RealPlot, {}));
    expect(real.flat().length).toBeGreaterThan(5);
    expect(contours(widgetCharts(Plot))).toEqual(real);
  });

  it('fails loudly, not silently, when a chart asks for what was left out', () => {
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

/**
 * The contour and raster charts of gradient-surface, momentum and logic-gates (their marks and
 * options, with made-up values). `dense` is what the widgets give Plot.contour with a grid of values.
 */
function widgetCharts(P: PlotModule, dense: { interpolate?: 'none' } = { interpolate: 'none' }): Element[] {
  const n = 40;
  // A dense grid of values, rows from the top, as gradient-surface and momentum give Plot.contour.
  const grid = Float64Array.from({ length: n * n }, (_, i) => {
    const x = (i % n) / n - 0.5;
    const y = Math.floor(i / n) / n - 0.5;
    return x * x + 3 * y * y;
  });
  const sigmoid = (x: number, y: number) => 1 / (1 + Math.exp(-6 * (x + y - 1)));
  return [
    // gradient-surface: filled bands of one colour.
    P.plot({
      document,
      x: { domain: [-1, 5] },
      y: { domain: [-4, 2] },
      marks: [
        P.frame({ fill: '#eee', stroke: 'none' }),
        P.contour(grid, {
          x1: -1,
          x2: 5,
          y1: 2,
          y2: -4,
          width: n,
          height: n,
          thresholds: [0.05, 0.1, 0.2, 0.4, 0.8],
          ...dense,
          fill: '#333',
          fillOpacity: 0.1,
          stroke: '#333',
        }),
        P.dot([[2, -1]], { x: (d: number[]) => d[0], y: (d: number[]) => d[1], symbol: 'times' }),
      ],
    }),
    // momentum: contour lines only, over a grid wider than tall.
    P.plot({
      document,
      x: { domain: [-2, 2] },
      y: { domain: [-1, 1] },
      marks: [
        P.contour(grid, {
          x1: -2,
          x2: 2,
          y1: 1,
          y2: -1,
          width: n,
          height: n,
          thresholds: [0.1, 0.3, 0.8],
          ...dense,
          fill: 'none',
          stroke: 'var(--c-muted)',
        }),
      ],
    }),
    // logic-gates: a raster of a function on a colour scale with an explicit range, and the ŷ = 0.5 line.
    P.plot({
      document,
      x: { domain: [-0.5, 1.5] },
      y: { domain: [-0.5, 1.5] },
      color: { type: 'linear', domain: [0, 0.5, 1], range: ['#e69f00', '#fff', '#0072b2'] },
      marks: [
        P.raster({
          fill: sigmoid,
          x1: -0.5,
          x2: 1.5,
          y1: -0.5,
          y2: 1.5,
          width: n,
          height: n,
          fillOpacity: 0.4,
          imageRendering: 'auto',
          clip: true,
        }),
        P.contour({
          value: sigmoid,
          x1: -0.5,
          x2: 1.5,
          y1: -0.5,
          y2: 1.5,
          width: n,
          height: n,
          thresholds: [0.5],
          stroke: 'currentColor',
          fill: 'none',
        }),
        P.frame(),
      ],
    }),
  ];
}
