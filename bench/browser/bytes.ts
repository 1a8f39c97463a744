/**
 * Page weight: gzip bytes of the JavaScript a lecture page loads before the reader scrolls, and
 * once every `client:visible` island has hydrated. scripts/serve.mjs does not compress, so each
 * body is gzipped here (level 9), as a host that compresses would send it.
 */
import type { Browser, Response } from 'playwright-core';
import { gzipSize, networkQuiet, newContext, scrollThrough } from './common.ts';

export const BEFORE_LIMIT = 5 * 1024;
export const AFTER_LIMIT = 150 * 1024;

export interface BytesResult {
  page: string;
  /** gzip bytes of JS loaded before scrolling */
  jsBefore: number;
  /** gzip bytes of JS once the whole page has been scrolled through */
  jsAfter: number;
  /** gzip bytes of every response (HTML, CSS, fonts, JS…) once scrolled through */
  allAfter: number;
  /** islands that had not hydrated when measured (0 normally) */
  notHydrated: number;
  /** JS files loaded by the end, largest first: path, gzip bytes, and whether it was loaded before scrolling */
  scripts: { file: string; gzip: number; beforeScrolling: boolean }[];
}

const isScript = (r: Response) =>
  r.request().resourceType() === 'script' || /javascript/.test(r.headers()['content-type'] ?? '');

export async function measureBytes(browser: Browser, base: string, page: string): Promise<BytesResult> {
  const context = await newContext(browser);
  const tab = await context.newPage();
  const loaded: { file: string; script: boolean; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  tab.on('response', (r) => {
    pending.push(
      r
        .body()
        .then(
          (body) => void loaded.push({ file: new URL(r.url()).pathname, script: isScript(r), gzip: gzipSize(body) }),
        )
        .catch(() => undefined), // redirects have no body
    );
  });
  const sum = (script: boolean | undefined) =>
    loaded.filter((l) => script === undefined || l.script === script).reduce((s, l) => s + l.gzip, 0);

  const quiet = networkQuiet(tab);
  await tab.goto(base + page, { waitUntil: 'load' });
  await quiet;
  await Promise.all(pending);
  const jsBefore = sum(true);
  const early = new Set(loaded.map((l) => l.file));
  const notHydrated = await scrollThrough(tab);
  await Promise.all(pending);
  await context.close();
  return {
    page,
    jsBefore,
    jsAfter: sum(true),
    allAfter: sum(undefined),
    notHydrated,
    scripts: loaded
      .filter((l) => l.script)
      .sort((a, b) => b.gzip - a.gzip)
      .map(({ file, gzip }) => ({ file, gzip, beforeScrolling: early.has(file) })),
  };
}
