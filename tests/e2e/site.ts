import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { Schema } from '../../src/widgets/shared/url-state';

/** Every page of the site, relative to the base URL (the tests run at / and under a sub-path). */
export const PARTS = [
  'architectures',
  'forward-pass',
  'activation-functions',
  'loss-functions',
  'backward-pass',
  'weight-updates',
  'terminology',
] as const;
export const LECTURE = 'lectures/02-feedforward/';
export const TUTORIALS = ['network-from-scratch', 'learning-rate'] as const;
export const PAGES = [
  '',
  LECTURE,
  ...PARTS.map((p) => `${LECTURE}${p}/`),
  'glossary/',
  'search/',
  'tutorials/',
  ...TUTORIALS.map((t) => `tutorials/${t}/`),
];

/** What went wrong while a page was open: console errors, failed requests, requests to other hosts. */
export interface Watch {
  problems: string[];
  /** Every URL the page asked for. */
  requests: string[];
}

export const test = base.extend<{ watch: Watch }>({
  watch: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const watch: Watch = { problems: [], requests: [] };
    page.on('console', (msg) => {
      if (msg.type() === 'error') watch.problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => watch.problems.push(`page error: ${err.message}`));
    page.on('request', (req) => {
      watch.requests.push(req.url());
      const url = new URL(req.url());
      if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin) {
        watch.problems.push(`request to another host: ${req.url()}`);
      }
    });
    page.on('requestfailed', (req) => {
      // ERR_ABORTED is a request the browser cancelled because the test navigated on (e.g. the
      // favicon of the previous page); a missing file shows up as an HTTP status below instead.
      const reason = req.failure()?.errorText ?? '';
      if (reason !== 'net::ERR_ABORTED') watch.problems.push(`failed request: ${req.url()} (${reason})`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) watch.problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    await use(watch);
  },
});

export { expect };

/** Set the colour scheme the way a reader's system would, before the page loads. */
export async function useScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
}

/** Open a page and wait until the named widget has hydrated (its island lost the `ssr` marker). */
export async function openWidget(page: Page, path: string, name: string) {
  await page.goto(path);
  const widget = page.locator(`astro-island:not([ssr]) [data-widget="${name}"]`);
  await widget.waitFor();
  return widget;
}

/**
 * What a widget reports about itself: the JSON in its `data-report` attribute ({} before the first
 * report). Typed as numbers by default, the usual case, so a spec can do arithmetic on them; a spec
 * whose report holds other kinds names its type.
 */
export async function report<T = Record<string, number>>(widget: Locator): Promise<T> {
  return JSON.parse((await widget.getAttribute('data-report')) ?? '{}') as T;
}

/** The `d` of every path a widget's Plot charts drew (to compare before and after, or look for NaN). */
export function chartPaths(widget: Locator): Promise<string[]> {
  return widget.locator('.chart__plot svg path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
}

/** Bars really drawn in a chart: rects (not a clip path's) at least a pixel wide and tall, painted. */
export function drawnBars(chart: Locator): Promise<number> {
  return chart.locator('rect').evaluateAll(
    (rects) =>
      rects.filter((el) => {
        if (el.closest('clipPath, defs')) return false;
        const box = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        const painted = (cs.fill !== 'none' && Number(cs.fillOpacity) > 0) || cs.stroke !== 'none';
        return box.width >= 1 && box.height >= 1 && painted && cs.visibility === 'visible' && Number(cs.opacity) > 0;
      }).length,
  );
}

/** Opens every <details> on the page (so axe also checks what they hide). */
export async function openDetails(page: Page): Promise<void> {
  await page.$$eval('details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

/** axe's violations on the page, one line each: `<label> <rule>: <count>× <first element>`. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${label} ${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`);
}

/** How many pixels the page is wider than the window (0 or less: no sideways scrolling). */
export function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Remembers the elements `drawn` matches now (a widget's Plot charts, say); `stay()` tells whether
 * every one of them is still in the page. A chart drawn again is a new element, so a widget whose
 * input should move only a chart's overlay keeps `stay()` true.
 */
export async function remember(drawn: Locator): Promise<{ count: number; stay: () => Promise<boolean> }> {
  const key = `remembered-${Math.random()}`;
  const count = await drawn.evaluateAll((els, k) => {
    (window as unknown as Record<string, Element[]>)[k] = els;
    return els.length;
  }, key);
  const stay = () =>
    drawn
      .page()
      .evaluate((k) => (window as unknown as Record<string, Element[]>)[k]!.every((el) => el.isConnected), key);
  return { count, stay };
}

/**
 * Wait until the browser has drawn `n` animation frames (layout, a click's effects, any layout shift
 * of the last change are then recorded). Headless chromium has been seen to stop producing frames
 * for minutes while the page sat idle (a known trait of the new headless mode); after 10 s a timer
 * ends the wait instead and the stall is noted on the test: anything the page then fails to do
 * still fails the test.
 */
export async function frames(page: Page, n = 2): Promise<void> {
  const wait = () =>
    page.evaluate(
      (count) =>
        new Promise<boolean>((done) => {
          let left = count;
          const tick = () => (--left > 0 ? requestAnimationFrame(tick) : done(true));
          requestAnimationFrame(tick);
          setTimeout(() => done(false), 10_000);
        }),
      n,
    );
  if (await wait()) return;
  test.info().annotations.push({ type: 'stall', description: `no ${n} frames drawn in 10 s` });
  // A stalled page stayed stalled for every later wait (CI: 17 waits in a row on one page, the
  // test timed out); bringing its tab to the front makes chromium schedule frames for it again.
  await page.bringToFront();
  if (!(await wait())) test.info().annotations.push({ type: 'stall', description: 'still none after bringToFront' });
}

/**
 * How many islands still wait to hydrate among those a reader could scroll to (laid out and
 * visible); with `scroll`, the first of them is brought to the middle of the screen in the same
 * step: an island can hydrate between two separate steps, and counting and scrolling apart race.
 */
export function waitingIslands(page: Page, scroll = false): Promise<number> {
  return page.evaluate((scroll) => {
    const waiting = Array.from(document.querySelectorAll('astro-island[ssr]')).filter((island) =>
      Array.from(island.children).some((c) => c.getClientRects().length > 0 && c.checkVisibility()),
    );
    const first = waiting[0];
    if (scroll) (first?.firstElementChild ?? first)?.scrollIntoView({ block: 'center', behavior: 'instant' });
    return waiting.length;
  }, scroll);
}

/**
 * Scroll through the whole page so every `client:visible` widget hydrates, then wait for them.
 * Scrolling is instant: the site scrolls smoothly (unless motion is reduced), and each smooth
 * scroll would hold the next step back by its whole animation. An IntersectionObserver only sees
 * where the page is when a frame is drawn, so on a loaded machine a quick stride can pass an island
 * by unseen: each island still waiting afterwards is then brought into view on its own.
 */
export async function hydrateAll(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
    await frames(page); // the observers see the new position when a frame is drawn
  }
  for (let left = await waitingIslands(page, true); left > 0; left = await waitingIslands(page, true))
    await expect.poll(() => waitingIslands(page), { timeout: 20_000 }).toBeLessThan(left);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 20_000 });
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
}

/** A widget's schema: the export of its `state.ts` whose name ends in `Schema`. */
export async function schemaOf(name: string): Promise<Schema> {
  const mod = (await import(`../../src/widgets/${name}/state.ts`)) as Record<string, unknown>;
  const found = Object.entries(mod).filter(([k]) => k.endsWith('Schema'));
  if (found.length !== 1) throw new Error(`${name}: expected one schema export in state.ts, found ${found.length}`);
  return found[0]![1] as Schema;
}
