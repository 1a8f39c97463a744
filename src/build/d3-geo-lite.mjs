// @ts-check
/**
 * What the site's client bundle gets instead of d3-geo (swapped in by plotD3Lite() in plot-d3-lite.mjs,
 * for the browser build only).
 *
 * Observable Plot imports d3-geo for map projections (the `projection` option, Plot.geo,
 * Plot.graticule, the centroid transforms). No widget, figure or notebook mark of this site uses
 * them, but Plot's projection table names every projection, so all of them were bundled into the
 * chunk every lecture page shares. Plot without a `projection` option calls only geoPath (contour
 * and density marks draw their polygons with geoPath(), plot.js builds context.path() from it),
 * geoTransform and geoStream (projection.js, used only with a projection) — these three are the
 * real d3-geo functions. Every other name is a function that throws a clear error if called:
 * map projections fail loudly instead of drawing nothing.
 *
 * Saves 7.7 KB gzip on every page that draws a chart (Plot's shared chunk 86.4 → 78.6 KB; bench/README.md).
 * d3-geo-lite.test.ts renders Plot charts through this swap and fails if Plot starts calling any
 * of the stubbed functions on the path of a chart without a projection, or if d3-geo's names change.
 */
export { geoPath, geoStream, geoTransform } from 'd3-geo';
import { notIncluded as stubs } from './lite-package.mjs';

export const NOT_INCLUDED = "map projections are not included in this site's Plot build";

const notIncluded = stubs(NOT_INCLUDED, 'src/build/d3-geo-lite.mjs');

export const geoAlbers = notIncluded('geoAlbers');
export const geoAlbersUsa = notIncluded('geoAlbersUsa');
export const geoArea = notIncluded('geoArea');
export const geoAzimuthalEqualArea = notIncluded('geoAzimuthalEqualArea');
export const geoAzimuthalEqualAreaRaw = notIncluded('geoAzimuthalEqualAreaRaw');
export const geoAzimuthalEquidistant = notIncluded('geoAzimuthalEquidistant');
export const geoAzimuthalEquidistantRaw = notIncluded('geoAzimuthalEquidistantRaw');
export const geoBounds = notIncluded('geoBounds');
export const geoCentroid = notIncluded('geoCentroid');
export const geoCircle = notIncluded('geoCircle');
export const geoClipAntimeridian = notIncluded('geoClipAntimeridian');
export const geoClipCircle = notIncluded('geoClipCircle');
export const geoClipExtent = notIncluded('geoClipExtent');
export const geoClipRectangle = notIncluded('geoClipRectangle');
export const geoConicConformal = notIncluded('geoConicConformal');
export const geoConicConformalRaw = notIncluded('geoConicConformalRaw');
export const geoConicEqualArea = notIncluded('geoConicEqualArea');
export const geoConicEqualAreaRaw = notIncluded('geoConicEqualAreaRaw');
export const geoConicEquidistant = notIncluded('geoConicEquidistant');
export const geoConicEquidistantRaw = notIncluded('geoConicEquidistantRaw');
export const geoContains = notIncluded('geoContains');
export const geoDistance = notIncluded('geoDistance');
export const geoEqualEarth = notIncluded('geoEqualEarth');
export const geoEqualEarthRaw = notIncluded('geoEqualEarthRaw');
export const geoEquirectangular = notIncluded('geoEquirectangular');
export const geoEquirectangularRaw = notIncluded('geoEquirectangularRaw');
export const geoGnomonic = notIncluded('geoGnomonic');
export const geoGnomonicRaw = notIncluded('geoGnomonicRaw');
export const geoGraticule = notIncluded('geoGraticule');
export const geoGraticule10 = notIncluded('geoGraticule10');
export const geoIdentity = notIncluded('geoIdentity');
export const geoInterpolate = notIncluded('geoInterpolate');
export const geoLength = notIncluded('geoLength');
export const geoMercator = notIncluded('geoMercator');
export const geoMercatorRaw = notIncluded('geoMercatorRaw');
export const geoNaturalEarth1 = notIncluded('geoNaturalEarth1');
export const geoNaturalEarth1Raw = notIncluded('geoNaturalEarth1Raw');
export const geoOrthographic = notIncluded('geoOrthographic');
export const geoOrthographicRaw = notIncluded('geoOrthographicRaw');
export const geoProjection = notIncluded('geoProjection');
export const geoProjectionMutator = notIncluded('geoProjectionMutator');
export const geoRotation = notIncluded('geoRotation');
export const geoStereographic = notIncluded('geoStereographic');
export const geoStereographicRaw = notIncluded('geoStereographicRaw');
export const geoTransverseMercator = notIncluded('geoTransverseMercator');
export const geoTransverseMercatorRaw = notIncluded('geoTransverseMercatorRaw');
