/**
 * Input → next frame: for each widget, the time from a keydown's `event.timeStamp` to the first
 * requestAnimationFrame after it and then a task after that frame (a MessageChannel message) —
 * the moment the frame could be painted. Beside it the floor: the same on a bare
 * `<input type=range>` page with no script, served by the bench itself, in the same run.
 */
import type { Browser, Page } from 'playwright-core';
import { widgets } from '../../src/widgets/registry.ts';
import { newContext, percentile } from './common.ts';

/** One frame at 60 Hz: a widget passes when its p95 is within one frame of the floor's p95. */
export const FRAME_MS = 16.7;
/** Presses before the measured ones (first-use costs: JIT, lazily loaded chunks). */
const WARMUP = 2;

export interface InputResult {
  name: string;
  /** what was driven: the control's label and the two keys pressed in turn */
  driven: string;
  samples: number[];
  p50: number;
  p95: number;
  max: number;
  /** samples with an Event Timing entry (keydown, input, change…) of 16 ms or more */
  slowEvents: number;
  /** the longest Event Timing entry of the measured samples, ms (0 if none ≥ 16 ms) */
  longestEvent: number;
}

interface Probe {
  /** keydown timeStamp and ms from it to the task after the next frame */
  samples: { t0: number; ms: number }[];
  /** Event Timing entries of 16 ms or more */
  events: { start: number; duration: number }[];
}
declare global {
  interface Window {
    __bench: Probe;
  }
}

/** Installed in every page before its scripts: the probe and the Event Timing observer. */
function probe() {
  const bench: Probe = { samples: [], events: [] };
  window.__bench = bench;
  addEventListener(
    'keydown',
    (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => bench.samples.push({ t0, ms: performance.now() - t0 });
        channel.port2.postMessage(0);
      });
    },
    true,
  );
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.events.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
}

const BARE_SLIDER = `<!doctype html><html lang="en"><title>bare slider</title>
<label>Bare slider <input type="range" min="0" max="100" value="50"></label></html>`;
export const FLOOR = '(bare slider: the floor)';

/**
 * Marks the control to drive with `data-bench-drive` and says which keys move it: the first range
 * input; else the first spin-button-like text entry (aria-valuenow, moved by ArrowUp/Down); else
 * the first select (ArrowDown/Up); else the first button (Enter). With `named`, only a control
 * whose label contains it (any case) is taken, of any of those kinds.
 */
function pickControl(root: Element, named?: string): { label: string; keys: [string, string] } | undefined {
  // No helper functions in here: the page runs this function's source, and tsx would wrap a named
  // inner function in a helper the page does not have.
  const labels = new Map<Element, string | undefined>();
  for (const el of root.querySelectorAll<HTMLElement>('input, select, button'))
    labels.set(
      el,
      el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
        el.textContent?.trim(),
    );
  const candidates: [string, [string, string]][] = [
    ['input[type=range]', ['ArrowRight', 'ArrowLeft']],
    ['input[aria-valuenow]', ['ArrowUp', 'ArrowDown']],
    ['select', ['ArrowDown', 'ArrowUp']],
    ['button', ['Enter', 'Enter']],
  ];
  for (const [selector, keys] of candidates) {
    const el = [...root.querySelectorAll<HTMLElement>(selector)].find(
      (e) =>
        !(e as HTMLInputElement).disabled &&
        e.offsetParent !== null &&
        !/reset|restart/i.test(`${e.getAttribute('aria-label')} ${e.textContent}`) &&
        (!named || (labels.get(e) ?? '').toLowerCase().includes(named.toLowerCase())),
    );
    if (!el) continue;
    el.setAttribute('data-bench-drive', '');
    const label = labels.get(el) ?? selector;
    return { label: `${el.tagName.toLowerCase()} "${label.replace(/\s+/g, ' ').slice(0, 40)}"`, keys };
  }
  return undefined;
}

/** Presses the driven control's keys in turn, one sample at a time; returns the measured samples. */
async function drive(
  page: Page,
  keys: [string, string],
  samples: number,
): Promise<Omit<InputResult, 'name' | 'driven'>> {
  const control = page.locator('[data-bench-drive]');
  await control.focus();
  const times: { t0: number; ms: number }[] = [];
  for (let i = 0; i < WARMUP + samples; i++) {
    const before = await page.evaluate(() => window.__bench.samples.length);
    const key = keys[i % 2]!;
    await page.keyboard.down(key);
    await page.waitForFunction((n) => window.__bench.samples.length > n, before);
    await page.keyboard.up(key);
    // let whatever the widget deferred finish before the next press: two more frames
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    if (i >= WARMUP) times.push(await page.evaluate((n) => window.__bench.samples[n]!, before));
  }
  // Event Timing entries are reported after the frame they end in: give the observer a moment.
  await page.waitForTimeout(300);
  const events = await page.evaluate(() => window.__bench.events);
  // each entry belongs to the last keydown at or before it
  const longest = times.map(() => 0);
  for (const e of events) {
    let k = -1;
    for (let j = 0; j < times.length; j++) if (times[j]!.t0 <= e.start + 0.01) k = j;
    if (k >= 0 && e.start < times[k]!.t0 + 1000) longest[k] = Math.max(longest[k]!, e.duration);
  }
  const ms = times.map((t) => t.ms);
  return {
    samples: ms,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: Math.max(...ms),
    slowEvents: longest.filter((d) => d >= 16).length,
    longestEvent: Math.max(0, ...longest),
  };
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await newContext(browser);
  await context.addInitScript(probe);
  return context.newPage();
}

/** The floor: a bare range input and no script but the probe, served by the bench itself. */
export async function measureFloor(browser: Browser, base: string, samples: number): Promise<InputResult> {
  const page = await newPage(browser);
  const url = `${base}__bench/bare-slider/`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: BARE_SLIDER }));
  await page.goto(url);
  const picked = await page.locator('body').evaluate(pickControl);
  const result = await drive(page, picked!.keys, samples);
  await page.context().close();
  return { name: FLOOR, driven: `${picked!.label}, ${picked!.keys.join('/')}`, ...result };
}

/** One widget on its embed page, once hydrated (its island has lost the `ssr` marker). */
export async function measureWidget(
  browser: Browser,
  base: string,
  name: string,
  samples: number,
  control?: string,
): Promise<InputResult> {
  const page = await newPage(browser);
  await page.goto(`${base}embed/${name}/`);
  const root = page.locator(`astro-island:not([ssr]) [data-widget="${name}"]`);
  await root.waitFor({ timeout: 30_000 });
  const picked = await root.evaluate(pickControl, control);
  if (!picked)
    throw new Error(
      `${name}: no ${control ? `control labelled "${control}"` : 'range input, entry, select or button'} to drive`,
    );
  const result = await drive(page, picked.keys, samples);
  await page.context().close();
  return { name, driven: `${picked.label}, ${picked.keys.join('/')}`, ...result };
}

export const widgetNames = () => widgets.map((w) => w.name);
