import AxeBuilder from '@axe-core/playwright';
import { test, expect, openWidget, drawnBars, openDetails } from './site';

const URL = 'embed/softmax/';

test.describe('softmax widget', () => {
  test('the fruit logits give the lecture probabilities; keyboard on a logit changes them and the bars', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'softmax');
    await expect(widget.locator('[data-readout="stable-p-0"]')).toHaveText('0.659');
    await expect(widget.locator('[data-readout="naive-p-0"]')).toHaveText('0.659');
    await expect(widget.locator('[data-readout="naive-exp-0"]')).toHaveText('7.389');
    await expect(widget.locator('[data-readout="naive-sum"]')).toHaveText('11.213');
    const chart = widget.locator('.chart__plot svg').first();
    await expect.poll(() => drawnBars(chart)).toBe(3);
    const before = await chart.innerHTML();
    const z3 = widget.getByRole('slider', { name: 'z₃ (banana)' });
    await z3.focus();
    await page.keyboard.press('End');
    await expect(z3).toHaveValue('10');
    await expect(widget.locator('[data-readout="stable-p-2"]')).toHaveText('1.000');
    await expect.poll(() => chart.innerHTML()).not.toBe(before);
    const k = widget.getByRole('slider', { name: 'Number of classes' });
    await k.focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget.getByRole('slider', { name: 'z₄ (pear)' })).toBeVisible();
    await expect(widget.locator('[data-readout="stable-p-3"]')).toHaveCount(1);
    // Four bars now; with z₃ = 10 only the banana's is taller than a pixel.
    await expect(chart.locator('.chart__overlay > g > rect')).toHaveCount(4);
    await expect.poll(() => drawnBars(chart)).toBe(1);
    expect(watch.problems).toEqual([]);
  });

  test("the lecture's huge logits: the naive formula overflows to Infinity and NaN, the stable one does not", async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, 'softmax');
    await widget.getByRole('button', { name: "The lecture's (1000, 999, 998.1)" }).click();
    await expect(widget.locator('[data-readout="logits"]')).toContainText('(1000.0, 999.0, 998.1)');
    await expect(widget.locator('[data-readout="naive-exp-0"]')).toHaveText('Infinity');
    await expect(widget.locator('[data-readout="naive-sum"]')).toHaveText('Infinity');
    await expect(widget.locator('[data-readout="naive-p-0"]')).toHaveText('NaN');
    await expect(widget.locator('[data-readout="naive-verdict"]')).toContainText('Overflow');
    await expect(widget.locator('[data-readout="stable-p-0"]')).toHaveText('0.659');
    await expect(widget.locator('[data-readout="stable-exp-0"]')).toHaveText('1.000');
    await expect(widget.locator('.chart__plot svg')).toHaveAttribute('aria-label', /naive formula gives NaN/);
    // And the other way: a shift of −1000 underflows to 0 / 0.
    const field = widget.getByRole('textbox', { name: 'Add to every logit, exact value' });
    await field.fill('-1000');
    await field.press('Enter');
    await expect(widget.locator('[data-readout="naive-sum"]')).toHaveText('0');
    await expect(widget.locator('[data-readout="naive-verdict"]')).toContainText('Underflow');
    await expect(widget.locator('[data-readout="stable-p-0"]')).toHaveText('0.659');
    expect(watch.problems).toEqual([]);
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?softmax=k:4,shift:800`, 'softmax');
    await expect(widget.getByRole('slider', { name: 'Number of classes' })).toHaveValue('4');
    await expect(widget.locator('[data-readout="naive-p-0"]')).toHaveText('NaN');
    widget = await openWidget(page, `${URL}?softmax=k:zero,z:1_2,shift:Infinity`, 'softmax');
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('slider', { name: 'Number of classes' })).toHaveValue('3');
    await expect(widget.locator('[data-readout="stable-p-0"]')).toHaveText('0.659');
    await widget.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(widget.getByRole('alert')).toHaveCount(0);
    expect(watch.problems).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violation in ${scheme} mode`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, `${URL}?softmax=shift:998`, 'softmax');
      await expect(widget.locator('.chart__plot svg')).toHaveCount(1);
      await openDetails(page);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      await context.close();
    });
  }
});
