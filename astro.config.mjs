// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeBaseLinks } from './src/build/rehype-base-links.mjs';
import { rehypeTableScroll } from './src/build/rehype-table-scroll.mjs';
import { rehypeMathScroll } from './src/build/rehype-math-scroll.mjs';
import { shikiContrast } from './src/build/shiki-contrast.mjs';
import { shikiCodeLabel } from './src/build/shiki-code-label.mjs';
import { csp } from './src/build/csp.mjs';
import { plotD3Lite } from './src/build/plot-d3-lite.mjs';
import { engineChunk } from './src/build/engine-chunk.mjs';
import { embedPages } from './src/build/embed-pages.mjs';

/**
 * The site can live at the root of a host or under a sub-path (e.g. BASE_PATH=/mmai5500/).
 * Every link, asset and font is built from this one value.
 */
const base = normaliseBase(process.env.BASE_PATH);

/** @param {string | undefined} raw */
function normaliseBase(raw) {
  if (!raw || raw === '/') return '/';
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed)) {
    throw new Error(`BASE_PATH "${raw}" may contain only letters, digits, ".", "_", "~", "-" and "/".`);
  }
  return `/${trimmed}/`;
}

export default defineConfig({
  base,
  // A second build (e.g. the sub-path one the tests serve) can go to its own folder.
  outDir: process.env.OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // embedPages(): /embed/<widget>/ for every widget folder (src/build/embed-pages.mjs).
  // csp() last: it fills in each built page's Content-Security-Policy and writes the notebook runner's frame.
  integrations: [preact(), mdx(), embedPages(), csp()],
  markdown: {
    remarkPlugins: [remarkMath],
    rehypePlugins: [
      [rehypeKatex, { strict: 'error', trust: false, output: 'htmlAndMathml' }],
      [rehypeBaseLinks, { base }],
      rehypeTableScroll,
      rehypeMathScroll,
    ],
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      wrap: false,
      transformers: [shikiContrast, shikiCodeLabel],
    },
  },
  vite: {
    // terser rather than esbuild: 2 % smaller gzip (activation-functions' JS 172.4 → 169.2 KB,
    // weight-updates 178.9 → 175.3), against a budget of 150 KB per lecture part.
    build: {
      assetsInlineLimit: 0,
      minify: 'terser',
      terserOptions: { ecma: 2020, module: true, compress: { passes: 3 } },
    },
    // Parts of d3 that Plot imports but the site never uses (map projections…) are left out of the
    // browser bundle: see src/build/plot-d3-lite.mjs and the lite modules it names.
    // The engine (lib/) is one chunk in the browser: see src/build/engine-chunk.mjs.
    plugins: [plotD3Lite(), engineChunk()],
  },
});
