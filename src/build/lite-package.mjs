// @ts-check
/**
 * What the lite modules share (plot-d3-lite.mjs swaps them for d3 packages in the browser build).
 *
 * lazyPackage(): a package left out of the lecture pages until asked for, as d3-scale-chromatic-lite.mjs
 * and d3-time-format-lite.mjs stand for theirs. `load()` fetches the real package once (after a
 * failed fetch the next call tries again); `get(name)` gives the real export of that name, read
 * afresh each time, or throws `d3.<name>: <notLoaded> (see <file>)` before the package is loaded.
 * The `fetch` is written in the lite module itself, `() => import('d3-…')`: plot-d3-lite.mjs lets a
 * lite module (and only a lite module) import the real package it stands for.
 *
 * notIncluded(): for a package left out for good (d3-random-lite.mjs, d3-geo-lite.mjs), a function
 * per name that throws `d3.<name>: <message> (see <file>)` when called.
 */

/**
 * @param {() => Promise<Record<string, any>>} fetch the dynamic import of the real package
 * @param {string} notLoaded what an export used before `load()` says
 * @param {string} file the lite module, named in that error
 */
export function lazyPackage(fetch, notLoaded, file) {
  /** @type {Record<string, any> | undefined} */
  let real;
  /** @type {Promise<void> | undefined} */
  let loading;
  return {
    /** Fetches the real package (once); afterwards `get` gives its exports. @returns {Promise<void>} */
    load() {
      return (loading ??= fetch().then(
        (m) => {
          real = m;
        },
        (err) => {
          loading = undefined; // a failed fetch may be tried again
          throw err;
        },
      ));
    },
    /** The real export `name`; throws until `load()` has succeeded. @param {string} name @returns {any} */
    get(name) {
      if (!real) throw new Error(`d3.${name}: ${notLoaded} (see ${file})`);
      return real[name];
    },
  };
}

/**
 * @param {string} message why the package is not there
 * @param {string} file the lite module, named in the error
 * @returns {(name: string) => (...args: unknown[]) => never}
 */
export function notIncluded(message, file) {
  return (name) => () => {
    throw new Error(`d3.${name}: ${message} (see ${file})`);
  };
}
