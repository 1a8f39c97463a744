// @ts-check
/**
 * A Vite plugin: in the browser build, the NN engine (`lib/`, pure TypeScript with no styles) is
 * one chunk instead of one per module. Rollup otherwise splits it along the lines of which
 * widgets share which module, into a dozen chunks of 0.3–1.6 KB (each activation function, the
 * matrix products, the losses…): every one costs a request, gzip's per-file overhead and the
 * import lists between them. A page with any training widget loads nearly all of the engine
 * anyway. Only `lib/` is grouped: the widgets' chunks carry their stylesheets, whose <link>s
 * Astro writes per chunk (merging those — Rollup's experimentalMinChunkSize — lost them).
 */
import { fileURLToPath } from 'node:url';

const LIB = fileURLToPath(new URL('../../lib/', import.meta.url));

/**
 * Two groups of the engine's modules, each one chunk: what every page with a network loads
 * together (the network, its layers and activations, the products, the data sets), and the
 * matrix with the losses, which the loss-functions part needs without any network. A module
 * named in neither goes where Rollup puts it (the training loop, the optimisers…). Order
 * matters: the first group whose prefix matches wins.
 */
export const ENGINE_CHUNKS = Object.freeze({
  matrix: ['matrix.ts', 'losses.ts', 'kernels/underflow.ts'],
  engine: ['activations/', 'kernels/', 'network.ts', 'dense.ts', 'init.ts', 'products.ts', 'random.ts', 'data.ts'],
});

/** The chunk an engine module goes to (see ENGINE_CHUNKS), or undefined for Rollup's choice. */
export function engineChunkOf(/** @type {string} */ id) {
  if (!id.startsWith(LIB) || id.endsWith('.test.ts')) return undefined;
  const file = id.slice(LIB.length);
  for (const [chunk, prefixes] of Object.entries(ENGINE_CHUNKS)) {
    if (prefixes.some((prefix) => file.startsWith(prefix))) return chunk;
  }
  return undefined;
}

/** @returns {import('vite').Plugin} */
export function engineChunk() {
  return {
    name: 'feedforward:engine-chunk',
    config(_config, env) {
      if (env.isSsrBuild) return;
      return { build: { rollupOptions: { output: { manualChunks: engineChunkOf } } } };
    },
  };
}
