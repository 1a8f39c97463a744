// @ts-check
/**
 * Content-Security-Policy at build time (an Astro integration, `astro:build:done`):
 * 1. every HTML page of the build has the layouts' <meta http-equiv="Content-Security-Policy">
 *    with HASHES_TOKEN; it is replaced by the SHA-256 hashes of that page's inline scripts, so the
 *    policy allows exactly the scripts the build wrote and nothing injected later. A page without
 *    the meta (or with a script before it) fails the build.
 * 2. the notebook runner's sandboxed frame document (runner-frame.mjs) is written to the site.
 *
 * Why not Astro's own experimental CSP: it hashes styles as well, and a style-src with hashes
 * ignores 'unsafe-inline', which KaTeX, Observable Plot and CodeMirror need (see csp-policy.mjs).
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HASHES_TOKEN } from './csp-policy.mjs';
import { RUNNER_FRAME_FILE, runnerFrameHtml } from '../notebook/runner-frame.mjs';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/** The text of every inline script (a <script> without src) of a page, as the browser hashes it. */
export function inlineScripts(html) {
  const out = [];
  for (const m of html.matchAll(SCRIPT)) if (!/\bsrc\s*=/i.test(m[1] ?? '')) out.push(m[2] ?? '');
  return out;
}

/** @param {string} source */
export function scriptHash(source) {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** The page with its policy filled in. Throws when the page has no policy meta before its first script. */
export function fillPolicy(html, file = 'page') {
  const meta = META.exec(html);
  if (!meta || !meta[1]?.includes(HASHES_TOKEN))
    throw new Error(`${file}: no <meta http-equiv="Content-Security-Policy"> with the build's hash token`);
  const firstScript = html.search(/<script\b/i);
  if (firstScript !== -1 && firstScript < meta.index)
    throw new Error(`${file}: a <script> comes before the Content-Security-Policy meta`);
  const hashes = [...new Set(inlineScripts(html).map(scriptHash))];
  return html.replace(META, (whole) => whole.replace(HASHES_TOKEN, hashes.join(' ')));
}

/** @param {string} dir @returns {Promise<string[]>} */
async function htmlFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return htmlFiles(path);
      return Promise.resolve(e.name.endsWith('.html') ? [path] : []);
    }),
  );
  return nested.flat();
}

/** @returns {import('astro').AstroIntegration} */
export function csp() {
  return {
    name: 'feedforward-csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = await htmlFiles(root);
        let scripts = 0;
        for (const file of files) {
          const html = await readFile(file, 'utf8');
          scripts += inlineScripts(html).length;
          await writeFile(file, fillPolicy(html, relative(root, file)));
        }
        await writeFile(join(root, RUNNER_FRAME_FILE), runnerFrameHtml());
        logger.info(`policy in ${files.length} pages (${scripts} inline scripts hashed); ${RUNNER_FRAME_FILE} written`);
      },
    },
  };
}
