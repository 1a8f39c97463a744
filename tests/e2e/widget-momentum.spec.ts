import { test, expect, openWidget, remember, report, chartPaths, axeViolations, openDetails } from './site';

const URL = 'embed/momentum/';

test.describe('momentum widget', () => {
  test('the good preset: one step shows the velocity −α·∇E; Play walks both paths to the end', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'momentum');
    await widget.getByRole('button', { name: /Good momentum and learning rate/ }).click();
    await expect(widget.getByRole('slider', { name: 'Learning rate α' })).toHaveValue('0.2');
    await expect(widget.getByRole('slider', { name: 'Momentum β' })).toHaveValue('0.6');
    const before = await chartPaths(widget);
    await widget.getByRole('button', { name: 'One step' }).click();
    // v = −0.2·(0.2·(−4), 10·1) = (0.16, −2), |v| = 2.006
    await expect(widget.locator('[data-readout="velocity"]')).toHaveText('(0.160, −2.000), 2.006');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="status"]')).toContainText('Done: 40 steps', { timeout: 30_000 });
    const r = await report(widget);
    expect(r).toMatchObject({ lr: 0.2, momentum: 0.6, steps: 40, sgdDiverged: false });
    expect(r.momentumLoss as number).toBeLessThan((r.sgdLoss as number) / 100);
    const after = await chartPaths(widget);
    expect(after).not.toEqual(before);
    expect(after.join(' ')).not.toContain('NaN');
    expect(watch.problems).toEqual([]);
  });

  test('by keyboard: a learning rate too big for plain SGD makes it diverge, in words', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'momentum');
    const lr = widget.getByRole('slider', { name: 'Learning rate α' });
    await lr.focus();
    await page.keyboard.press('End');
    await expect(lr).toHaveValue('0.3');
    await expect(widget.locator('[data-readout="verdict"]')).toContainText('plain SGD diverges');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="status"]')).toContainText('Plain SGD diverged', { timeout: 30_000 });
    await expect.poll(async () => (await report(widget)).sgdDiverged).toBe(true);
    expect((await chartPaths(widget)).join(' ')).not.toContain('NaN');
    expect(watch.problems).toEqual([]);
  });

  test('the Steps slider by keyboard restarts the runs without drawing the charts again', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'momentum');
    await widget.getByRole('button', { name: 'One step' }).click();
    await expect.poll(async () => (await report(widget)).steps).toBe(1);
    // The map and the loss chart must stay the same elements: only their overlays move.
    const plots = widget.locator('.chart__plot > svg, .chart__plot > figure');
    let drawn = await remember(plots);
    expect(drawn.count).toBe(2);
    const steps = widget.getByRole('slider', { name: 'Steps' });
    await steps.focus();
    for (const key of [...Array<string>(5).fill('ArrowLeft'), ...Array<string>(5).fill('ArrowRight')])
      await page.keyboard.press(key);
    await expect(steps).toHaveValue('40');
    // A new number of steps starts both runs afresh: no step taken, the loss curves back at the start.
    await expect.poll(async () => (await report(widget)).steps).toBe(0);
    expect(await drawn.stay()).toBe(true);
    // Past the step axis's end (40) the loss chart's axes are drawn once (now to 50); back and forth, not again.
    await page.keyboard.press('ArrowRight');
    await expect(steps).toHaveValue('41');
    await expect(widget.locator('.chart__plot svg').nth(1)).toContainText('50');
    drawn = await remember(plots);
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowLeft', 'ArrowRight', 'ArrowLeft'])
      await page.keyboard.press(key);
    await expect(steps).toHaveValue('40');
    expect(await drawn.stay()).toBe(true);
    expect(watch.problems).toEqual([]);
  });

  test('the heavy-ball preset; settings from the link; a garbage link falls back with a notice', async ({
    page,
    watch,
  }) => {
    let widget = await openWidget(page, URL, 'momentum');
    await widget.getByRole('button', { name: /Large momentum, small learning rate/ }).click();
    await expect(widget.getByRole('slider', { name: 'Momentum β' })).toHaveValue('0.95');
    await expect.poll(() => report(widget)).toMatchObject({ lr: 0.03, momentum: 0.95 });
    widget = await openWidget(page, `${URL}?momentum=lr:0.1,momentum:0.9,steps:60`, 'momentum');
    await expect(widget.getByRole('slider', { name: 'Steps' })).toHaveValue('60');
    widget = await openWidget(page, `${URL}?momentum=lr:x,momentum:2`, 'momentum');
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    // Unreadable → the default; out of range → clamped to the nearest bound.
    await expect(widget.getByRole('slider', { name: 'Learning rate α' })).toHaveValue('0.18');
    await expect(widget.getByRole('slider', { name: 'Momentum β' })).toHaveValue('0.99');
    expect(watch.problems).toEqual([]);
  });

  test('axe finds no violation in light and dark mode', async ({ browser, baseURL }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, URL, 'momentum');
      await widget.getByRole('button', { name: 'One step' }).click();
      await openDetails(page);
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
