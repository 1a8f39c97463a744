import { test, expect, openWidget, report, axeViolations, overflowX } from './site';

const URL = 'embed/backprop-stepper/';
const NAME = 'backprop-stepper';

test.describe('backprop-stepper widget', () => {
  test('steps forward and through the seven backprop steps, lighting the diagram, to the update', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, URL, NAME);
    const title = widget.locator('[data-readout="title"]');
    const next = widget.getByRole('button', { name: 'Next →' });
    const lit = widget.locator('[data-node][data-lit]');
    await expect(title).toHaveText('Forward 1 of 4: the inputs');
    await expect(lit).toHaveCount(3);
    await next.click();
    await expect(title).toContainText('hidden layer');
    await expect(widget.locator('[data-edge][data-lit]')).toHaveCount(6);
    await next.click();
    await next.click();
    // Forward 4: the lecture's loss E = −log ŷ with ŷ = σ(1.275) = 0.7816
    await expect(widget.locator('[data-equation="step"] .katex-mathml')).toContainText('0.2464');
    await next.click();
    await expect(title).toContainText('step 1 of 7');
    // ∂E/∂ŷ = −1/ŷ = −1.2794
    await expect(widget.locator('[data-equation="step"] .katex-mathml')).toContainText('-1.2794');
    await expect(widget.locator('[data-weight="w²₁y"] td').nth(0)).toHaveText('…');
    await next.click();
    await next.click();
    await expect(title).toContainText('step 3 of 7');
    await expect(widget.locator('[data-weight="w²₁y"]')).toHaveAttribute('data-active', '');
    await expect(widget.locator('[data-weight="w²₁y"] td').nth(0)).toHaveText('−0.185642');
    // The keyboard: arrows on the step buttons move too.
    await next.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(title).toContainText('step 7 of 7');
    await expect(next).toHaveAttribute('aria-disabled', 'true');
    await expect(next).toBeFocused();
    // The edges now carry the updated weights: w¹₁₁ = 0.2 − 0.5·(−0.3276) = 0.3638
    await expect(widget.locator('[data-weight="0-0-0"]')).toHaveText('0.36');
    const r = await report(widget);
    expect(r).toMatchObject({ step: 11, totalSteps: 11 });
    expect(r.loss).toBeCloseTo(0.2464, 4);
    expect(r.lossAfter).toBeLessThan(r.loss!);
    expect(r.maxRelError).toBeLessThan(1e-6);
    await page.keyboard.press('ArrowLeft');
    await expect(title).toContainText('step 6 of 7');
    await widget.getByRole('button', { name: 'Previous' }).click();
    await expect(title).toContainText('step 5 of 7');
    expect(watch.problems).toEqual([]);
  });

  test('loss, activations, target and α change the numbers; the gradient check still agrees', async ({
    page,
    watch,
  }) => {
    const widget = await openWidget(page, `${URL}?backprop-stepper=step:5`, NAME);
    await expect(widget.locator('[data-readout="title"]')).toContainText('step 1 of 7');
    await widget.getByRole('combobox', { name: 'Loss E' }).selectOption('mse');
    // ∂E/∂ŷ = 2(ŷ − y) = 2(0.7816 − 1)
    await expect(widget.locator('[data-equation="step"] .katex-mathml')).toContainText('-0.4368');
    await widget.getByRole('combobox', { name: 'Hidden activation f' }).selectOption('tanh');
    await widget.getByRole('combobox', { name: 'Output activation g' }).selectOption('linear');
    const y = widget.getByRole('slider', { name: 'Target y' });
    await y.focus();
    await page.keyboard.press('Home');
    await expect(widget.locator('[data-readout="maxRelError"]')).toContainText('every gradient agrees');
    const alpha = widget.getByRole('slider', { name: 'Learning rate α' });
    await alpha.focus();
    await page.keyboard.press('End');
    await expect(widget.locator('[data-readout="loss"]')).toContainText('→');
    expect((await report(widget)).maxRelError).toBeLessThan(1e-6);
    expect(watch.problems).toEqual([]);
  });

  test('a garbage link falls back with a visible notice', async ({ page, watch }) => {
    const widget = await openWidget(page, `${URL}?backprop-stepper=step:99x,loss:hinge`, NAME);
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.locator('[data-readout="title"]')).toHaveText('Forward 1 of 4: the inputs');
    await expect(widget.getByRole('combobox', { name: 'Loss E' })).toHaveValue('bce');
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
      const widget = await openWidget(page, `${URL}?backprop-stepper=step:7`, NAME);
      await expect(widget.locator('[data-node][data-lit]')).toHaveCount(3);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page, scheme)).toEqual([]);
      await context.close();
    }
  });
});
