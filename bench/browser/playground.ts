/**
 * The playground while it trains: spiral data, speed "as fast as it goes", Play; then over a 5 s
 * window the frames drawn (requestAnimationFrame callbacks), the longest gap between two frames,
 * and the long tasks (PerformanceObserver 'longtask', tasks over 50 ms).
 */
import type { Browser } from 'playwright-core';
import { newContext, percentile } from './common.ts';

export const WINDOW_MS = 5000;
/** Training starts (JIT, first charts) before the window opens. */
const SETTLE_MS = 1000;

export interface PlaygroundResult {
  fps: number;
  /** the longest interval between two animation frames, ms */
  longestFrame: number;
  /** p95 interval between two animation frames, ms */
  p95Frame: number;
  longTasks: number;
  /** the longest task, ms (0 if none over 50 ms) */
  longestTask: number;
  /** epochs trained during the window (from the widget's readout) */
  epochs: number;
}

declare global {
  interface Window {
    __longTasks: number[];
  }
}

export async function measurePlayground(browser: Browser, base: string): Promise<PlaygroundResult> {
  const context = await newContext(browser);
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(`${base}embed/playground/`);
  const widget = page.locator('astro-island:not([ssr]) [data-widget="playground"]');
  await widget.waitFor({ timeout: 30_000 });
  await widget.getByLabel('Data set').selectOption('spiral');
  await widget.getByLabel('Speed').selectOption('fast');
  const epoch = async () => Number(await widget.locator('[data-readout="epoch"]').innerText());
  await widget.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(SETTLE_MS);

  const epochsBefore = await epoch();
  const measured = await page.evaluate(async (duration) => {
    const longBefore = window.__longTasks.length;
    const frames: number[] = [];
    await new Promise<void>((resolve) => {
      const tick = (t: number) => {
        frames.push(t);
        if (t - frames[0]! < duration) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    return { frames, longTasks: window.__longTasks.slice(longBefore) };
  }, WINDOW_MS);
  const epochs = (await epoch()) - epochsBefore;
  await context.close();

  const gaps = measured.frames.slice(1).map((t, i) => t - measured.frames[i]!);
  const span = measured.frames[measured.frames.length - 1]! - measured.frames[0]!;
  return {
    fps: (gaps.length / span) * 1000,
    longestFrame: Math.max(...gaps),
    p95Frame: percentile(gaps, 95),
    longTasks: measured.longTasks.length,
    longestTask: Math.max(0, ...measured.longTasks),
    epochs,
  };
}
