// @ts-check
/**
 * The site's Content-Security-Policy, in one place: the layouts put it in a <meta> at the top of
 * every page's <head> (with HASHES_TOKEN in place of the script hashes), and the build
 * (csp.mjs, `astro:build:done`) replaces the token with the hashes of that page's inline scripts.
 * The hosting guide gives the same policy as a header for nginx and Apache.
 *
 * - default-src 'self': everything comes from the site itself; no other host is ever contacted.
 * - script-src: the site's own files and the exact inline scripts Astro writes (theme before first
 *   paint, island loaders), by hash; no 'unsafe-inline', no 'unsafe-eval'.
 *   'wasm-unsafe-eval' lets the search (Pagefind) compile its WebAssembly index reader; it allows
 *   compiling WebAssembly only, not eval() or new Function() of JavaScript.
 * - style-src 'unsafe-inline': KaTeX writes its layout as style="" attributes on every formula,
 *   Observable Plot styles its SVGs with style attributes and a <style> element, and the notebook
 *   editor (CodeMirror) injects <style> elements. Styles cannot run code; the url() they could
 *   load is still limited by img-src and font-src to the site itself.
 * - img-src data:: small inline images some stylesheets use. No remote images.
 * - frame-src 'self': the widget catalogue's embeds and the notebook's sandboxed runner.
 * - object-src 'none', base-uri 'self', form-action 'self'.
 * - frame-ancestors cannot be set in a <meta> (browsers ignore it there): who may embed the pages
 *   is the host's decision, as an HTTP header (the embeds are meant for course platforms).
 */

export const HASHES_TOKEN = '__CSP_INLINE_SCRIPT_HASHES__';

/** @param {string[]} [hashes] 'sha256-…' sources for the page's inline scripts (quoted) */
export function sitePolicy(hashes = [HASHES_TOKEN]) {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
