import { test, expect, openWidget, remember, axeViolations, openDetails } from './site';

const URL = 'embed/mse/';

test.describe('mse widget', () => {
  test("the slides' 23.5 vs 22.9 gives 0.36; keyboard and typed values change the loss and the squares", async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'mse');
    await expect(widget.locator('[data-readout="mse"]')).toHaveText('0.36');
    await expect(widget).toHaveAttribute('data-report', /"mse":0.36\b/);
    const chart = widget.locator('.chart__plot svg');
    const before = await chart.innerHTML();
    // A value moves only the overlay (squares, errors, points): the chart is not drawn again.
    const drawn = await remember(chart);
    const prediction = widget.getByRole('slider', { name: 'Prediction ŷ₁' });
    await prediction.focus();
    await page.keyboard.press('ArrowRight');
    await expect(prediction).toHaveValue('23');
    await expect(widget.locator('[data-readout="mse"]')).toHaveText('0.25');
    await expect.poll(() => chart.innerHTML()).not.toBe(before);
    const field = widget.getByRole('textbox', { name: 'True temperature y₁, exact value' });
    await field.fill('23');
    await field.press('Enter');
    await expect(widget.locator('[data-readout="mse"]')).toHaveText('0.00');
    expect(await drawn.stay()).toBe(true);
    // More days: one big miss dominates the mean.
    await widget.getByRole('button', { name: 'Five days, one big miss' }).click();
    await expect(widget.locator('[data-readout="sum"]')).toHaveText('17.11');
    await expect(widget.locator('[data-readout="mse"]')).toHaveText('3.422');
    await expect(widget).toHaveAttribute('data-report', /"n":5/);
    await expect(widget.locator('.chart__plot svg')).toHaveAttribute(
      'aria-label',
      /day 5, true 17\.5, predicted 21\.5, squared error 16\.00/,
    );
    expect(watch.problems).toEqual([]);
  });

  test('dragging the prediction on the chart moves it and updates the loss', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'mse');
    const diamond = widget.locator('.chart__overlay [data-mark="prediction"]').first();
    const box = (await diamond.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + 30, { steps: 4 });
    await page.mouse.up();
    const value = Number(await widget.getByRole('slider', { name: 'Prediction ŷ₁' }).inputValue());
    expect(value).toBeLessThan(22.7);
    const expected = ((23.5 - value) ** 2).toFixed(2);
    await expect(widget.locator('[data-readout="mse"]')).toHaveText(expected);
    expect(watch.problems).toEqual([]);
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?mse=n:2,p:23.5_19_21.5_25_17.5`, 'mse');
    await expect(widget.getByRole('slider', { name: 'Number of days' })).toHaveValue('2');
    await expect(widget.locator('[data-readout="mse"]')).toHaveText('0.00');
    widget = await openWidget(page, `${URL}?mse=n:many,t:1_2,p:NaN`, 'mse');
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.locator('[data-readout="mse"]')).toHaveText('0.36');
    await widget.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(widget.getByRole('alert')).toHaveCount(0);
    expect(watch.problems).toEqual([]);
  });

  test('axe finds no violation in light and dark mode', async ({ browser, baseURL }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, `${URL}?mse=n:5`, 'mse');
      await expect(widget.locator('.chart__plot svg')).toHaveCount(1);
      await openDetails(page);
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
