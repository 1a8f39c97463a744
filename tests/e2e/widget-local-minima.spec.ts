import { test, expect, openWidget, remember, report, axeViolations, overflowX } from './site';

const URL = 'embed/local-minima/';
const NAME = 'local-minima';

test.describe('local-minima widget', () => {
  test('by keyboard: a start on the left rolls into the local minimum, one on the right into the global one', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, NAME);
    await expect(widget.locator('[data-readout="basin"]')).toContainText('basin of the local minimum');
    await widget.getByRole('button', { name: 'Drop a ball here' }).press('Enter');
    await expect(widget.locator('[data-readout="last"]')).toContainText('local minimum at w = −1.3', {
      timeout: 10_000,
    });
    const start = widget.getByRole('slider', { name: 'Start w₀' });
    await start.focus();
    await page.keyboard.press('End');
    await expect(widget.locator('[data-readout="basin"]')).toContainText('basin of the global minimum');
    await widget.getByRole('button', { name: 'Drop a ball here' }).click();
    await expect(widget.locator('[data-readout="last"]')).toContainText('global minimum at w = 1.48', {
      timeout: 10_000,
    });
    await expect(widget.locator('[data-readout="counts"]')).toHaveText(
      '2: 1 reached the global minimum, 1 the local one',
    );
    expect(await report(widget)).toMatchObject({ runs: 2, globalReached: 1, localReached: 1, diverged: 0 });
    expect(watch.problems).toEqual([]);
  });

  test('the start and a rolling ball move only the overlay: the chart is not drawn again', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, NAME);
    const chart = widget.locator('.local-minima__chart svg[role="img"]').first();
    const drawn = await remember(chart);
    const start = widget.getByRole('slider', { name: 'Start w₀' });
    await start.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(start).toHaveValue('-1.85');
    await page.keyboard.press('End');
    await expect(widget.locator('[data-readout="basin"]')).toContainText('basin of the global minimum');
    expect(await drawn.stay()).toBe(true);
    // An animated run: every frame moves the ball in the overlay.
    await widget.getByRole('button', { name: 'Drop a ball here' }).click();
    await expect(widget.locator('[data-readout="last"]')).toContainText('global minimum', { timeout: 10_000 });
    await expect(chart).toHaveAttribute('aria-label', /1 finished runs: from 2\.40 to the global\.$/);
    await expect(widget.locator('.chart__overlay')).toContainText('global ×1');
    expect(await drawn.stay()).toBe(true);
    expect(watch.problems).toEqual([]);
  });

  test('a click on the chart drops a ball there; too large a learning rate never settles', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, NAME);
    const svg = widget.locator('.local-minima__chart svg[role="img"]').first();
    const box = (await svg.boundingBox())!;
    // Right part of the plot (the global minimum's basin)
    await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.5);
    await expect(widget.locator('[data-readout="last"]')).toContainText('global minimum', { timeout: 10_000 });
    expect(Number(await widget.getByRole('slider', { name: 'Start w₀' }).inputValue())).toBeGreaterThan(1);
    const lr = widget.getByRole('slider', { name: 'Learning rate α' });
    await lr.focus();
    await page.keyboard.press('End');
    const start = widget.getByRole('slider', { name: 'Start w₀' });
    await start.focus();
    await page.keyboard.press('End');
    await widget.getByRole('button', { name: 'Drop a ball here' }).click();
    await expect(widget.locator('[data-readout="last"]')).toContainText(/diverged|did not settle/, { timeout: 10_000 });
    expect((await report(widget)).diverged).toBe(1);
    await widget.getByRole('button', { name: 'Clear runs' }).click();
    await expect(widget.locator('[data-readout="counts"]')).toHaveText('none yet');
    expect(watch.problems).toEqual([]);
  });

  test('with reduced motion a run ends at once; a garbage link shows the notice', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL: baseURL!, reducedMotion: 'reduce' });
    const page = await context.newPage();
    let widget = await openWidget(page, `${URL}?local-minima=start:0.5`, NAME);
    await widget.getByRole('button', { name: 'Drop a ball here' }).click();
    expect(await report(widget)).toMatchObject({ runs: 1, globalReached: 1 });
    widget = await openWidget(page, `${URL}?local-minima=lr:fast,start:99`, NAME);
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('slider', { name: 'Learning rate α' })).toHaveValue('0.05');
    await context.close();
  });

  test('fits a 360 px phone, and axe finds no violation in light and dark', async ({ browser, baseURL }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        baseURL: baseURL!,
        colorScheme: scheme,
        reducedMotion: 'reduce',
        viewport: { width: scheme === 'light' ? 360 : 1280, height: 800 },
      });
      const page = await context.newPage();
      const widget = await openWidget(page, URL, NAME);
      await widget.getByRole('button', { name: 'Drop a ball here' }).click();
      await expect(widget.locator('[data-readout="counts"]')).not.toHaveText('none yet');
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
