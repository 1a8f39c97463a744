import AxeBuilder from '@axe-core/playwright';
import { test, expect, openWidget, remember, openDetails } from './site';

const URL = 'embed/activation-explorer/';

test.describe('activation-explorer widget', () => {
  test('keyboard: the probe moves, f(x), f′(x), the formulas and the chart follow', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, 'activation-explorer');
    await expect(widget.locator('[data-readout="f-sigmoid"]')).toHaveText('0.731');
    await expect(widget.locator('[data-readout="df-sigmoid"]')).toHaveText('0.197');
    const chart = widget.locator('.chart__plot svg').first();
    const before = await chart.innerHTML();
    // Moving the probe moves only the overlay: the charts themselves are not drawn again.
    const drawn = await remember(widget.locator('.chart__plot > svg, .chart__plot > figure'));
    expect(drawn.count).toBe(2);
    const probe = widget.getByRole('slider', { name: 'Probe x' });
    await probe.focus();
    await page.keyboard.press('Home');
    await expect(probe).toHaveValue('-4');
    await expect(widget.locator('[data-readout="f-sigmoid"]')).toHaveText('0.018');
    await expect(widget.locator('[data-readout="df-relu"]')).toHaveText('0.000');
    await expect(widget.locator('[data-readout="notes"]')).toContainText('saturated');
    await expect(widget.locator('[data-readout="notes"]')).toContainText('dead');
    await expect(widget.locator('.tex').filter({ hasText: 'σ' }).last()).toContainText('4.00');
    await expect.poll(() => chart.innerHTML()).not.toBe(before);
    expect(await drawn.stay()).toBe(true);
    expect(watch.problems).toEqual([]);
  });

  test('the step: switched on, it explains the missing gradient; at x = 0 there is no derivative', async ({ page }) => {
    const widget = await openWidget(page, URL, 'activation-explorer');
    await expect(widget.locator('[data-readout="step-gradient"]')).toHaveCount(0);
    await widget.getByRole('switch', { name: 'Step' }).check();
    await expect(widget.locator('[data-readout="step-gradient"]')).toContainText(
      'cannot be trained by backpropagation',
    );
    await expect(widget.locator('[data-readout="df-step"]')).toHaveText('0.000');
    const field = widget.getByRole('textbox', { name: 'Probe x, exact value' });
    await field.fill('0');
    await field.press('Enter');
    await expect(widget.locator('[data-readout="df-step"]')).toHaveText('none (jump)');
    await expect(widget.locator('[data-readout="df-relu"]')).toContainText('by convention');
    await widget.getByRole('switch', { name: 'Sigmoid' }).uncheck();
    await expect(widget.locator('[data-readout="f-sigmoid"]')).toHaveCount(0);
  });

  test('dragging across the chart moves the probe', async ({ page }) => {
    const widget = await openWidget(page, URL, 'activation-explorer');
    const probe = widget.getByRole('slider', { name: 'Probe x' });
    const svg = widget.locator('.chart__plot svg').first();
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5, { steps: 4 });
    await page.mouse.up();
    const x = Number(await probe.inputValue());
    expect(x).toBeLessThan(-1);
    expect(x).toBeGreaterThan(-4);
    await expect(widget.locator('[data-readout="df-relu"]')).toHaveText('0.000');
  });

  test('leaky ReLU: its α slider appears and sets the slope for negative x', async ({ page }) => {
    const widget = await openWidget(page, `${URL}?activation-explorer=x:-1`, 'activation-explorer');
    await expect(widget.getByRole('slider', { name: /slope α/ })).toHaveCount(0);
    await widget.getByRole('switch', { name: 'Leaky ReLU' }).check();
    await expect(widget.locator('[data-readout="df-leaky"]')).toHaveText('0.100');
    const alpha = widget.getByRole('slider', { name: /slope α/ });
    await alpha.focus();
    await page.keyboard.press('End');
    await expect(widget.locator('[data-readout="df-leaky"]')).toHaveText('0.500');
    await expect(widget.locator('[data-readout="f-leaky"]')).toHaveText('−0.500');
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?activation-explorer=step:1,sigmoid:0,x:2.5`, 'activation-explorer');
    await expect(widget.getByRole('slider', { name: 'Probe x' })).toHaveValue('2.5');
    await expect(widget.getByRole('switch', { name: 'Step' })).toBeChecked();
    await expect(widget.getByRole('switch', { name: 'Sigmoid' })).not.toBeChecked();
    widget = await openWidget(
      page,
      `${URL}?activation-explorer=x:NaN,step:maybe,zz:%3Cscript%3E`,
      'activation-explorer',
    );
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('slider', { name: 'Probe x' })).toHaveValue('1');
    await expect(widget.getByRole('switch', { name: 'Step' })).not.toBeChecked();
    await widget.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(widget.getByRole('alert')).toHaveCount(0);
    expect(watch.problems).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violation in ${scheme} mode`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(
        page,
        `${URL}?activation-explorer=step:1,linear:1,leaky:1,x:0`,
        'activation-explorer',
      );
      await expect(widget.locator('.chart__plot svg')).toHaveCount(2);
      await openDetails(page);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      await context.close();
    });
  }
});
