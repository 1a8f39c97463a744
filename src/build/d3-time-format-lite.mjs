// @ts-check
/**
 * What the site's client bundle gets instead of d3-time-format (swapped in by plotD3Lite() in
 * plot-d3-lite.mjs, for the browser build only).
 *
 * Observable Plot formats dates with d3-time-format: the ticks of a time or UTC axis (time.js
 * formatTimeInterval, and d3-scale's scaleTime/scaleUtc, which build their formats when such a scale
 * is made), a `tickFormat` given as a string on a temporal axis (axis.js) and a tip's `format` for a
 * temporal channel (tip.js). All of these run when a chart with dates draws, never while Plot loads;
 * d3-time-format itself, though, builds its default locale (every date format and parser) when its
 * module loads. No widget of the site draws dates, so a lecture page never formats one. The
 * notebook is different: a cell's data may hold Date values, so before it draws a plot the notebook
 * calls loadPlotExtras() (plot-extras.mjs), which fetches the real d3-time-format as a chunk of its
 * own and makes every export here answer as the real one does. d3-time (the intervals that Plot's
 * time.js writes onto when it loads) stays real.
 *
 * Until then, every export here is a function that throws a clear error when called.
 * d3-time-format-lite.test.ts checks the names against d3-time-format's, renders charts without dates
 * through the swap without loading it, and checks that after loading charts with time axes
 * draw exactly as with the real package.
 */
import { lazyPackage } from './lite-package.mjs';

export const NOT_LOADED =
  "d3-time-format (Plot's date formats) is not loaded on this page (no widget draws dates; the notebook calls loadPlotExtras() first)";

const real = lazyPackage(() => import('d3-time-format'), NOT_LOADED, 'src/build/d3-time-format-lite.mjs');

/** Fetches the real d3-time-format (once); afterwards every export here behaves as its own. */
export const loadTimeFormats = real.load;

/**
 * A function that calls the real export of that name (read afresh each call: the real package's
 * timeFormatDefaultLocale() replaces its timeFormat, utcFormat… bindings).
 * @param {string} name
 * @returns {(...args: any[]) => any}
 */
function forward(name) {
  return (...args) => real.get(name)(...args);
}

export const isoFormat = forward('isoFormat');
export const isoParse = forward('isoParse');
export const timeFormat = forward('timeFormat');
export const timeFormatDefaultLocale = forward('timeFormatDefaultLocale');
export const timeFormatLocale = forward('timeFormatLocale');
export const timeParse = forward('timeParse');
export const utcFormat = forward('utcFormat');
export const utcParse = forward('utcParse');
