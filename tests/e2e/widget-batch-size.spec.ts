import type { Locator } from '@playwright/test';
import { test, expect, openWidget, report, chartPaths, axeViolations, openDetails } from './site';

const URL = 'embed/batch-size/';
const cell = (widget: Locator, run: string, readout: string) =>
  widget.locator(`tr[data-run="${run}"] [data-readout="${readout}"]`);

test.describe('batch-size widget', () => {
  test('the batch slider (keyboard) changes ⌈N / batch⌉; one epoch counts iterations and epochs apart', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'batch-size');
    const updates = widget.locator('[data-readout="updates"]');
    await expect(updates).toContainText('6 batches of 8 and one of 2');
    expect(await report(widget)).toMatchObject({ batchSize: 8, updatesPerEpoch: 7, epochs: 0 });
    const batch = widget.getByRole('slider', { name: 'Mini-batch size' });
    await batch.focus();
    await page.keyboard.press('ArrowRight');
    await expect(batch).toHaveValue('9');
    await expect(updates).toContainText('5 batches of 9 and one of 5');
    await expect.poll(() => report(widget)).toMatchObject({ batchSize: 9, updatesPerEpoch: 6 });
    await widget.getByRole('button', { name: 'Train one epoch' }).click();
    for (const [run, iterations] of [
      ['full', '1'],
      ['mini', '6'],
      ['single', '50'],
    ]) {
      await expect(cell(widget, run!, 'epochs')).toHaveText('1');
      await expect(cell(widget, run!, 'iterations')).toHaveText(iterations!);
    }
    expect(await report(widget)).toMatchObject({ epochs: 1, iterations: 6 });
    expect(watch.problems).toEqual([]);
  });

  test('Play trains all three side by side to the end; the curves are drawn, never NaN', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'batch-size');
    const before = await chartPaths(widget);
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(widget.locator('[data-readout="status"]')).toContainText('Done: 150 epochs each', { timeout: 30_000 });
    await expect(cell(widget, 'single', 'iterations')).toHaveText('7500');
    await expect(cell(widget, 'mini', 'iterations')).toHaveText('1050');
    const after = await chartPaths(widget);
    expect(after).not.toEqual(before);
    expect(after.join(' ')).not.toContain('NaN');
    const r = await report(widget);
    expect(r.epochs).toBe(150);
    // Per epoch, the mini-batch run (7 updates each) gets far below the full batch (1 update each).
    expect(r.miniLoss as number).toBeLessThan((r.fullLoss as number) / 2);
    expect(watch.problems).toEqual([]);
  });

  test('the same seed gives the same run', async ({ page }) => {
    const widget = await openWidget(page, `${URL}?batch-size=seed:7`, 'batch-size');
    const step = widget.getByRole('button', { name: 'Train one epoch' });
    for (let i = 0; i < 3; i++) await step.click();
    const first = await report(widget);
    await widget.getByRole('button', { name: 'Restart training' }).click();
    await expect(cell(widget, 'mini', 'epochs')).toHaveText('0');
    for (let i = 0; i < 3; i++) await step.click();
    expect(await report(widget)).toEqual(first);
    expect(first.epochs).toBe(3);
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?batch-size=batch:16,lr:0.2`, 'batch-size');
    await expect(widget.getByRole('slider', { name: 'Mini-batch size' })).toHaveValue('16');
    await expect(widget.locator('[data-readout="updates"]')).toContainText('3 batches of 16 and one of 2');
    widget = await openWidget(page, `${URL}?batch-size=batch:zero,lr:9,seed:-`, 'batch-size');
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('slider', { name: 'Mini-batch size' })).toHaveValue('8');
    expect(watch.problems).toEqual([]);
  });

  test('axe finds no violation in light and dark mode', async ({ browser, baseURL }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, URL, 'batch-size');
      await widget.getByRole('button', { name: 'Train one epoch' }).click();
      await openDetails(page);
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
