import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { test, expect, openWidget, openDetails } from './site';

const URL = 'embed/logic-gates/';

/** The heat map's picture (Plot's raster is an <image> with a data URL): it changes when the network does. */
const heatMap = (widget: Locator) => widget.locator('.chart__plot svg image').first().getAttribute('href');

test.describe('logic-gates widget', () => {
  test('keyboard: Play learns AND with one neuron; the heat map, loss and readouts follow', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'logic-gates');
    await expect(widget.locator('[data-readout="epochs"]')).toHaveText('0');
    const before = await heatMap(widget);
    const play = widget.getByRole('button', { name: 'Play' });
    await play.focus();
    await page.keyboard.press('Enter');
    await expect(widget.locator('[data-readout="status"]')).toContainText('Learned', { timeout: 20_000 });
    await expect(widget.locator('[data-readout="accuracy"]')).toHaveText('4 of 4');
    expect(Number(await widget.locator('[data-readout="loss"]').innerText())).toBeLessThan(0.05);
    expect(Number(await widget.locator('[data-readout="epochs"]').innerText())).toBeGreaterThan(5);
    expect(await heatMap(widget)).not.toBe(before);
    // The loss curve has been drawn (a line with more than one point).
    await expect(widget.locator('.logic-gates__loss svg path').first()).toHaveAttribute('d', /L/);
    expect(watch.problems).toEqual([]);
  });

  test('a single neuron gets stuck on XOR and says why', async ({ page }) => {
    const widget = await openWidget(page, URL, 'logic-gates');
    await widget.getByRole('combobox', { name: 'Logic gate' }).selectOption('xor');
    await widget.getByRole('button', { name: 'Play' }).click();
    const status = widget.locator('[data-readout="status"]');
    await expect(status).toContainText('No straight line', { timeout: 30_000 });
    await expect(status).toContainText('0.693');
    await expect(widget.locator('[data-readout="accuracy"]')).not.toHaveText('4 of 4');
    await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible(); // it stopped by itself
  });

  test('the 2-2-1 network learns XOR, and the same seed gives the same run', async ({ page }) => {
    const widget = await openWidget(page, URL, 'logic-gates');
    await widget.getByRole('combobox', { name: 'Logic gate' }).selectOption('xor');
    await widget.getByRole('combobox', { name: 'Network' }).selectOption('2-2-1');
    await expect(widget.locator('.tex').first()).toContainText('h');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="status"]')).toContainText('Learned', { timeout: 20_000 });
    await expect(widget.locator('[data-readout="accuracy"]')).toHaveText('4 of 4');
    const first = {
      eq: await widget.locator('.tex').first().textContent(),
      epochs: await widget.locator('[data-readout="epochs"]').innerText(),
    };
    await widget.getByRole('button', { name: 'Restart training' }).click();
    await expect(widget.locator('[data-readout="epochs"]')).toHaveText('0');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="status"]')).toContainText('Learned', { timeout: 20_000 });
    expect(await widget.locator('[data-readout="epochs"]').innerText()).toBe(first.epochs);
    expect(await widget.locator('.tex').first().textContent()).toBe(first.eq);
  });

  test('step, seed and learning rate by keyboard; a typed seed out of range is clamped', async ({ page }) => {
    const widget = await openWidget(page, URL, 'logic-gates');
    const eq = widget.locator('.tex').first();
    const start = await eq.textContent();
    await widget.getByRole('button', { name: 'Train one epoch' }).click();
    await expect(widget.locator('[data-readout="epochs"]')).toHaveText('1');
    await expect.poll(() => eq.textContent()).not.toBe(start);
    const lr = widget.getByRole('slider', { name: 'Learning rate η' });
    await lr.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(lr).toHaveValue('1.9');
    // A new setting starts a fresh run from the same initial weights.
    await expect(widget.locator('[data-readout="epochs"]')).toHaveText('0');
    await expect.poll(() => eq.textContent()).toBe(start);
    const seed = widget.getByRole('textbox', { name: 'Seed, exact value' });
    await seed.fill('123456');
    await seed.press('Enter');
    await expect(seed).toHaveValue('9999');
    await expect(widget.getByText('123456 is outside 0 … 9999; set to 9999.')).toBeVisible();
    await expect.poll(() => eq.textContent()).not.toBe(start);
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?logic-gates=gate:xor,arch:2-2-1,seed:3`, 'logic-gates');
    await expect(widget.getByRole('combobox', { name: 'Logic gate' })).toHaveValue('xor');
    await expect(widget.getByRole('combobox', { name: 'Network' })).toHaveValue('2-2-1');
    await expect(widget.getByRole('slider', { name: 'Seed' })).toHaveValue('3');
    widget = await openWidget(page, `${URL}?logic-gates=gate:nand,lr:NaN,zz:%3Cscript%3E`, 'logic-gates');
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('combobox', { name: 'Logic gate' })).toHaveValue('and');
    await expect(widget.getByRole('slider', { name: 'Learning rate η' })).toHaveValue('2');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="status"]')).toContainText('Learned', { timeout: 20_000 });
    await widget.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(widget.getByRole('alert')).toHaveCount(0);
    await expect(widget.locator('[data-readout="epochs"]')).toHaveText('0');
    expect(watch.problems).toEqual([]);
  });

  test('with reduced motion, Play runs to the end without animating', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL: baseURL!, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const widget = await openWidget(page, URL, 'logic-gates');
    await widget.getByRole('combobox', { name: 'Network' }).selectOption('2-2-1');
    await widget.getByRole('combobox', { name: 'Logic gate' }).selectOption('xor');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="status"]')).toContainText('Learned', { timeout: 10_000 });
    await expect(widget.locator('[data-readout="accuracy"]')).toHaveText('4 of 4');
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violation in ${scheme} mode`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, `${URL}?logic-gates=gate:xor,arch:2-2-1`, 'logic-gates');
      await widget.getByRole('button', { name: 'Train one epoch' }).click();
      await expect(widget.locator('.chart__plot > svg')).toHaveCount(2);
      await openDetails(page);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      await context.close();
    });
  }
});
