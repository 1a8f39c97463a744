// @ts-check
/**
 * What the site's client bundle gets instead of d3-delaunay (swapped in by plotD3Lite() in
 * plot-d3-lite.mjs, for the browser build only).
 *
 * Observable Plot uses d3-delaunay for the delaunayLink, delaunayMesh, hull, voronoi and
 * voronoiMesh marks, and in the raster and contour marks' `interpolate` option (nearest,
 * barycentric, random-walk), which fills a grid from scattered points. No chart in the browser
 * draws any of those marks: the widgets' maps (logic-gates' decision regions, gradient-surface's
 * loss) are drawn with the site's own grid marks (~/charts/grid-marks.ts, since 68145d1), the
 * ravine's contours are exact ellipses, and the notebook offers none of them (notebook/plot-marks.ts).
 * The figures rendered at build time use Plot.contour with the real package (the swap is for the
 * browser build only). Both names are classes that throw a clear error when constructed or when
 * `Delaunay.from` is called: a chart that asks for them fails loudly instead of drawing nothing.
 *
 * With d3-random-lite.mjs it saved 7.5 KB gzip on each lecture page that drew a Plot contour chart
 * at the time (d3-delaunay and its dependency delaunator were about 7 KB of it).
 * d3-delaunay-lite.test.ts checks the names against d3-delaunay's, renders contour and raster
 * charts of a dense grid through the swap (gridCharts in lite-test-helpers.ts: Plot draws such a
 * grid without interpolating), and checks that `interpolate: 'none'` draws the same contours as
 * real Plot's default.
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
