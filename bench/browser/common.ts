/**
 * What every browser measurement shares: the built site served as a web host would serve it,
 * Debian's chromium driven by playwright-core, the list of pages, and a few pure helpers
 * (percentile, gzip size, tables, the machine's load).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS = path.join(ROOT, 'bench/results');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const log = (s = '') => process.stdout.write(s + '\n');

// ------------------------------------------------------------------------------------------
// pure helpers
// ------------------------------------------------------------------------------------------

/** The p-th percentile (0–100) with linear interpolation between the closest ranks (as numpy's default). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

/** Bytes of `body` once gzipped at level 9 — what a host that compresses would send. */
export function gzipSize(body: Buffer | string): number {
  return gzipSync(body, { level: 9 }).length;
}

/** A built file's short name: no folder, no content hash, no Astro script suffix. */
export const shortName = (file: string) =>
  (file.split('/').pop() ?? file)
    .replace(/\.[\w-]{8}\.js$/, '')
    .replace(/\.astro_astro_type_script_index_\d+_lang$/, ' script');

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
export const mark = (ok: boolean) => (ok ? 'yes' : '**no**');

/**
 * Markdown table, padded so it also reads as plain text. `align` has one letter per column, l or r;
 * by default the first column is left-aligned and the others right.
 */
export function table(header: string[], rows: string[][], align = 'l' + 'r'.repeat(header.length - 1)): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const right = (c: number) => align[c] === 'r';
  const line = (cells: string[]) =>
    '| ' + cells.map((cell, c) => (right(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, c) => (right(c) ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [line(header), sep, ...rows.map(line)].join('\n');
}

/** `--name value` or `--name=value` from the command line. */
export function flag(args: readonly string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
}

export function loadAverage(): string {
  const [a, b, c] = os.loadavg().map((x) => x.toFixed(2));
  return `${a}, ${b}, ${c} (1, 5, 15 min) on ${os.cpus().length} cores`;
}

export function writeResults(name: string, data: unknown): string {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, name);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return path.relative(ROOT, file);
}

// ------------------------------------------------------------------------------------------
// the site
// ------------------------------------------------------------------------------------------

/** Fails with a clear message unless `dist/` holds a build: the bench builds nothing itself. */
export function distDir(): string {
  const dist = path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    process.stderr.write(
      `No build in ${dist}. The browser bench measures the built site: run \`npm run build\` first.\n`,
    );
    process.exit(1);
  }
  return dist;
}

/**
 * Every page of the built site as a path with a trailing slash ('' is the home page), sorted;
 * widget embeds and presenter slides are not pages a reader reads.
 */
export function sitePages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const sub = path.join(dir, entry.name);
      const rel = path.relative(dist, sub).split(path.sep).join('/');
      if (['_astro', 'pagefind', 'embed', 'present'].includes(rel)) continue;
      if (fs.existsSync(path.join(sub, 'index.html'))) pages.push(`${rel}/`);
      walk(sub);
    }
  };
  walk(dist);
  return ['', ...pages.sort()];
}

export const lecturePages = (pages: readonly string[]) => pages.filter((p) => p.startsWith('lectures/'));

/** Serves `dir` with scripts/serve.mjs (the same dumb host the browser tests use); resolves once it answers. */
export async function serve(dir: string, port: number): Promise<{ base: string; close: () => void }> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), dir, String(port), '/'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}/`;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve.mjs exited (${code}); is port ${port} taken?`)));
    child.stdout!.once('data', () => resolve());
  });
  return { base, close: () => child.kill() };
}

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * A fresh context (empty cache) at this viewport. tsx compiles with esbuild's keepNames, which
 * wraps named inner functions in `__name(…)`; functions we send into the page need it defined there.
 */
export async function newContext(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript('globalThis.__name = (f) => f;');
  return context;
}

/** Resolves once no request has been in flight for `quietMs` (or after `timeoutMs`). */
export function networkQuiet(page: Page, quietMs = 500, timeoutMs = 15_000): Promise<void> {
  let inFlight = 0;
  let last = Date.now();
  const start = () => {
    inFlight++;
    last = Date.now();
  };
  const end = () => {
    inFlight = Math.max(0, inFlight - 1);
    last = Date.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  const t0 = Date.now();
  return new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if ((inFlight === 0 && Date.now() - last >= quietMs) || Date.now() - t0 > timeoutMs) {
        clearInterval(timer);
        page.off('request', start);
        page.off('requestfinished', end);
        page.off('requestfailed', end);
        resolve();
      }
    }, 50);
  });
}

/**
 * Scrolls through the whole page (re-reading its height, which grows as widgets hydrate) so every
 * `client:visible` island hydrates; waits for them and for the network. Returns how many islands
 * were still not hydrated (0 normally).
 */
export async function scrollThrough(page: Page, pauseMs = 100): Promise<number> {
  const step = await page.evaluate(() => Math.round(innerHeight * 0.75));
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += step) {
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
    await page.waitForTimeout(pauseMs);
  }
  await page
    .waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 20_000 })
    .catch(() => undefined);
  await networkQuiet(page);
  return page.evaluate(() => document.querySelectorAll('astro-island[ssr]').length);
}
