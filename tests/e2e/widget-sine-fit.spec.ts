import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { test, expect, openWidget, chartPaths, openDetails } from './site';

const URL = 'embed/sine-fit/';

const mse = async (widget: Locator) =>
  Number((await widget.locator('[data-readout="mse"]').innerText()).replace('−', '-'));

test.describe('sine-fit widget', () => {
  test('linear units stay on the best straight line, however many units and layers', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'sine-fit');
    const before = await chartPaths(widget);
    await widget.getByRole('button', { name: 'Play' }).click();
    const status = widget.locator('[data-readout="status"]');
    await expect(status).toContainText('Stuck on a straight line', { timeout: 30_000 });
    expect(await widget.locator('[data-readout="mse"]').innerText()).toBe('0.200');
    await expect(widget.locator('[data-readout="line"]')).toContainText('0.299');
    expect(await chartPaths(widget)).not.toEqual(before);
    // Three layers of 32 units, set by keyboard: still the same line.
    const layers = widget.getByRole('slider', { name: 'Hidden layers' });
    await layers.focus();
    await page.keyboard.press('End');
    await expect(layers).toHaveValue('3');
    const units = widget.getByRole('slider', { name: 'Linear units per layer' });
    await units.focus();
    await page.keyboard.press('End');
    await expect(units).toHaveValue('32');
    await expect(widget.locator('[data-readout="epochs"]')).toHaveText('0');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(status).toContainText('3 hidden layers of 32 linear units', { timeout: 30_000 });
    expect(await widget.locator('[data-readout="mse"]').innerText()).toBe('0.200');
    expect(watch.problems).toEqual([]);
  });

  test('by hand: the slide preset, hinge sliders by keyboard, the six-hinge preset', async ({ page }) => {
    const widget = await openWidget(page, URL, 'sine-fit');
    await widget.getByRole('combobox', { name: 'Hidden units' }).selectOption('hand');
    const tex = widget.locator('.tex').first();
    await expect(tex).toContainText('max');
    await expect(widget.getByRole('slider', { name: 'Weight w₁' })).toHaveValue('6');
    await expect(widget.getByRole('slider', { name: 'Output bias c' })).toHaveValue('-0.7');
    const start = await mse(widget);
    const startTex = await tex.textContent();
    const c = widget.getByRole('slider', { name: 'Output bias c' });
    await c.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(c).toHaveValue('-0.5');
    await expect.poll(() => mse(widget)).not.toBe(start);
    await expect.poll(() => tex.textContent()).not.toBe(startTex);
    // Edit hinge 2 by keyboard
    await widget.getByRole('combobox', { name: 'Hinge to edit' }).selectOption('2');
    const b2 = widget.getByRole('slider', { name: 'Bias b₂' });
    await expect(b2).toHaveValue('-0.7');
    await b2.focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => b2.inputValue()).not.toBe('-0.7');
    // A third hinge appears when the count goes up
    await widget.getByRole('slider', { name: 'Hinges' }).focus();
    await page.keyboard.press('ArrowRight');
    await widget.getByRole('combobox', { name: 'Hinge to edit' }).selectOption('3');
    await expect(widget.getByRole('slider', { name: 'Weight w₃' })).toBeVisible();
    await widget.getByRole('button', { name: 'Six hinges along the sine' }).click();
    await expect(widget.getByRole('combobox', { name: 'x range shown' })).toHaveValue('sine');
    await expect(widget.getByRole('slider', { name: 'Hinges' })).toHaveValue('6');
    expect(await mse(widget)).toBeLessThan(0.01);
    await expect(widget.locator('[data-readout="compare"]')).toContainText('times smaller');
    await widget.getByRole('button', { name: "The slide's formula" }).click();
    await expect(widget.getByRole('slider', { name: 'Hinges' })).toHaveValue('2');
    await expect(widget.getByRole('combobox', { name: 'x range shown' })).toHaveValue('slide');
  });

  test('trained ReLU units beat the line by far; the run is remembered', async ({ page }) => {
    const widget = await openWidget(page, URL, 'sine-fit');
    await widget.getByRole('combobox', { name: 'Hidden units' }).selectOption('relu');
    await expect(widget.getByRole('slider', { name: 'ReLU units' })).toHaveValue('8');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="status"]')).toContainText('Done', { timeout: 30_000 });
    expect(await mse(widget)).toBeLessThan(0.01);
    await expect(widget.locator('[data-readout="compare"]')).toContainText('times smaller');
    await expect(widget.getByRole('table', { name: 'Your finished runs' })).toContainText('8');
    expect((await chartPaths(widget)).join(' ')).not.toContain('NaN');
  });

  test('a learning rate that is too large diverges, and the widget says so in words', async ({ page }) => {
    const widget = await openWidget(page, `${URL}?sine-fit=layers:3,units:32`, 'sine-fit');
    const lr = widget.getByRole('textbox', { name: 'Learning rate η, exact value' });
    await lr.fill('0.05');
    await lr.press('Enter');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="status"]')).toContainText('diverged', { timeout: 20_000 });
    await expect(widget.locator('[data-readout="status"]')).toContainText('smaller learning rate');
    expect(await widget.locator('[data-readout="mse"]').innerText()).not.toContain('NaN');
    expect((await chartPaths(widget)).join(' ')).not.toContain('NaN');
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?sine-fit=mode:relu,units:16,seed:4`, 'sine-fit');
    await expect(widget.getByRole('combobox', { name: 'Hidden units' })).toHaveValue('relu');
    await expect(widget.getByRole('slider', { name: 'ReLU units' })).toHaveValue('16');
    widget = await openWidget(page, `${URL}?sine-fit=mode:cubic,units:999,hw:1_2,lr:0x1`, 'sine-fit');
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('combobox', { name: 'Hidden units' })).toHaveValue('linear');
    await expect(widget.getByRole('slider', { name: 'Linear units per layer' })).toHaveValue('32');
    await expect(widget.getByRole('slider', { name: 'Learning rate η' })).toHaveValue('0.005');
    await widget.getByRole('button', { name: 'Dismiss' }).click();
    await expect(widget.getByRole('alert')).toHaveCount(0);
    expect(watch.problems).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violation in ${scheme} mode (trained and by hand)`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      for (const mode of ['relu', 'hand']) {
        const widget = await openWidget(page, `${URL}?sine-fit=mode:${mode}`, 'sine-fit');
        if (mode === 'relu') await widget.getByRole('button', { name: 'Train one epoch' }).click();
        await expect(widget.locator('.chart__plot svg').first()).toBeVisible();
        await openDetails(page);
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${mode} ${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`),
        ).toEqual([]);
      }
      await context.close();
    });
  }
});
