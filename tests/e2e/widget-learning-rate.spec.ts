import { test, expect, openWidget, report, chartPaths, axeViolations, openDetails } from './site';

const URL = 'embed/learning-rate/';

test.describe('learning-rate widget', () => {
  test('too big: the parabola steps zig-zag outwards and the network run stops, saying it diverged', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'learning-rate');
    await widget.getByRole('button', { name: /too big/ }).click();
    await expect(widget.getByRole('slider', { name: 'Learning rate α' })).toHaveValue('1.05');
    await expect(widget.locator('[data-readout="parabola"]')).toContainText('diverge');
    await expect(widget.locator('[data-readout="parabola"]')).toContainText('w = 6.4308'); // 3·1.1⁸
    await widget.getByRole('button', { name: 'Play' }).click();
    const status = widget.locator('[data-readout="status"]');
    await expect(status).toContainText(/Diverged (after epoch \d+|in the first epoch)/, { timeout: 20_000 });
    await expect(status).toContainText('smaller learning rate');
    // The sentence and the readout count the same epochs, and write numbers for readers (no "1.413e+3").
    const epochs = await widget.locator('[data-readout="epochs"]').innerText();
    const said = /after epoch (\d+)/.exec(await status.innerText())?.[1] ?? '0';
    expect(said).toBe(epochs);
    await expect(status).not.toContainText(/\de[+-]?\d/);
    await expect(status).toContainText('more than 1000× the loss before training');
    const r = await report(widget);
    expect(r).toMatchObject({ lr: 1.05, diverged: true, health: 'diverged' });
    expect(Number.isFinite(r.finalLoss)).toBe(true);
    expect((await chartPaths(widget)).join(' ')).not.toContain('NaN');
    await expect(widget.locator('[data-readout="loss"]')).not.toContainText('NaN');
    expect(watch.problems).toEqual([]);
  });

  test('good: trains to the end without diverging, and the loss falls', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'learning-rate');
    await widget.getByRole('button', { name: /^good/ }).click();
    await expect(widget.locator('[data-readout="parabola"]')).toContainText('w = 0.0117'); // 3·0.5⁸
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="status"]')).toContainText('Done: 300 epochs', { timeout: 30_000 });
    const r = await report(widget);
    expect(r).toMatchObject({ lr: 0.25, diverged: false, epochs: 300 });
    expect(r.finalLoss as number).toBeLessThan(0.03);
    expect(watch.problems).toEqual([]);
  });

  test('by keyboard: α and the number of steps change the drawing; one epoch trains once', async ({ page }) => {
    const widget = await openWidget(page, URL, 'learning-rate');
    const before = await chartPaths(widget);
    const text = widget.locator('[data-readout="parabola"]');
    const start = await text.innerText();
    const lr = widget.getByRole('slider', { name: 'Learning rate α' });
    await lr.focus();
    await page.keyboard.press('ArrowRight');
    await expect(lr).toHaveValue('0.26');
    await expect.poll(() => text.innerText()).not.toBe(start);
    const steps = widget.getByRole('slider', { name: 'Steps on the parabola' });
    await steps.focus();
    await page.keyboard.press('End');
    await expect(steps).toHaveValue('30');
    await expect(text).toContainText('After 30 steps');
    expect(await chartPaths(widget)).not.toEqual(before);
    await widget.getByRole('button', { name: 'Train one epoch' }).click();
    await expect(widget.locator('[data-readout="epochs"]')).toHaveText('1');
    expect(await report(widget)).toMatchObject({ lr: 0.26, epochs: 1, diverged: false });
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?learning-rate=lr:0.8,steps:12`, 'learning-rate');
    await expect(widget.getByRole('slider', { name: 'Learning rate α' })).toHaveValue('0.8');
    await expect(widget.locator('[data-readout="parabola"]')).toContainText('zig-zag inwards');
    widget = await openWidget(page, `${URL}?learning-rate=lr:fast,steps:1e9`, 'learning-rate');
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('slider', { name: 'Learning rate α' })).toHaveValue('0.25');
    expect(watch.problems).toEqual([]);
  });

  test('axe finds no violation in light and dark mode', async ({ browser, baseURL }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, URL, 'learning-rate');
      await widget.getByRole('button', { name: 'Train one epoch' }).click();
      await openDetails(page);
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
