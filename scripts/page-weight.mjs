#!/usr/bin/env node
/**
 * What each built page costs a reader: bytes of HTML, CSS and JavaScript (raw and gzip), following
 * the page's stylesheets, scripts, module preloads and the islands' component and renderer
 * modules (and their static imports). Fonts are listed separately (KaTeX fetches only the faces
 * a page uses).  Usage: node scripts/page-weight.mjs [dist]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const pages = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'pagefind' && name !== '_astro') walk(path);
    } else if (name.endsWith('.html')) pages.push(path);
  }
})(dist);

const size = (file) => {
  const body = readFileSync(file);
  return { raw: body.length, gz: gzipSync(body).length };
};
const local = (url) => join(dist, url.replace(/^\/[^_]*?(?=_astro\/)/, '/').replace(/^\//, ''));

function jsClosure(start) {
  const seen = new Set();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(join(file, '..', m[1]));
  }
  return [...seen];
}

const rows = [];
for (const page of pages.sort()) {
  const html = readFileSync(page, 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => local(m[1]));
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/component-url="([^"]+)"/g),
    ...html.matchAll(/renderer-url="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => local(m[1]));
  const inline = [...html.matchAll(/<script(?![^>]*src)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  const js = jsClosure(scripts);
  const sum = (files) =>
    files.reduce((a, f) => ({ raw: a.raw + size(f).raw, gz: a.gz + size(f).gz }), { raw: 0, gz: 0 });
  const h = size(page);
  const c = sum(css);
  const j = sum(js);
  const inl = { raw: inline.length, gz: gzipSync(inline).length };
  rows.push({
    page: '/' + relative(dist, page).replace(/index\.html$/, ''),
    html: h,
    css: c,
    js: { raw: j.raw + inl.raw, gz: j.gz + inl.gz },
    files: js.length,
  });
}
const kb = (n) => (n / 1024).toFixed(1).padStart(6);
console.log('page'.padEnd(46), 'HTML gz', ' CSS gz', '  JS gz', '  JS raw', ' JS files');
for (const r of rows)
  console.log(r.page.padEnd(46), kb(r.html.gz), ' ', kb(r.css.gz), ' ', kb(r.js.gz), ' ', kb(r.js.raw), '  ', r.files);
console.log('(kB; JS includes inline scripts and every module an island loads when it hydrates)');
