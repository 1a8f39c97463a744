import AxeBuilder from '@axe-core/playwright';
import { test, expect, openWidget, overflowX } from './site';

const URL = 'embed/forward-pass/';
const NAME = 'forward-pass';

test.describe('forward-pass widget', () => {
  test("starts at the lecture's example and the keyboard moves an input through to ŷ", async ({ page, watch }) => {
    const widget = await openWidget(page, URL, NAME);
    const yhat = widget.locator('[data-readout="yhat"]');
    await expect(yhat).toHaveText('ŷ = 0.7816');
    const diagram = widget.getByRole('img', { name: /network of the slide/ });
    await expect(diagram.locator('[data-value="1-0"]')).toHaveText('0.85');
    const x1 = widget.getByRole('slider', { name: 'Input x₁' });
    await x1.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await expect(x1).toHaveValue('0.8');
    // z¹₁ = 0.2·0.8 + 0.7·0.5 + (−0.3)·(−1) = 0.81
    await expect(diagram.locator('[data-value="0-0"]')).toHaveText('0.80');
    await expect(diagram.locator('[data-value="1-0"]')).toHaveText('0.81');
    await expect(widget.locator('[data-equation="h1"] .katex-mathml')).toContainText('0.810');
    await expect(yhat).not.toHaveText('ŷ = 0.7816');
    expect(watch.problems).toEqual([]);
  });

  test('a weight slider changes its edge, the hidden value and the equation', async ({ page }) => {
    const widget = await openWidget(page, URL, NAME);
    const edge = widget.locator('[data-edge="0-0-1"]');
    await expect(edge).toHaveAttribute('data-sign', 'negative');
    const w = widget.getByRole('slider', { name: 'Weight w¹₁₂, x₁ to h₂' });
    await w.focus();
    await page.keyboard.press('End');
    await expect(w).toHaveValue('3');
    await expect(edge).toHaveAttribute('data-sign', 'positive');
    await expect(widget.locator('[data-weight="0-0-1"]')).toHaveText('3.00');
    // z¹₂ = 3·1 + 0.1·0.5 + 0.5·(−1) = 2.55, positive, so ReLU keeps it
    await expect(widget.locator('[data-value="1-1"]')).toHaveText('2.55');
    await expect(widget.locator('[data-equation="h2"] .katex-mathml')).toContainText('2.550');
    const field = widget.getByRole('textbox', { name: 'Weight w²₁y, h₁ to ŷ, exact value' });
    await field.fill('7');
    await field.press('Enter');
    await expect(field).toHaveValue('3.00');
    await expect(widget.getByText('7 is outside −3 … 3; set to 3.')).toBeVisible();
  });

  test('f and g change the values and the equations: step then linear', async ({ page, watch }) => {
    const widget = await openWidget(page, URL, NAME);
    await widget.getByRole('combobox', { name: 'Hidden activation f' }).selectOption('step');
    await expect(widget.locator('[data-value="1-0"]')).toHaveText('1.00');
    await expect(widget.locator('[data-value="1-1"]')).toHaveText('0.00');
    await expect(widget.getByRole('img', { name: /network of the slide/ })).toContainText('f = Step');
    await widget.getByRole('combobox', { name: 'Output activation g' }).selectOption('linear');
    // ŷ = 1.5·1 + (−0.8)·0 = 1.5
    await expect(widget.locator('[data-readout="yhat"]')).toHaveText('ŷ = 1.5000');
    await expect(widget.locator('[data-equation="output"] .katex-mathml')).toContainText('1.5000');
    expect(watch.problems).toEqual([]);
  });

  test('the flow lights the layers one after the other, by step and by play', async ({ page }) => {
    const widget = await openWidget(page, URL, NAME);
    const lit = widget.locator('[data-node][data-lit]');
    const next = widget.getByRole('button', { name: 'Next layer' });
    await expect(lit).toHaveCount(0);
    await next.click();
    await expect(lit).toHaveCount(3);
    await expect(widget.locator('[data-readout="stage"]')).toContainText('Step 1 of 3');
    await next.click();
    await expect(lit).toHaveCount(2);
    await expect(widget.locator('[data-edge][data-lit]')).toHaveCount(6);
    await expect(widget.locator('[data-equation="h1"]')).toHaveAttribute('data-active', '');
    await next.click();
    await expect(lit).toHaveCount(1);
    await expect(widget.locator('[data-equation="output"]')).toHaveAttribute('data-active', '');
    await next.click();
    await expect(lit).toHaveCount(0);
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="stage"]')).toContainText('Step 1 of 3');
    await expect(widget.locator('[data-readout="stage"]')).toContainText('Step 3 of 3', { timeout: 5_000 });
    await expect(lit).toHaveCount(0, { timeout: 5_000 }); // the flow ends showing everything again
    await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('with reduced motion, play jumps to the end of the flow at once', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL: baseURL!, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const widget = await openWidget(page, URL, NAME);
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(widget.locator('[data-readout="stage"]')).toContainText('Step 3 of 3');
    await expect(widget.locator('[data-node][data-lit]')).toHaveCount(1);
    await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible();
    await context.close();
  });

  test('settings come from the link; a garbage link falls back with a visible notice', async ({ page, watch }) => {
    let widget = await openWidget(page, `${URL}?forward-pass=f:tanh,g:linear,x:0.5_0.5_0.5`, NAME);
    await expect(widget.getByRole('combobox', { name: 'Hidden activation f' })).toHaveValue('tanh');
    await expect(widget.getByRole('slider', { name: 'Input x₃' })).toHaveValue('0.5');
    widget = await openWidget(page, `${URL}?forward-pass=f:softmax,w1:1_2,x:NaN_0_0,zz:%3Cscript%3E`, NAME);
    await expect(widget.getByRole('alert')).toContainText('could not all be used');
    await expect(widget.getByRole('combobox', { name: 'Hidden activation f' })).toHaveValue('relu');
    await expect(widget.locator('[data-readout="yhat"]')).toHaveText('ŷ = 0.7816');
    await widget.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(widget.getByRole('alert')).toHaveCount(0);
    expect(watch.problems).toEqual([]);
  });

  test('on a 360 px phone: nothing overflows, the diagram fits, sliders work by touch and keys', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({
      baseURL: baseURL!,
      viewport: { width: 360, height: 740 },
      hasTouch: true,
    });
    const page = await context.newPage();
    const widget = await openWidget(page, URL, NAME);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const svg = widget.locator('.network-diagram svg[role="img"]');
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(360);
    expect(Number(await svg.getAttribute('width'))).toBeLessThan(340); // laid out for the phone, not scaled down
    const w = widget.getByRole('slider', { name: 'Weight w²₂y, h₂ to ŷ' });
    await w.focus();
    await page.keyboard.press('Home');
    await expect(w).toHaveValue('-3');
    await expect(widget.locator('[data-weight="1-1-0"]')).toHaveText('−3.00');
    await widget.getByRole('button', { name: 'Next layer' }).tap();
    await expect(widget.locator('[data-node][data-lit]')).toHaveCount(3);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violation in ${scheme} mode`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL: baseURL!, colorScheme: scheme });
      const page = await context.newPage();
      const widget = await openWidget(page, URL, NAME);
      await expect(widget.locator('.network-diagram svg[role="img"]')).toHaveCount(1);
      await widget.getByRole('button', { name: 'Next layer' }).click();
      await widget.getByRole('button', { name: 'Next layer' }).click();
      await expect(widget.locator('[data-node][data-lit]')).toHaveCount(2);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      await context.close();
    });
  }
});
