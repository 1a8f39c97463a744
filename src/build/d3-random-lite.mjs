// @ts-check
/**
 * What the site's client bundle gets instead of d3-random (swapped in by plotD3Lite() in
 * plot-d3-lite.mjs, for the browser build only).
 *
 * Observable Plot calls only randomLcg, for a seeded random source: in the shuffle transform
 * (Plot.shuffle with a `seed`) and in the raster and contour marks' barycentric and random-walk
 * interpolators (which also need d3-delaunay, see d3-delaunay-lite.mjs). No chart in the browser
 * uses either: the widgets draw their maps with the site's own grid marks (~/charts/grid-marks.ts)
 * and the notebook offers marks only, none of them raster or contour (notebook/plot-marks.ts).
 * Every name is a function that throws a clear error if called.
 *
 * With d3-delaunay-lite.mjs it saved 7.5 KB gzip on the pages that drew Plot contour charts at the
 * time (d3-random was about 1.3 KB of it). d3-delaunay-lite.test.ts checks the names against
 * d3-random's and renders contour and raster charts of a dense grid through the swap
 * (gridCharts in lite-test-helpers.ts).
 */
import { notIncluded as stubs } from './lite-package.mjs';

export const NOT_INCLUDED =
  "seeded random numbers (Plot.shuffle with a seed, raster/contour `interpolate` of scattered points) are not included in this site's Plot build";

const notIncluded = stubs(NOT_INCLUDED, 'src/build/d3-random-lite.mjs');

export const randomBates = notIncluded('randomBates');
export const randomBernoulli = notIncluded('randomBernoulli');
export const randomBeta = notIncluded('randomBeta');
export const randomBinomial = notIncluded('randomBinomial');
export const randomCauchy = notIncluded('randomCauchy');
export const randomExponential = notIncluded('randomExponential');
export const randomGamma = notIncluded('randomGamma');
export const randomGeometric = notIncluded('randomGeometric');
export const randomInt = notIncluded('randomInt');
export const randomIrwinHall = notIncluded('randomIrwinHall');
export const randomLcg = notIncluded('randomLcg');
export const randomLogNormal = notIncluded('randomLogNormal');
export const randomLogistic = notIncluded('randomLogistic');
export const randomNormal = notIncluded('randomNormal');
export const randomPareto = notIncluded('randomPareto');
export const randomPoisson = notIncluded('randomPoisson');
export const randomUniform = notIncluded('randomUniform');
export const randomWeibull = notIncluded('randomWeibull');
