import { test, expect, openWidget, remember, report, axeViolations, openDetails } from './site';

const URL = 'embed/lr-decay/';

test.describe('lr-decay widget', () => {
  test('the slide’s schedule: α₀ = 1, decay 0.1, 20 steps; the table agrees; the decay slider by keyboard', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'lr-decay');
    expect(await report(widget)).toMatchObject({ lr0: 1, decay: 0.1, steps: 20, lrAtLastStep: 0.344828 });
    await expect(widget.locator('[data-readout="formula"]')).toContainText('0.3448');
    await expect(widget.locator('[data-readout="schedule"]')).toContainText('halved at step 10');
    await widget.getByText('Show the data as a table').first().click();
    const table = widget.getByRole('table', { name: /The learning rate/ });
    await expect(table.locator('tbody tr')).toHaveCount(20);
    await expect(table.locator('tbody tr').nth(10)).toContainText('0.5000');
    const decay = widget.getByRole('slider', { name: 'Decay rate d' });
    await decay.focus();
    await page.keyboard.press('Home');
    await expect(decay).toHaveValue('0');
    await expect(widget.locator('[data-readout="schedule"]')).toContainText('no decay');
    await expect.poll(async () => (await report(widget)).lrAtLastStep).toBe(1);
    expect(watch.problems).toEqual([]);
  });

  test('α₀, decay and steps by keyboard move the schedule’s curve, not the charts', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'lr-decay');
    const schedule = widget.locator('.chart__plot svg').first();
    const curve = () => schedule.evaluate((svg) => svg.querySelector('.chart__overlay path')?.getAttribute('d') ?? '');
    const before = await curve();
    // The charts' SVGs (the schedule, the loss chart) must stay the same elements: the inputs below
    // move only the overlay (curve, dots, the α₀/2 line) and the description.
    const plots = widget.locator('.chart__plot > svg, .chart__plot > figure');
    let drawn = await remember(plots);
    expect(drawn.count).toBe(2);
    const press = async (name: string, keys: string[]) => {
      await widget.getByRole('slider', { name }).focus();
      for (const key of keys) await page.keyboard.press(key);
    };
    await press('Initial learning rate α₀', ['ArrowLeft', 'ArrowLeft', 'ArrowLeft']);
    await press('Decay rate d', Array<string>(5).fill('ArrowRight'));
    await press('Steps drawn', [...Array<string>(5).fill('ArrowLeft'), ...Array<string>(5).fill('ArrowRight')]);
    await expect.poll(() => report(widget)).toMatchObject({ lr0: 0.85, decay: 0.15, steps: 20 });
    expect((await report(widget)).lrAtLastStep).toBeCloseTo(0.85 / (1 + 0.15 * 19), 5);
    await expect(schedule).toHaveAttribute('aria-label', /from 0\.85 at step 0 to 0\.2208 at step 19\./);
    expect(await drawn.stay()).toBe(true);
    expect(await curve()).not.toBe(before);
    // α₀ past the axis's top (1) draws the axes once (now up to 1.2); back and forth across it, not again.
    await press('Initial learning rate α₀', Array<string>(4).fill('ArrowRight'));
    await expect.poll(async () => (await report(widget)).lr0).toBe(1.05);
    await expect(schedule).toContainText('1.2');
    drawn = await remember(plots);
    await press('Initial learning rate α₀', ['ArrowLeft', 'ArrowRight', 'ArrowLeft', 'ArrowRight', 'ArrowLeft']);
    await expect.poll(async () => (await report(widget)).lr0).toBe(1);
    expect(await drawn.stay()).toBe(true);
    expect(watch.problems).toEqual([]);
  });

  test('Play: the decayed rate settles lower than the constant one, from the same seed', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'lr-decay');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="status"]')).toContainText('Done: 40 epochs (200 updates) each', {
      timeout: 30_000,
    });
    const r = await report(widget);
    expect(r.epochs).toBe(40);
    expect(r.decayedLoss as number).toBeLessThan(r.constantLoss as number);
    await expect(widget.locator('[data-readout="decayed-loss"]')).toContainText('α = 0.0478'); // 1/(1 + 0.1·199)
    const paths = await widget
      .locator('.chart__plot svg path')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
    expect(paths.join(' ')).not.toContain('NaN');
    expect(watch.problems).toEqual([]);
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?lr-decay=lr0:0.5,decay:0.5,steps:5`, 'lr-decay');
    expect(await report(widget)).toMatchObject({ lr0: 0.5, decay: 0.5, lrAtLastStep: 0.166667 }); // 0.5/(1 + 0.5·4)
    widget = await openWidget(page, `${URL}?lr-decay=lr0:big,decay:-1`, 'lr-decay');
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('slider', { name: 'Initial learning rate α₀' })).toHaveValue('1');
    expect(watch.problems).toEqual([]);
  });

  test('axe finds no violation in light and dark mode', async ({ browser, baseURL }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, URL, 'lr-decay');
      await widget.getByRole('button', { name: 'Train one epoch' }).click();
      await openDetails(page);
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
