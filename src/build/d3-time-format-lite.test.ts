/**
 * The browser build swaps d3-time-format for d3-time-format-lite.mjs (plot-d3-lite.mjs), whose
 * exports throw until loadPlotExtras() has fetched the real package (the notebook does, before a
 * cell draws). These tests check that the lite module exports exactly d3-time-format's names, that
 * Observable Plot loaded through the swap draws charts without dates (lines, bars; contours and
 * rasters of a grid, lite-test-helpers.ts) without formatting a date, that
 * a chart with dates fails loudly before loading, and that after loading charts with time axes draw
 * exactly as with the real package.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as lite from './d3-time-format-lite.mjs';
import type * as extras from './plot-extras.mjs';
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
/** The lite module and the loader as Plot gets them through the swap (modules of the Vite server). */
let timeFormatInPlot: typeof lite;
let extrasInPlot: typeof extras;
const document = chartDocument();

beforeAll(async () => {
  timeFormatInPlot = await swap.liteInPlot('d3-time-format');
  extrasInPlot = (await swap.server.ssrLoadModule(
    new URL('./plot-extras.mjs', import.meta.url).pathname,
  )) as typeof extras;
});

const day = 24 * 3600 * 1000;
const start = Date.UTC(2024, 0, 1);
/** Dates over spans that give each kind of tick format: years, months, days, hours, minutes, seconds. */
const spans = [3 * 365 * day, 300 * day, 20 * day, 2 * day, 3 * 3600 * 1000, 5 * 60 * 1000, 20 * 1000];

/** Charts that format dates: UTC and local time axes, a tick format given as a string, a tip. */
function timeCharts(P: PlotModule): Element[] {
  const series = (span: number) =>
    Array.from({ length: 25 }, (_, i) => ({ t: new Date(start + (i * span) / 24), v: Math.sin(i / 3) }));
  return [
    ...spans.map((span) => P.plot({ document, marks: [P.line(series(span), { x: 't', y: 'v' })] })),
    ...spans.map((span) =>
      P.plot({ document, x: { type: 'time' }, marks: [P.lineY(series(span), { x: 't', y: 'v' })] }),
    ),
    P.plot({ document, x: { tickFormat: '%b %Y' }, marks: [P.dot(series(300 * day), { x: 't', y: 'v' })] }),
    P.plot({ document, y: { type: 'utc' }, marks: [P.tickY(series(20 * day), { y: 't' })] }),
    P.plot({
      document,
      marks: [P.dot(series(20 * day), { x: 't', y: 'v', tip: { format: { x: '%Y-%m-%d' } } })],
    }),
  ];
}

describe('d3-time-format-lite', () => {
  it('exports every name d3-time-format exports, each a function', async () => {
    const real = await realPackage('d3-time-format');
    const names = Object.keys(lite).filter((k) => k !== 'NOT_LOADED' && k !== 'loadTimeFormats');
    expect(names.sort()).toEqual(Object.keys(real).sort());
    const liteExports = lite as unknown as Record<string, unknown>;
    for (const name of Object.keys(real)) {
      expect(typeof liteExports[name], name).toBe('function');
      expect(typeof real[name], name).toBe('function');
    }
  });

  it('is what Plot gets through the swap', () => {
    expect(LITE_MODULES['d3-time-format']?.endsWith('d3-time-format-lite.mjs')).toBe(true);
    expect(() => timeFormatInPlot.utcFormat('%Y')).toThrow(lite.NOT_LOADED);
    expect(() => timeFormatInPlot.isoParse('2024-01-01')).toThrow(lite.NOT_LOADED);
  });

  it("draws the site's kinds of chart without formatting a date", () => {
    const { Plot } = swap;
    const xs = Array.from({ length: 21 }, (_, i) => ({ x: i / 10 - 1, y: Math.tanh(i / 10 - 1) }));
    const charts = [
      ...gridCharts(Plot, document),
      Plot.plot({
        document,
        x: { tickFormat: '.1f', label: 'x' },
        marks: [Plot.line(xs, { x: 'x', y: 'y', tip: true }), Plot.dot(xs, { x: 'x', y: 'y', symbol: 'star' })],
      }),
      Plot.plot({ document, marks: [Plot.barY(xs, { x: (_d: unknown, i: number) => `k${i}`, y: 'y' })] }),
    ];
    for (const chart of charts) expect(chart.querySelectorAll('path, circle, image, rect').length).toBeGreaterThan(0);
  });

  it('fails loudly, not silently, when a chart formats dates before loading', () => {
    const { Plot } = swap;
    for (const chart of [
      () => Plot.plot({ document, marks: [Plot.line([{ t: new Date(start), v: 1 }], { x: 't', y: 'v' })] }),
      () => Plot.plot({ document, x: { type: 'time', domain: [new Date(start), new Date(start + day)] } }),
    ])
      expect(chart).toThrow(lite.NOT_LOADED);
  });

  it('once loaded (loadPlotExtras), draws time axes as the real package does', async () => {
    await extrasInPlot.loadPlotExtras();
    const real = (await realPackage('d3-time-format')) as { isoFormat: (d: Date) => string };
    expect(timeFormatInPlot.utcFormat('%Y-%m-%d')(new Date(start))).toBe('2024-01-01');
    expect(timeFormatInPlot.isoFormat(new Date(start))).toBe(real.isoFormat(new Date(start)));
    const drawn = await drawnBothWays(swap, timeCharts);
    expect(drawn.lite).toEqual(drawn.real);
    expect(drawn.lite.join('')).toContain('2024');
    expect(drawn.lite.join('')).toContain('Jan');
  });
});
