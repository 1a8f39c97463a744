/**
 * The browser build swaps d3-geo for d3-geo-lite.mjs (plot-d3-lite.mjs). These tests
 * load Observable Plot through the same swap (a Vite server with the plugin, Plot and d3 bundled
 * rather than taken from node_modules as they are) and draw the kinds of chart the site draws: if
 * a Plot upgrade starts calling a stubbed d3-geo function on the path of a chart without a
 * projection, a test here throws.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createServer, type ViteDevServer } from 'vite';
import type * as PlotTypes from '@observablehq/plot';
import * as lite from './d3-geo-lite.mjs';
import type * as ChromaticLite from './d3-scale-chromatic-lite.mjs';
import { LITE_MODULES, plotD3Lite } from './plot-d3-lite.mjs';

type PlotModule = typeof PlotTypes;

let server: ViteDevServer;
let Plot: PlotModule;
let geoInPlot: Record<string, unknown>;
// d3-geo has no types of its own (it comes with Plot); a dynamic import by name keeps it untyped.
const D3_GEO: string = 'd3-geo';
const { document } = new JSDOM('<!doctype html><body></body>').window;

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [plotD3Lite({ ssr: true })],
    // Bundle every module (Plot, d3, d3-geo) through Vite so the swap applies, as in the browser build.
    ssr: { noExternal: [/^@observablehq\/plot/, /^d3/] },
  });
  Plot = (await server.ssrLoadModule('@observablehq/plot')) as PlotModule;
  geoInPlot = await server.ssrLoadModule('d3');
  // One chart below asks for a colour scheme, which the swap leaves out until loaded (d3-scale-chromatic-lite.mjs).
  const chromatic = (await server.ssrLoadModule(LITE_MODULES['d3-scale-chromatic']!)) as typeof ChromaticLite;
  await chromatic.loadColorSchemes();
});
afterAll(async () => {
  await server?.close();
});

const xs = Array.from({ length: 21 }, (_, i) => i / 10 - 1);

describe('d3-geo-lite', () => {
  it('exports every name d3-geo exports, and keeps the real geoPath, geoStream and geoTransform', async () => {
    const realGeo = (await import(/* @vite-ignore */ D3_GEO)) as Record<string, unknown>;
    const names = (m: object) => Object.keys(m).filter((k) => k.startsWith('geo'));
    expect(names(lite).sort()).toEqual(names(realGeo).sort());
    expect(lite.geoPath).toBe(realGeo.geoPath);
    expect(lite.geoStream).toBe(realGeo.geoStream);
    expect(lite.geoTransform).toBe(realGeo.geoTransform);
  });

  it('is what Plot gets through the swap', () => {
    expect(LITE_MODULES['d3-geo']?.endsWith('d3-geo-lite.mjs')).toBe(true);
    expect(() => (geoInPlot.geoMercator as () => unknown)()).toThrow(lite.NOT_INCLUDED);
  });

  it("draws the site's kinds of chart without calling a stubbed function", () => {
    const data = xs.map((x) => ({ x, y: Math.tanh(3 * x), z: x * x }));
    const charts = [
      Plot.plot({
        document,
        grid: true,
        marks: [
          Plot.line(data, { x: 'x', y: 'y', curve: 'auto' }),
          Plot.lineY(data, { x: 'x', y: 'z' }),
          Plot.dot(data, { x: 'x', y: 'y', r: 3 }),
          Plot.areaY(data, { x: 'x', y: 'z' }),
          Plot.ruleY([0]),
          Plot.ruleX([0]),
          Plot.text(data.slice(0, 3), { x: 'x', y: 'y', text: (d: { x: number }) => d.x.toFixed(1) }),
          Plot.tickX(data, { x: 'x' }),
          Plot.frame(),
          Plot.gridX(),
        ],
      }),
      // The contour mark draws its polygons with geoPath() (Momentum, LogicGates, GradientSurface).
      Plot.plot({
        document,
        color: { scheme: 'RdBu' },
        marks: [
          Plot.contour({
            fill: (x: number, y: number) => x * x + 2 * y * y,
            x1: -1,
            x2: 1,
            y1: -1,
            y2: 1,
            thresholds: 8,
            stroke: 'currentColor',
          }),
        ],
      }),
      Plot.plot({ document, marks: [Plot.cell(data, { x: 'x', y: () => 'row', fill: 'z' })] }),
      Plot.plot({
        document,
        clip: true,
        marks: [Plot.barY(data, { x: 'x', y: 'z' }), Plot.rect(data, { x1: 'x', x2: 'z', y: 'y' })],
      }),
    ];
    for (const chart of charts)
      expect(chart.querySelectorAll('path, circle, rect, line, text').length).toBeGreaterThan(5);
  });

  it('fails loudly, not silently, when a chart asks for a map projection', () => {
    expect(() => Plot.plot({ document, projection: 'mercator', marks: [Plot.dot([[0, 0]])] })).toThrow(
      lite.NOT_INCLUDED,
    );
  });
});
