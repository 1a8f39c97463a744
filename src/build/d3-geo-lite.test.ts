/**
 * The browser build swaps d3-geo for d3-geo-lite.mjs (plot-d3-lite.mjs). These tests
 * load Observable Plot through the same swap (a Vite server with the plugin, Plot and d3 bundled
 * rather than taken from node_modules as they are) and draw the kinds of chart the site draws: if
 * a Plot upgrade starts calling a stubbed d3-geo function on the path of a chart without a
 * projection, a test here throws.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as lite from './d3-geo-lite.mjs';
import type * as ChromaticLite from './d3-scale-chromatic-lite.mjs';
import { LITE_MODULES } from './plot-d3-lite.mjs';
import { chartDocument, realPackage, withLiteSwap } from './lite-test-helpers';

const swap = withLiteSwap();
const document = chartDocument();

beforeAll(async () => {
  // One chart below asks for a colour scheme, which the swap leaves out until loaded (d3-scale-chromatic-lite.mjs).
  await (await swap.liteInPlot<typeof ChromaticLite>('d3-scale-chromatic')).loadColorSchemes();
});

const xs = Array.from({ length: 21 }, (_, i) => i / 10 - 1);

describe('d3-geo-lite', () => {
  it('exports every name d3-geo exports, and keeps the real geoPath, geoStream and geoTransform', async () => {
    const realGeo = await realPackage('d3-geo');
    const names = (m: object) => Object.keys(m).filter((k) => k.startsWith('geo'));
    expect(names(lite).sort()).toEqual(names(realGeo).sort());
    expect(lite.geoPath).toBe(realGeo.geoPath);
    expect(lite.geoStream).toBe(realGeo.geoStream);
    expect(lite.geoTransform).toBe(realGeo.geoTransform);
  });

  it('is what Plot gets through the swap', () => {
    expect(LITE_MODULES['d3-geo']?.endsWith('d3-geo-lite.mjs')).toBe(true);
    expect(() => (swap.d3.geoMercator as () => unknown)()).toThrow(lite.NOT_INCLUDED);
  });

  it("draws the site's kinds of chart without calling a stubbed function", () => {
    const { Plot } = swap;
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
    const { Plot } = swap;
    expect(() => Plot.plot({ document, projection: 'mercator', marks: [Plot.dot([[0, 0]])] })).toThrow(
      lite.NOT_INCLUDED,
    );
  });
});
