import type { Locator } from '@playwright/test';
import { test, expect, openWidget, remember, report, axeViolations, overflowX } from './site';

const URL = 'embed/chain-rule/';
const NAME = 'chain-rule';

test.describe('chain-rule widget', () => {
  test("starts at the lecture's example, where the chain rule and the numerical slope agree", async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, NAME);
    // σ′(g)·w₂·σ′(w₁x)·w₁ with w₁ = 0.5, w₂ = −1.5, x = 2 (worked out in model.test.ts)
    await expect(widget.locator('[data-readout="analytic"]')).toHaveText('−0.02767653');
    await expect(widget.locator('[data-readout="numeric"]')).toHaveText('−0.02767653');
    await expect(widget.locator('[data-readout="relError"]')).toContainText('they agree');
    await expect(widget.locator('[data-equation="product"] .katex-mathml').first()).toContainText('0.1877');
    const r = await report(widget);
    expect(r.relError).toBeLessThan(1e-7);
    expect(watch.problems).toEqual([]);
  });

  test('pieces and sliders change every link; a ReLU on its kink makes the two disagree, and says why', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, NAME);
    await widget.getByRole('combobox', { name: 'Inner piece f₁' }).selectOption('linear');
    await widget.getByRole('combobox', { name: 'Outer piece f₂' }).selectOption('square');
    // F(x) = (w₂w₁x)² = (−1.5)² = 2.25 at the defaults; F′(x) = 2(w₂w₁)²x = 2·0.5625·2 = 2.25
    await expect(widget.locator('[data-readout="analytic"]')).toHaveText('2.25000000');
    const w1 = widget.getByRole('slider', { name: 'Weight w₁' });
    await w1.focus();
    await page.keyboard.press('End');
    await expect(w1).toHaveValue('3');
    // F′ = 2·(−1.5·3)²·2 = 81
    await expect(widget.locator('[data-readout="analytic"]')).toHaveText('81.00000000');
    await widget.getByRole('combobox', { name: 'Inner piece f₁' }).selectOption('relu');
    const x = widget.getByRole('textbox', { name: 'Input x, exact value' });
    await x.fill('0');
    await x.press('Enter');
    await expect(widget.locator('[data-readout="kink"]')).toContainText('kink');
    await expect(widget.locator('[data-readout="relError"]')).toContainText('they disagree');
    expect((await report(widget)).atKink).toBe(true);
    await page.keyboard.press('Tab'); // leave the field
    const slider = widget.getByRole('slider', { name: 'Input x' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget.locator('[data-readout="relError"]')).toContainText('they agree');
    expect(watch.problems).toEqual([]);
  });

  test('x, the weights and the inner piece move only the overlay; the outer piece redraws the axes for its range', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, NAME);
    const analytic = widget.locator('[data-readout="analytic"]');
    const curve = widget.locator('.chart__overlay path').first();
    await expect(curve).toHaveAttribute('d', /^M/);
    const plot = widget.locator('.chart__plot > svg, .chart__plot > figure');
    let drawn = await remember(plot);
    // Each control, pressed by keyboard, changes the readout (and, but for x, the curve) without
    // drawing the Plot chart again.
    const press = async (control: Locator, key: string, times: number, curveMoves: boolean) => {
      const value = await analytic.textContent();
      const d = await curve.getAttribute('d');
      await control.focus();
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
      await expect(analytic).not.toHaveText(value!);
      if (curveMoves) await expect(curve).not.toHaveAttribute('d', d!);
      expect(await drawn.stay()).toBe(true);
    };
    await press(widget.getByRole('slider', { name: 'Input x' }), 'ArrowLeft', 3, false);
    await press(widget.getByRole('slider', { name: 'Weight w₁' }), 'ArrowRight', 3, true);
    await press(widget.getByRole('slider', { name: 'Weight w₂' }), 'ArrowLeft', 3, true);
    await press(widget.getByRole('combobox', { name: 'Inner piece f₁' }), 'ArrowDown', 1, true);
    await expect(widget.getByRole('combobox', { name: 'Inner piece f₁' })).toHaveValue('tanh');
    // A sigmoid outside keeps F in 0…1; a tanh outside needs −1…1: the axes are drawn again, once.
    const outer = widget.getByRole('combobox', { name: 'Outer piece f₂' });
    await outer.focus();
    await page.keyboard.press('ArrowDown');
    await expect(outer).toHaveValue('tanh');
    await expect.poll(drawn.stay).toBe(false);
    await expect(widget.locator('.chart__plot svg [aria-label="y-axis tick label"] text').first()).toHaveText('−1.0');
    // An unbounded piece outside: −1.8 tanh(0.8x) gets −2…2, which the next weight still fits.
    await outer.selectOption('linear');
    await expect(analytic).toHaveText(/\d/);
    drawn = await remember(plot);
    await press(widget.getByRole('slider', { name: 'Weight w₁' }), 'ArrowRight', 1, true);
    expect(watch.problems).toEqual([]);
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?chain-rule=f1:tanh,x:1`, NAME);
    await expect(widget.getByRole('combobox', { name: 'Inner piece f₁' })).toHaveValue('tanh');
    widget = await openWidget(page, `${URL}?chain-rule=f1:softmax,x:abc`, NAME);
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.locator('[data-readout="analytic"]')).toHaveText('−0.02767653');
    expect(watch.problems).toEqual([]);
  });

  test('fits a 360 px phone, and axe finds no violation in light and dark', async ({ browser, baseURL }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        baseURL: baseURL!,
        colorScheme: scheme,
        viewport: { width: scheme === 'light' ? 360 : 1280, height: 800 },
      });
      const page = await context.newPage();
      await openWidget(page, URL, NAME);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
