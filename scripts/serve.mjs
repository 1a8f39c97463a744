#!/usr/bin/env node
/**
 * A plain static file server, as dumb as any web host: files from a folder, mounted under a
 * path prefix, 404.html for anything missing. The browser tests use it to prove the built site
 * needs nothing more. Like any web host it gzips text when the browser accepts it (what a reader
 * downloads, and so the page-speed numbers, depend on it). Usage: node scripts/serve.mjs <dir> <port> [prefix=/]
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir = 'dist', portText = '4321', prefixArg = '/'] = process.argv.slice(2);
const root = resolve(dir);
const prefix = `/${prefixArg.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

async function fileFor(pathname) {
  if (!pathname.startsWith(prefix)) return undefined;
  const rel = normalize(decodeURIComponent(pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root)) return undefined;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
      file = join(file, 'index.html');
      await stat(file);
    }
    return { file };
  } catch {
    return undefined;
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const found = await fileFor(url.pathname);
  if (found?.redirect) {
    res.writeHead(301, { location: found.redirect + url.search });
    res.end();
    return;
  }
  const file = found?.file ?? join(root, '404.html');
  const status = found ? 200 : 404;
  try {
    const raw = await readFile(file);
    const type = types[extname(file)] ?? 'application/octet-stream';
    const gzip =
      /^(text\/|application\/(json|xml)|image\/svg)/.test(type) &&
      /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? gzipSync(raw) : raw;
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
});
server.listen(Number(portText), '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${portText}${prefix}`);
});
