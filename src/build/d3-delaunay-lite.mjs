// @ts-check
/**
 * What the site's client bundle gets instead of d3-delaunay (swapped in by plotD3Lite() in
 * plot-d3-lite.mjs, for the browser build only).
 *
 * Observable Plot uses d3-delaunay for the delaunayLink, delaunayMesh, hull, voronoi and
 * voronoiMesh marks, and in the raster and contour marks' `interpolate` option (nearest,
 * barycentric, random-walk), which fills a grid from scattered points. The site draws none of
 * those marks, and its raster and contour marks are given a dense grid (a `width` × `height` array
 * of values, or a function sampled at every pixel), which Plot draws without interpolating; the
 * notebook offers no raster, contour or Delaunay mark. Both names are classes that throw a clear
 * error when constructed or when `Delaunay.from` is called: a chart that asks for them fails
 * loudly instead of drawing nothing.
 *
 * With d3-random-lite.mjs it saves 7.5 KB gzip on each lecture page with the logic-gates,
 * gradient-surface or momentum widget: their shared contour chunk went from 13.5 to 6.0 KB
 * (d3-delaunay and its dependency delaunator were about 7 KB of it). gradient-surface and momentum
 * pass `interpolate: 'none'` to their Plot.contour of a dense grid, since Plot's default for
 * contour data ("nearest") would triangulate it only to give each cell its own value.
 * d3-delaunay-lite.test.ts checks the names against d3-delaunay's, renders contour and raster
 * charts of a grid through the swap (gridCharts in lite-test-helpers.ts; no widget has drawn them
 * with Plot's marks since 68145d1), and checks that `interpolate: 'none'` draws the same
 * contours as real Plot's default.
 */

export const NOT_INCLUDED =
  "Delaunay triangulation (Plot's Delaunay and Voronoi marks, raster/contour `interpolate` of scattered points) is not included in this site's Plot build";

/** @param {string} name @returns {never} */
function notIncluded(name) {
  throw new Error(`d3.${name}: ${NOT_INCLUDED} (see src/build/d3-delaunay-lite.mjs)`);
}

export class Delaunay {
  constructor() {
    notIncluded('Delaunay');
  }
  /** @returns {never} */
  static from() {
    return notIncluded('Delaunay.from');
  }
}

export class Voronoi {
  constructor() {
    notIncluded('Voronoi');
  }
}
