/**
 * What the tests of the lite modules share: Observable Plot loaded through the browser build's swap
 * (a Vite server with plotD3Lite(), Plot and d3 bundled rather than taken from node_modules as they
 * are) and its set-up and tear-down, the real packages to compare with, a jsdom document to draw
 * into, and charts of values on a grid drawn with Plot's contour and raster marks.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type * as PlotTypes from '@observablehq/plot';
import { LITE_MODULES, plotD3Lite } from './plot-d3-lite.mjs';

export type PlotModule = typeof PlotTypes;

/** Plot and d3 as the browser build bundles them (close `server` when done). */
export async function plotThroughLite(): Promise<{
  server: ViteDevServer;
  Plot: PlotModule;
  d3: Record<string, unknown>;
}> {
  const server = await createServer({
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [plotD3Lite({ ssr: true })],
    // Bundle every module (Plot, d3, its packages) through Vite so the swap applies, as in the browser build.
    ssr: { noExternal: [/^@observablehq\/plot/, /^d3/, /^delaunator/, /^robust-predicates/] },
  });
  const Plot = (await server.ssrLoadModule('@observablehq/plot')) as PlotModule;
  const d3 = await server.ssrLoadModule('d3');
  return { server, Plot, d3 };
}

/** What withLiteSwap() gives a test file: its fields are set once the file's beforeAll has run. */
export interface LiteSwap {
  server: ViteDevServer;
  Plot: PlotModule;
  d3: Record<string, unknown>;
  /** The lite module standing for `pkg` as Plot gets it through the swap (a module of the Vite server). */
  liteInPlot<T>(pkg: string): Promise<T>;
}

/** Starts Plot through the swap before the file's tests and closes it after them. */
export function withLiteSwap(): LiteSwap {
  const swap = {
    liteInPlot: async (pkg: string) => (await swap.server.ssrLoadModule(LITE_MODULES[pkg]!)) as never,
  } as unknown as LiteSwap;
  beforeAll(async () => {
    Object.assign(swap, await plotThroughLite());
  });
  afterAll(async () => {
    await swap.server?.close();
  });
  return swap;
}

/**
 * The real package `name`, untyped: the d3 packages that come with Plot have no types of their own,
 * and a dynamic import by a name held in a string keeps them so.
 */
export async function realPackage(name: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ name)) as Record<string, unknown>;
}

/** The charts `draw` makes, as SVG text: with Plot through the swap, and with the real Plot. */
export async function drawnBothWays(
  swap: LiteSwap,
  draw: (P: PlotModule) => Element[],
): Promise<{ lite: string[]; real: string[] }> {
  const RealPlot = (await import('@observablehq/plot')) as PlotModule;
  const svg = (charts: Element[]) => charts.map((c) => c.outerHTML);
  return { lite: svg(draw(swap.Plot)), real: svg(draw(RealPlot)) };
}

/** A jsdom document, with just enough of a canvas for Plot's raster mark and colour legends (jsdom has none). */
export function chartDocument(): Document {
  const { window } = new JSDOM('<!doctype html><body></body>');
  window.HTMLCanvasElement.prototype.getContext = function () {
    return {
      createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
      putImageData: () => undefined,
      fillRect: () => undefined, // colour legends (ramp)
    };
  } as unknown as typeof window.HTMLCanvasElement.prototype.getContext;
  window.HTMLCanvasElement.prototype.toDataURL = () => 'data:image/png;base64,';
  return window.document;
}

/**
 * Charts of values on a grid, drawn with Plot's contour and raster marks: filled contour bands,
 * contour lines, and a raster of a function with its 0.5 contour (their marks and options, with
 * made-up values). They were the charts of gradient-surface, momentum and logic-gates; since
 * 68145d1 no widget draws Plot's contour or raster marks (src/charts/grid-marks.ts draws their
 * grids), and the notebook's cells cannot (neither is in PLOT_MARKS, src/notebook/run-cell.ts). They
 * stay as the charts the swap must still draw without its stubbed parts should a chart of the site
 * use these marks again. `dense` is what to give Plot.contour with a grid of values.
 */
export function gridCharts(
  P: PlotModule,
  document: Document,
  dense: { interpolate?: 'none' } = { interpolate: 'none' },
): Element[] {
  const n = 40;
  // A dense grid of values, rows from the top.
  const grid = Float64Array.from({ length: n * n }, (_, i) => {
    const x = (i % n) / n - 0.5;
    const y = Math.floor(i / n) / n - 0.5;
    return x * x + 3 * y * y;
  });
  const sigmoid = (x: number, y: number) => 1 / (1 + Math.exp(-6 * (x + y - 1)));
  /** Where the raster and the contour of `sigmoid` sample it: the same n × n grid over the same square. */
  const square = { x1: -0.5, x2: 1.5, y1: -0.5, y2: 1.5, width: n, height: n };
  return [
    // Filled bands of one colour.
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
    // Contour lines only, over a grid wider than tall.
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
    // A raster of a function on a colour scale with an explicit range, and its ŷ = 0.5 line.
    P.plot({
      document,
      x: { domain: [-0.5, 1.5] },
      y: { domain: [-0.5, 1.5] },
      color: { type: 'linear', domain: [0, 0.5, 1], range: ['#e69f00', '#fff', '#0072b2'] },
      marks: [
        P.raster({ fill: sigmoid, ...square, fillOpacity: 0.4, imageRendering: 'auto', clip: true }),
        P.contour({ value: sigmoid, ...square, thresholds: [0.5], stroke: 'currentColor', fill: 'none' }),
        P.frame(),
      ],
    }),
  ];
}
