// @ts-check
/**
 * A Vite plugin: in the browser build, every import of one of the d3 packages in LITE_MODULES
 * (Observable Plot reaches them through 'd3') resolves to the site's "lite" module for it instead,
 * which keeps what the site's charts call and replaces the rest by functions that throw a clear
 * error. Each lite module says what Plot uses the package for, what leaving it out saves and why
 * that is safe. The server build (figures rendered at build time) keeps the real packages.
 */
import { fileURLToPath } from 'node:url';

const here = (/** @type {string} */ file) => fileURLToPath(new URL(file, import.meta.url));

/** Which d3 package the browser build swaps for which lite module (absolute paths). */
export const LITE_MODULES = Object.freeze({
  'd3-geo': here('./d3-geo-lite.mjs'),
  'd3-delaunay': here('./d3-delaunay-lite.mjs'),
  'd3-random': here('./d3-random-lite.mjs'),
  'd3-scale-chromatic': here('./d3-scale-chromatic-lite.mjs'),
  'd3-time-format': here('./d3-time-format-lite.mjs'),
});

const LITE_FILES = new Set(Object.values(LITE_MODULES));

/**
 * @param {{ ssr?: boolean }} [options] `ssr: true` swaps in server-side module loading as well
 *   (for the unit tests that render Plot through the swap).
 * @returns {import('vite').Plugin}
 */
export function plotD3Lite({ ssr = false } = {}) {
  return {
    name: 'feedforward:plot-d3-lite',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (!Object.hasOwn(LITE_MODULES, source)) return null;
      if (options?.ssr && !ssr) return null;
      // A lite module may import the real package it stands for (d3-geo-lite re-exports geoPath…).
      if (importer && LITE_FILES.has(importer.split('?')[0] ?? '')) return null;
      return LITE_MODULES[/** @type {keyof typeof LITE_MODULES} */ (source)];
    },
  };
}
