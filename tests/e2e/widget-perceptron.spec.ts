import AxeBuilder from '@axe-core/playwright';
import { test, expect, openWidget, openDetails } from './site';

const URL = 'embed/perceptron/';

test.describe('perceptron widget', () => {
  test('keyboard: arrows move a weight, the readout and the equation follow', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'perceptron');
    const readout = widget.locator('[data-readout="accuracy"]');
    const before = await readout.innerText();
    const w1 = widget.getByRole('slider', { name: 'Weight w₁' });
    await w1.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await expect(w1).toHaveValue('0.3');
    await expect(widget.locator('.tex').first()).toContainText('0.30');
    await page.keyboard.press('End');
    await expect(w1).toHaveValue('4');
    await expect.poll(() => readout.innerText()).not.toBe(before);
    expect(watch.problems).toEqual([]);
  });

  test('a typed value out of range is clamped with a visible hint; garbage is refused', async ({ page }) => {
    const widget = await openWidget(page, URL, 'perceptron');
    const field = widget.getByRole('textbox', { name: 'Bias b, exact value' });
    await field.fill('99');
    await field.press('Enter');
    await expect(field).toHaveValue('3.00');
    await expect(widget.getByText('99 is outside −3 … 3; set to 3.')).toBeVisible();
    await field.fill('abc');
    await field.press('Enter');
    await expect(field).toHaveValue('3.00');
    await expect(widget.getByText('"abc" is not a number; kept 3.00.')).toBeVisible();
  });

  test('learning converges to a line with no misclassified point', async ({ page }) => {
    const widget = await openWidget(page, URL, 'perceptron');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="accuracy"]')).toContainText('every point is right', {
      timeout: 30_000,
    });
    await expect(widget.locator('[data-readout="epochs"]')).toContainText('converged');
  });

  test('the sigmoid shows the loss; dragging the line changes the weights', async ({ page }) => {
    const widget = await openWidget(page, URL, 'perceptron');
    await widget.getByRole('combobox', { name: 'Activation' }).selectOption('sigmoid');
    await expect(widget.locator('[data-readout="loss"]')).toHaveText(/^\d+\.\d{3}$/);
    const b = widget.getByRole('slider', { name: 'Bias b' });
    const before = await b.inputValue();
    const svg = widget.locator('.chart__plot svg').first();
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.85, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => b.inputValue()).not.toBe(before);
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?perceptron=w1:1.5,act:sigmoid`, 'perceptron');
    await expect(widget.getByRole('slider', { name: 'Weight w₁' })).toHaveValue('1.5');
    await expect(widget.getByRole('combobox', { name: 'Activation' })).toHaveValue('sigmoid');
    widget = await openWidget(page, `${URL}?perceptron=w1:NaN,zz:%3Cscript%3E,b:1e999`, 'perceptron');
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('slider', { name: 'Weight w₁' })).toHaveValue('0.8');
    await widget.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(widget.getByRole('alert')).toHaveCount(0);
    expect(watch.problems).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violation in ${scheme} mode`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, URL, 'perceptron');
      await expect(widget.locator('.chart__plot svg')).toHaveCount(1);
      await openDetails(page);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      await context.close();
    });
  }
});
