// @ts-check
/**
 * A Vite plugin: in the browser build, every import of 'd3-geo' (Plot reaches it through 'd3')
 * resolves to d3-geo-lite.mjs, which keeps the three d3-geo functions Plot calls without a
 * `projection` and replaces the map projections by functions that throw. Why, and what it saves:
 * see d3-geo-lite.mjs. The server build (figures rendered at build time) keeps the real d3-geo.
 */
import { fileURLToPath } from 'node:url';

export const D3_GEO_LITE = fileURLToPath(new URL('./d3-geo-lite.mjs', import.meta.url));

/**
 * @param {{ ssr?: boolean }} [options] `ssr: true` swaps in server-side module loading as well
 *   (for the unit test that renders Plot through the swap).
 * @returns {import('vite').Plugin}
 */
export function plotWithoutProjections({ ssr = false } = {}) {
  return {
    name: 'feedforward:plot-without-projections',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (source !== 'd3-geo') return null;
      if (options?.ssr && !ssr) return null;
      // d3-geo-lite.mjs itself imports the real d3-geo.
      if (importer && importer.split('?')[0] === D3_GEO_LITE) return null;
      return D3_GEO_LITE;
    },
  };
}
