/**
 * Cumulative layout shift of a page at one viewport size, while the page is scrolled through in
 * steps so its widgets hydrate (programmatic scrolling is not input, so those shifts count).
 * Shifts right after input (`hadRecentInput`) are ignored, as in the CLS definition.
 */
import type { Browser } from 'playwright-core';
import { newContext, scrollThrough } from './common.ts';

export const CLS_LIMIT = 0.05;
export const VIEWPORTS = [
  { width: 360, height: 800 },
  { width: 1280, height: 800 },
] as const;

export interface ClsResult {
  page: string;
  width: number;
  /** the sum of every layout shift */
  total: number;
  /** the largest session window (shifts < 1 s apart, ≤ 5 s long): CLS as web-vitals and Lighthouse report it */
  session: number;
  /** the largest single shift and the element that moved most in it */
  largest: { value: number; at: number; source: string } | undefined;
  notHydrated: number;
}

interface Shift {
  value: number;
  at: number;
  source: string;
}
declare global {
  interface Window {
    __shifts: Shift[];
  }
}

function observeShifts() {
  window.__shifts = [];
  const describe = (node: Node | null | undefined): string => {
    if (!(node instanceof Element)) return node?.nodeName ?? '?';
    const cls = [...node.classList].slice(0, 2).join('.');
    return `${node.tagName.toLowerCase()}${node.id ? '#' + node.id : ''}${cls ? '.' + cls : ''}`;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node; currentRect: DOMRectReadOnly; previousRect: DOMRectReadOnly }[];
    })[]) {
      if (e.hadRecentInput) continue;
      const area = (r: DOMRectReadOnly) => r.width * r.height;
      const biggest = [...(e.sources ?? [])].sort(
        (a, b) => area(b.currentRect) + area(b.previousRect) - area(a.currentRect) - area(a.previousRect),
      )[0];
      window.__shifts.push({ value: e.value, at: e.startTime, source: describe(biggest?.node) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The largest sum of shifts in a session window: shifts less than 1 s apart, the window at most 5 s long. */
export function sessionWindow(shifts: readonly { value: number; at: number }[]): number {
  let best = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.at - last < 1000 && s.at - first < 5000) current += s.value;
    else {
      current = s.value;
      first = s.at;
    }
    last = s.at;
    best = Math.max(best, current);
  }
  return best;
}

export async function measureCls(
  browser: Browser,
  base: string,
  page: string,
  viewport: { width: number; height: number },
): Promise<ClsResult> {
  const context = await newContext(browser, viewport);
  await context.addInitScript(observeShifts);
  const tab = await context.newPage();
  await tab.goto(base + page, { waitUntil: 'load' });
  const notHydrated = await scrollThrough(tab, 150);
  // shifts are reported after the frame they happen in
  await tab.waitForTimeout(300);
  const shifts = await tab.evaluate(() => window.__shifts);
  await context.close();
  const largest = [...shifts].sort((a, b) => b.value - a.value)[0];
  return {
    page,
    width: viewport.width,
    total: shifts.reduce((s, x) => s + x.value, 0),
    session: sessionWindow(shifts),
    largest,
    notHydrated,
  };
}
