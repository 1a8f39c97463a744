// @ts-check
/**
 * What the site's client bundle gets instead of d3-scale-chromatic (swapped in by plotD3Lite() in
 * plot-d3-lite.mjs, for the browser build only).
 *
 * Observable Plot uses d3-scale-chromatic for its colour schemes (the `scheme` option of a colour
 * scale) and for the default colours of a colour scale given no `range` (turbo for a continuous
 * scale, RdBu for a diverging one, observable10 for categories, greys for booleans). Every chart of
 * the site's widgets gives its colours itself: constant colours (CSS variables) or a colour scale
 * with an explicit `range`; the maps (logic-gates, gradient-surface) are drawn with the site's own
 * grid marks, which take their colour stops explicitly. So on a lecture page no scheme is ever read.
 * The notebook is different: a reader's cell may ask for any scheme, so before it draws a plot the
 * notebook calls loadColorSchemes(), which fetches the real d3-scale-chromatic as a chunk of its
 * own and makes every export here answer as the real one does.
 *
 * Until then, every interpolator here is a function and every scheme an array-like Proxy that
 * throws a clear error when called or read. Plot's schemes.js only files these away in Maps (and
 * in closures: scheme9, scheme11…) when it loads; it reads them only when a chart uses a scheme,
 * so loading Plot works and a chart that needs a scheme on a page that did not load them fails
 * loudly instead of drawing without colours.
 *
 * Saves 6.0–6.1 KB gzip on every lecture page that draws a chart: Plot's shared chunk was 76.7 KB;
 * it is now 64.6 KB plus a 5.9 KB chunk of d3-color and d3-interpolate, which Rollup splits out
 * because the real d3-scale-chromatic (7.2 KB, fetched only by the notebook) needs them too. Both
 * are imported by each widget's own chunk, so the browser fetches them side by side.
 * d3-scale-chromatic-lite.test.ts checks the names against d3-scale-chromatic's, renders charts
 * of the site's kinds through the swap without loading the schemes, and checks that after
 * loadColorSchemes() Plot draws every scheme exactly as with the real package.
 */
import { lazyPackage } from './lite-package.mjs';

export const NOT_LOADED =
  "Plot's colour schemes are not loaded on this page (the site's widgets give their colours as a range; the notebook calls loadPlotExtras() first)";

const real = lazyPackage(() => import('d3-scale-chromatic'), NOT_LOADED, 'src/build/d3-scale-chromatic-lite.mjs');

/** Fetches the real d3-scale-chromatic (once); afterwards every export here behaves as its own. */
export const loadColorSchemes = real.load;

/** @param {string} name */
const realExport = (name) => real.get(name);

/** @param {string} name @returns {(t: number) => string} */
function interpolator(name) {
  return (t) => realExport(name)(t);
}

/**
 * An array that reads through to the real scheme of that name (an array of colours, or for the
 * sequential and diverging schemes an array indexed by the number of colours).
 * @param {string} name
 * @returns {readonly any[]}
 */
function scheme(name) {
  /** @type {ProxyHandler<any[]>} */
  const handler = {
    get(_target, key) {
      const array = realExport(name);
      const value = Reflect.get(array, key);
      return typeof value === 'function' ? value.bind(array) : value;
    },
    has: (_target, key) => Reflect.has(realExport(name), key),
    ownKeys: () => Reflect.ownKeys(realExport(name)),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(realExport(name), key),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  };
  return new Proxy([], handler);
}

export const interpolateBlues = interpolator('interpolateBlues');
export const interpolateBrBG = interpolator('interpolateBrBG');
export const interpolateBuGn = interpolator('interpolateBuGn');
export const interpolateBuPu = interpolator('interpolateBuPu');
export const interpolateCividis = interpolator('interpolateCividis');
export const interpolateCool = interpolator('interpolateCool');
export const interpolateCubehelixDefault = interpolator('interpolateCubehelixDefault');
export const interpolateGnBu = interpolator('interpolateGnBu');
export const interpolateGreens = interpolator('interpolateGreens');
export const interpolateGreys = interpolator('interpolateGreys');
export const interpolateInferno = interpolator('interpolateInferno');
export const interpolateMagma = interpolator('interpolateMagma');
export const interpolateOrRd = interpolator('interpolateOrRd');
export const interpolateOranges = interpolator('interpolateOranges');
export const interpolatePRGn = interpolator('interpolatePRGn');
export const interpolatePiYG = interpolator('interpolatePiYG');
export const interpolatePlasma = interpolator('interpolatePlasma');
export const interpolatePuBu = interpolator('interpolatePuBu');
export const interpolatePuBuGn = interpolator('interpolatePuBuGn');
export const interpolatePuOr = interpolator('interpolatePuOr');
export const interpolatePuRd = interpolator('interpolatePuRd');
export const interpolatePurples = interpolator('interpolatePurples');
export const interpolateRainbow = interpolator('interpolateRainbow');
export const interpolateRdBu = interpolator('interpolateRdBu');
export const interpolateRdGy = interpolator('interpolateRdGy');
export const interpolateRdPu = interpolator('interpolateRdPu');
export const interpolateRdYlBu = interpolator('interpolateRdYlBu');
export const interpolateRdYlGn = interpolator('interpolateRdYlGn');
export const interpolateReds = interpolator('interpolateReds');
export const interpolateSinebow = interpolator('interpolateSinebow');
export const interpolateSpectral = interpolator('interpolateSpectral');
export const interpolateTurbo = interpolator('interpolateTurbo');
export const interpolateViridis = interpolator('interpolateViridis');
export const interpolateWarm = interpolator('interpolateWarm');
export const interpolateYlGn = interpolator('interpolateYlGn');
export const interpolateYlGnBu = interpolator('interpolateYlGnBu');
export const interpolateYlOrBr = interpolator('interpolateYlOrBr');
export const interpolateYlOrRd = interpolator('interpolateYlOrRd');

export const schemeAccent = scheme('schemeAccent');
export const schemeBlues = scheme('schemeBlues');
export const schemeBrBG = scheme('schemeBrBG');
export const schemeBuGn = scheme('schemeBuGn');
export const schemeBuPu = scheme('schemeBuPu');
export const schemeCategory10 = scheme('schemeCategory10');
export const schemeDark2 = scheme('schemeDark2');
export const schemeGnBu = scheme('schemeGnBu');
export const schemeGreens = scheme('schemeGreens');
export const schemeGreys = scheme('schemeGreys');
export const schemeObservable10 = scheme('schemeObservable10');
export const schemeOrRd = scheme('schemeOrRd');
export const schemeOranges = scheme('schemeOranges');
export const schemePRGn = scheme('schemePRGn');
export const schemePaired = scheme('schemePaired');
export const schemePastel1 = scheme('schemePastel1');
export const schemePastel2 = scheme('schemePastel2');
export const schemePiYG = scheme('schemePiYG');
export const schemePuBu = scheme('schemePuBu');
export const schemePuBuGn = scheme('schemePuBuGn');
export const schemePuOr = scheme('schemePuOr');
export const schemePuRd = scheme('schemePuRd');
export const schemePurples = scheme('schemePurples');
export const schemeRdBu = scheme('schemeRdBu');
export const schemeRdGy = scheme('schemeRdGy');
export const schemeRdPu = scheme('schemeRdPu');
export const schemeRdYlBu = scheme('schemeRdYlBu');
export const schemeRdYlGn = scheme('schemeRdYlGn');
export const schemeReds = scheme('schemeReds');
export const schemeSet1 = scheme('schemeSet1');
export const schemeSet2 = scheme('schemeSet2');
export const schemeSet3 = scheme('schemeSet3');
export const schemeSpectral = scheme('schemeSpectral');
export const schemeTableau10 = scheme('schemeTableau10');
export const schemeYlGn = scheme('schemeYlGn');
export const schemeYlGnBu = scheme('schemeYlGnBu');
export const schemeYlOrBr = scheme('schemeYlOrBr');
export const schemeYlOrRd = scheme('schemeYlOrRd');
